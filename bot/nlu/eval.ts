// Held-out evaluation of the NLU: `npm run eval:nlu`.
// Trains on the training split only, then measures intents and a few entity values on heldout.ts.

import { HELDOUT_ENTITIES, HELDOUT_ENTITY_REFERENCE_TIME, HELDOUT_INTENTS } from './data/heldout.ts';
import { TRAINING_EXAMPLES } from './data/train.ts';
import { extractEntities, INTENTS, trainNlu, type IntentName } from './index.ts';

const pct = (x: number): string => (100 * x).toFixed(1) + '%';

const trainStart = performance.now();
const trainCpuStart = process.cpuUsage();
const nlu = trainNlu(TRAINING_EXAMPLES);
const trainCpu = process.cpuUsage(trainCpuStart);
const trainMs = performance.now() - trainStart;

const cases = (Object.entries(HELDOUT_INTENTS) as [IntentName, string[]][]).flatMap(([intent, texts]) => texts.map((text) => ({ text, intent })));
const confusion = new Map<string, number>();
const stats = new Map<IntentName, { tp: number; fp: number; fn: number }>(INTENTS.map((i) => [i, { tp: 0, fp: 0, fn: 0 }]));
const latencies: number[] = [];
const errors: string[] = [];
// Wall time suffers when other processes share the CPU; CPU time shows the parser's own cost.
const cpuLatencies: number[] = [];
// Steady state: the first pass pays JIT compilation, as the first messages after start-up would.
for (const { text } of cases) nlu.parse(text);
let correct = 0;
for (const { text, intent } of cases) {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const predicted = nlu.parse(text).intent.name;
  const cpu = process.cpuUsage(cpuStart);
  const elapsed = performance.now() - start;
  latencies.push(elapsed);
  cpuLatencies.push((cpu.user + cpu.system) / 1000);
  if (predicted === intent) {
    correct++;
    stats.get(intent)!.tp++;
  } else {
    stats.get(intent)!.fn++;
    stats.get(predicted)!.fp++;
    const pair = `${intent} → ${predicted}`;
    confusion.set(pair, (confusion.get(pair) ?? 0) + 1);
    errors.push(`  [${pair}] ${text}`);
  }
}

console.log(`training examples: ${TRAINING_EXAMPLES.length}, training time: ${trainMs.toFixed(0)} ms wall, ${((trainCpu.user + trainCpu.system) / 1000).toFixed(0)} ms CPU`);
console.log(`held-out messages: ${cases.length}`);
console.log(`intent accuracy: ${pct(correct / cases.length)}`);
let f1Sum = 0;
console.log('\nintent                precision  recall    F1   support');
for (const intent of INTENTS) {
  const { tp, fp, fn } = stats.get(intent)!;
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  f1Sum += f1;
  console.log(`${intent.padEnd(21)} ${pct(precision).padStart(8)} ${pct(recall).padStart(8)} ${pct(f1).padStart(7)} ${String(tp + fn).padStart(6)}`);
}
console.log(`macro-F1: ${pct(f1Sum / INTENTS.length)}`);
console.log('\ntop confusions (expected → predicted):');
for (const [pair, count] of [...confusion].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${count} × ${pair}`);
if (process.argv.includes('--errors')) console.log('\nerrors:\n' + errors.join('\n'));

function quantiles(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): string => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(3);
  return `p50 ${at(0.5)}  p95 ${at(0.95)}  p99 ${at(0.99)}`;
}
console.log(`\nparse latency (intent + entities), wall ms: ${quantiles(latencies)}`);
console.log(`parse latency (intent + entities), CPU ms:  ${quantiles(cpuLatencies)}`);

const referenceTime = new Date(HELDOUT_ENTITY_REFERENCE_TIME);
let exact = 0;
const entityMisses: string[] = [];
for (const { text, expected } of HELDOUT_ENTITIES) {
  const got = extractEntities(text, { referenceTime }).map((e) => `${e.type}=${e.value}`).sort();
  const want = expected.map((e) => `${e.type}=${e.value}`).sort();
  if (JSON.stringify(got) === JSON.stringify(want)) exact++;
  else entityMisses.push(`  ${text}\n    expected ${want.join(', ')}\n    got      ${got.join(', ')}`);
}
console.log(`\nentity exact-match rate: ${pct(exact / HELDOUT_ENTITIES.length)} (${exact}/${HELDOUT_ENTITIES.length})`);
if (entityMisses.length > 0) console.log(entityMisses.join('\n'));

// A/B comparison of two server settings under the same turn load, run
// alternately so that drift in a shared machine's load hits both sides:
// `npx tsx bench/ab-turns.ts <conversations> <seconds> <rounds> NAME=value[,NAME=value] [NAME=value...]`
// Each side is a set of environment variables for Ana's process; "-" is none.
import { median } from './lib/stats.ts';
import { startAnaTarget } from './lib/targets.ts';
import { measureTurns, warmUp, type TurnFigures } from './turns.bench.ts';

const [conversations, seconds, rounds] = [Number(process.argv[2] ?? 50), Number(process.argv[3] ?? 8), Number(process.argv[4] ?? 3)];
const sides = process.argv.slice(5).map((spec) => Object.fromEntries(spec === '-' ? [] : spec.split(',').map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)])));
if (sides.length < 2) throw new Error('give two sides, e.g. - NODE_OPTIONS=--max-semi-space-size=32');
const settings = { levels: [], runs: 1, durationMs: seconds * 1000, warmupMs: 1000, maxTurnsPerConversation: 100_000 };

const runs: TurnFigures[][] = sides.map(() => []);
for (let round = 0; round < rounds; round++) {
  for (const [index, env] of sides.entries()) {
    const target = await startAnaTarget([], env);
    try {
      await warmUp(target);
      const { figures, load } = await measureTurns(target, { conversations }, settings);
      runs[index]!.push(figures);
      const error = load.errors ? ` (${load.errorSamples[0]})` : '';
      console.log(`round ${round + 1} side ${index} ${JSON.stringify(env)}: ${figures.turnsPerSecond.toFixed(0)} turns/s, p50 ${figures.p50.toFixed(0)} ms, p99 ${figures.p99.toFixed(0)} ms, ${figures.serverCpuMsPerTurn.toFixed(2)} ms CPU/turn, ${figures.errors} errors${error}`);
    } finally {
      await target.stop();
    }
  }
}
for (const [index, env] of sides.entries()) {
  const side = runs[index]!;
  const of = (key: keyof TurnFigures): number => median(side.map((figures) => figures[key]));
  console.log(`side ${index} ${JSON.stringify(env)}: median ${of('turnsPerSecond').toFixed(0)} turns/s, p99 ${of('p99').toFixed(0)} ms, ${of('serverCpuMsPerTurn').toFixed(2)} ms CPU/turn`);
}

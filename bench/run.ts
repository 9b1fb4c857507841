// `npm run bench` runs every benchmark; `npm run bench -- turns nlu` runs some;
// `--quick` uses tiny sizes (a smoke run: figures are not meaningful).
// Prints a table per benchmark and writes bench/results/latest.json (full runs
// only: a smoke run must not replace measured figures).
import { formatResult, machineInfo, saveResults, type Benchmark, type BenchResult } from './lib/report.ts';
import { BENCHMARKS } from './all.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const wanted = args.filter((arg) => !arg.startsWith('--'));
const unknown = wanted.filter((name) => !BENCHMARKS.some((bench) => bench.name === name));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; available: ${BENCHMARKS.map((bench) => bench.name).join(', ')}`);
  process.exit(2);
}
const selected: Benchmark[] = wanted.length ? BENCHMARKS.filter((bench) => wanted.includes(bench.name)) : [...BENCHMARKS];

const machine = machineInfo();
console.log(`# Ana benchmarks${quick ? ' (quick: smoke sizes, not a measurement)' : ''}\n`);
console.log(`${machine.date} · node ${machine.node} · ${machine.cpus} × ${machine.cpuModel} · ${machine.memoryGiB} GiB · load average ${machine.loadAverage}\n`);

const results: BenchResult[] = [];
let failed = false;
for (const bench of selected) {
  const started = Date.now();
  try {
    const result = await bench.run({ quick, log: (line) => console.error(`  … ${line}`) });
    results.push(result);
    console.log(`${formatResult(result)}\n\n(${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  } catch (error) {
    failed = true;
    console.error(`benchmark ${bench.name} failed:`, error);
  }
}
console.log(quick ? 'quick run: bench/results/latest.json left as it was' : `results: ${saveResults(results)}`);
process.exit(failed ? 1 : 0);

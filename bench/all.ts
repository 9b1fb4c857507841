// Every benchmark, in the order `npm run bench` runs them (cheap ones first).
import type { Benchmark } from './lib/report.ts';
import { memoryBenchmark } from './memory.bench.ts';
import { nluBenchmark } from './nlu.bench.ts';
import { retrievalBenchmark } from './retrieval.bench.ts';
import { simulationsBenchmark } from './simulations.bench.ts';
import { turnsBenchmark } from './turns.bench.ts';

export const BENCHMARKS: readonly Benchmark[] = [simulationsBenchmark, nluBenchmark, retrievalBenchmark, turnsBenchmark, memoryBenchmark];

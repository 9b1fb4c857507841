// Small statistics for benchmarks: percentiles of latency samples and the
// median of several runs. The machines are shared and noisy, so every figure
// we publish is a median over runs, next to a floor measured in the same run.

export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of an ascending array (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((acc, value) => acc + value, 0);
  return {
    count: sorted.length,
    mean: sorted.length ? total / sorted.length : Number.NaN,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
  };
}

export function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/**
 * The median of each numeric field over several runs of the same measurement.
 * Fields are taken independently (the median p99 may come from another run
 * than the median throughput), which is what a noisy machine calls for.
 */
export function medianOfRuns<T extends Record<string, number>>(runs: readonly T[]): T {
  if (runs.length === 0) throw new Error('medianOfRuns needs at least one run');
  const result: Record<string, number> = {};
  for (const key of Object.keys(runs[0]!)) result[key] = median(runs.map((run) => run[key]!));
  return result as T;
}

/** Measured / floor, rounded for printing; NaN when the floor is not usable. */
export function ratio(measured: number, floor: number): number {
  return floor > 0 && Number.isFinite(measured) ? measured / floor : Number.NaN;
}

/** High-resolution wall clock in milliseconds. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/**
 * Runs `operation` repeatedly for about `budgetMs` (at least `minIterations`
 * times, at most `maxIterations`) and returns per-call latencies in ms and
 * calls per second. Synchronous work only; it is the shape every CPU-bound
 * benchmark here shares.
 */
export function timeLoop(operation: (i: number) => unknown, options: { budgetMs: number; minIterations?: number; maxIterations?: number }): { latencies: number[]; perSecond: number } {
  const latencies: number[] = [];
  const start = nowMs();
  const min = options.minIterations ?? 1;
  const max = options.maxIterations ?? Number.MAX_SAFE_INTEGER;
  let sink = 0;
  for (let i = 0; i < max; i++) {
    const t0 = nowMs();
    const out = operation(i);
    latencies.push(nowMs() - t0);
    if (out !== undefined) sink++;
    if (i + 1 >= min && nowMs() - start >= options.budgetMs) break;
  }
  const elapsed = nowMs() - start;
  // `sink` keeps the results alive so the engine cannot drop the work.
  if (sink < 0) console.log(sink);
  return { latencies, perSecond: (latencies.length / elapsed) * 1000 };
}

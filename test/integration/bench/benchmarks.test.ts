// Smoke test of the benchmarks: each one runs on tiny inputs and returns a
// well-formed result. No timing is asserted: figures on a shared machine say
// nothing about correctness.
import { describe, expect, it } from 'vitest';
import { formatResult, type BenchResult } from '../../../bench/lib/report.ts';
import { median, medianOfRuns, percentile, summarize } from '../../../bench/lib/stats.ts';
import { JOURNEYS, turnAt } from '../../../bench/lib/journeys.ts';
import { syntheticChunks, syntheticQuestions } from '../../../bench/lib/synthetic-kb.ts';
import { QUICK_MEMORY, runMemory } from '../../../bench/memory.bench.ts';
import { QUICK_NLU, runNlu } from '../../../bench/nlu.bench.ts';
import { QUICK_RETRIEVAL, runRetrieval } from '../../../bench/retrieval.bench.ts';
import { floatFrenchSchedule, QUICK_SIMULATIONS, runSimulations } from '../../../bench/simulations.bench.ts';
import { QUICK_TURNS, runTurnLevels, turnsResult } from '../../../bench/turns.bench.ts';

const quiet = (): void => {};

function expectWellFormed(result: BenchResult, name: string): void {
  expect(result.name).toBe(name);
  expect(result.rows.length).toBeGreaterThan(0);
  for (const row of result.rows) {
    expect(row.label).not.toBe('');
    for (const value of Object.values(row.values)) expect(value === null || typeof value === 'string' || typeof value === 'number').toBe(true);
  }
  for (const goal of result.goals) expect(typeof goal.met).toBe('boolean');
  expect(formatResult(result)).toContain(result.title);
}

describe('benchmark statistics', () => {
  it('takes nearest-rank percentiles and medians', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(summarize([3, 1, 2]).p50).toBe(2);
    expect(median([5, 1, 9])).toBe(5);
    expect(medianOfRuns([{ a: 1, b: 10 }, { a: 3, b: 30 }, { a: 2, b: 20 }])).toEqual({ a: 2, b: 20 });
  });

  it('generates the same synthetic passages and questions every time', () => {
    expect(syntheticChunks(10, 12)).toEqual(syntheticChunks(10, 12));
    expect(syntheticQuestions(3)).toEqual(syntheticQuestions(3));
  });

  it('walks the journeys from the start of one, in order', () => {
    expect(turnAt(0, 0).text).toBe(JOURNEYS[0]!.turns[0]!.text);
    expect(turnAt(1, 0).text).toBe(JOURNEYS[1]!.turns[0]!.text);
    expect(turnAt(0, JOURNEYS[0]!.turns.length).text).toBe(JOURNEYS[1]!.turns[0]!.text);
  });

  it('amortises a float French schedule to zero', () => {
    const rows = floatFrenchSchedule(100_000, 0.035, 48);
    expect(rows).toHaveLength(48);
    expect(Math.abs(rows.at(-1)!.balance)).toBeLessThan(1e-6);
  });
});

describe('benchmarks on tiny inputs', () => {
  it('simulations', async () => expectWellFormed(await runSimulations(QUICK_SIMULATIONS, quiet), 'simulations'));

  it('nlu', async () => expectWellFormed(await runNlu(QUICK_NLU, quiet), 'nlu'));

  it('retrieval', async () => {
    const result = await runRetrieval(QUICK_RETRIEVAL, quiet);
    expectWellFormed(result, 'retrieval');
    const recall = result.rows[0]!.values['recall@10 HNSW vs exact'];
    expect(typeof recall === 'number' && recall >= 0 && recall <= 1).toBe(true);
  }, 400_000);

  it('turns through Ana and the echo floor, without errors', async () => {
    const { levels, firstTurnMs } = await runTurnLevels(QUICK_TURNS, quiet);
    const result = turnsResult(levels, QUICK_TURNS.runs, firstTurnMs);
    expectWellFormed(result, 'turns');
    // Closed loop and paced by a think time alike.
    expect(levels.map((level) => level.thinkTimeMs ?? 0)).toEqual([0, 20]);
    for (const level of levels) {
      expect(level.ana.errors).toBe(0);
      expect(level.floor.errors).toBe(0);
      expect(level.ana.turnsPerSecond).toBeGreaterThan(0);
    }
  }, 400_000);

  it('memory', async () => expectWellFormed(await runMemory(QUICK_MEMORY, quiet), 'memory'), 400_000);
});

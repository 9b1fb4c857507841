// Simulations: 48-month schedules with CAT (Decimal arithmetic, Newton on the
// CAT equation), per second. Floor: the same French (fixed payment) schedule
// in plain JS floats, with no CAT, no VAT and no fees: what the arithmetic
// alone costs on this machine right now.
import { loadBusinessConfig } from '../services/config/business.ts';
import { simulateCredit, type CreditSimulationInput } from '../services/credit/simulation.ts';
import { round, type Benchmark, type BenchOptions, type BenchResult } from './lib/report.ts';
import { medianOfRuns, ratio, summarize, timeLoop } from './lib/stats.ts';

export interface SimulationSettings {
  runs: number;
  budgetMs: number;
}

export const FULL_SIMULATIONS: SimulationSettings = { runs: 5, budgetMs: 2_000 };
export const QUICK_SIMULATIONS: SimulationSettings = { runs: 1, budgetMs: 30 };

const START = new Date('2026-03-10T18:00:00Z');

/** Amounts vary so no cache or branch predictor sees the same loan twice in a row. */
function inputAt(i: number, scheme: CreditSimulationInput['scheme']): CreditSimulationInput {
  return { amount: String(50_000 + (i % 97) * 5_000), termMonths: 48, scheme, startDate: START };
}

/** French amortisation in floats: payment = P·r / (1 − (1+r)^−n), then n rows of interest and principal. */
export function floatFrenchSchedule(principal: number, monthlyRate: number, months: number): { payment: number; interest: number; balance: number }[] {
  const payment = (principal * monthlyRate) / (1 - (1 + monthlyRate) ** -months);
  const rows: { payment: number; interest: number; balance: number }[] = [];
  let balance = principal;
  for (let month = 0; month < months; month++) {
    const interest = balance * monthlyRate;
    balance -= payment - interest;
    rows.push({ payment, interest, balance });
  }
  return rows;
}

interface Figures extends Record<string, number> {
  perSecond: number;
  p50: number;
  p99: number;
}

export async function runSimulations(settings: SimulationSettings, log: (line: string) => void): Promise<BenchResult> {
  const config = loadBusinessConfig();
  const rate = Number(config.credit.defaultMonthlyRate);
  const measure = (operation: (i: number) => unknown): Figures => {
    const { latencies, perSecond } = timeLoop(operation, { budgetMs: settings.budgetMs, minIterations: 3 });
    const s = summarize(latencies);
    return { perSecond, p50: s.p50, p99: s.p99 };
  };
  // Warm-up.
  for (let i = 0; i < 20; i++) simulateCredit(inputAt(i, 'fixed'), config);

  const floorRuns: Figures[] = [];
  const fixedRuns: Figures[] = [];
  const decreasingRuns: Figures[] = [];
  for (let run = 0; run < settings.runs; run++) {
    floorRuns.push(measure((i) => floatFrenchSchedule(50_000 + (i % 97) * 5_000, rate, 48)));
    fixedRuns.push(measure((i) => simulateCredit(inputAt(i, 'fixed'), config)));
    decreasingRuns.push(measure((i) => simulateCredit(inputAt(i, 'decreasing'), config)));
    log(`simulations: run ${run + 1}/${settings.runs}: ${round(fixedRuns.at(-1)!.perSecond, 0)} fixed/s`);
  }
  const floor = medianOfRuns(floorRuns);
  const line = (label: string, f: Figures, withRatio: boolean) => ({
    label,
    values: {
      'per second': f.perSecond,
      'p50 ms': f.p50,
      'p99 ms': f.p99,
      'floor ÷ this (× slower)': withRatio ? round(ratio(floor.perSecond, f.perSecond), 0) : null,
    },
  });
  const fixed = medianOfRuns(fixedRuns);
  return {
    name: 'simulations',
    title: 'Credit simulations: 48-month schedule + CAT',
    floor: 'the same French schedule in plain JS floats (no CAT, VAT or fees)',
    runs: settings.runs,
    rows: [
      line('floor: float French schedule', floor, false),
      line('simulateCredit fixed (Decimal + CAT)', fixed, true),
      line('simulateCredit decreasing (Decimal + CAT)', medianOfRuns(decreasingRuns), true),
    ],
    goals: [],
    notes: [`A turn that simulates runs one of these: ${round(fixed.p50, 2)} ms of its budget.`],
  };
}

export const simulationsBenchmark: Benchmark = {
  name: 'simulations',
  run: (options: BenchOptions) => runSimulations(options.quick ? QUICK_SIMULATIONS : FULL_SIMULATIONS, options.log),
};

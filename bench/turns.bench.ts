// Turns: N concurrent conversations through the conversation API, full
// pipeline (persist inbound → lock → state → NLU → dialog/handler → services
// → persist replies), against the echo floor driven by the same load client.
import type { Benchmark, BenchOptions, BenchResult, BenchRow, GoalCheck } from './lib/report.ts';
import { round } from './lib/report.ts';
import { runLoad, type LoadResult } from './lib/load-client.ts';
import { median, medianOfRuns, ratio, summarize } from './lib/stats.ts';
import { startAnaTarget, startEchoTarget, type Target } from './lib/targets.ts';

/** A load: closed loop (no think time: how fast Ana can go) or paced by a think time per conversation. */
export interface LoadLevel {
  conversations: number;
  thinkTimeMs?: number;
}

export interface TurnsSettings {
  levels: LoadLevel[];
  runs: number;
  durationMs: number;
  warmupMs: number;
  maxTurnsPerConversation: number;
}

// 200 conversations pausing 400 ms on average offer up to 500 turns/s: the goal's rate with its
// concurrency; pausing 1 s they offer up to 200 turns/s, a load Ana should carry with room to spare.
export const FULL_TURNS: TurnsSettings = {
  levels: [{ conversations: 50 }, { conversations: 200 }, { conversations: 1000 }, { conversations: 200, thinkTimeMs: 400 }, { conversations: 200, thinkTimeMs: 1000 }],
  runs: 3,
  durationMs: 10_000,
  warmupMs: 2_000,
  maxTurnsPerConversation: 2_000,
};
export const QUICK_TURNS: TurnsSettings = { levels: [{ conversations: 3 }, { conversations: 3, thinkTimeMs: 20 }], runs: 1, durationMs: 300, warmupMs: 0, maxTurnsPerConversation: 4 };

export interface TurnFigures extends Record<string, number> {
  turnsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  peakRssMiB: number;
  /** Server CPU time per measured turn: above ~2 ms/turn two cores cannot reach 1,000 turns/s. */
  serverCpuMsPerTurn: number;
}

/**
 * One conversation, a few turns, before anything is measured: the first turn
 * pays for lazy start-up work (NLU training, caches). Returns that first
 * turn's latency, which is a finding of its own.
 */
export async function warmUp(target: Target): Promise<number> {
  const load = await runLoad({ baseUrl: target.server.url, token: target.token, conversations: 1, durationMs: 60_000, warmupMs: 0, maxTurnsPerConversation: 7 });
  if (load.errors) throw new Error(`warm-up failed: ${load.errorSamples.join('; ')}`);
  return load.latencies[0] ?? Number.NaN;
}

export interface TurnLevelResult extends LoadLevel {
  ana: TurnFigures;
  floor: TurnFigures;
  errorSamples: string[];
}

/** One measured load on one target, with the server's peak memory and CPU during it. */
export async function measureTurns(target: Target, level: LoadLevel, settings: TurnsSettings): Promise<{ figures: TurnFigures; load: LoadResult }> {
  target.server.resetPeak();
  const cpuBefore = target.server.cpuMs();
  const load = await runLoad({
    baseUrl: target.server.url,
    token: target.token,
    conversations: level.conversations,
    thinkTimeMs: level.thinkTimeMs,
    durationMs: settings.durationMs,
    warmupMs: settings.warmupMs,
    maxTurnsPerConversation: settings.maxTurnsPerConversation,
  });
  const cpu = target.server.cpuMs() - cpuBefore;
  const latency = summarize(load.latencies);
  // CPU is counted over warm-up and measured turns alike; turns too.
  const allTurns = Math.max(1, load.turns);
  return {
    figures: {
      turnsPerSecond: load.turnsPerSecond,
      p50: latency.p50,
      p95: latency.p95,
      p99: latency.p99,
      errors: load.errors,
      peakRssMiB: target.server.peakRssKiB() / 1024,
      serverCpuMsPerTurn: cpu / allTurns,
    },
    load,
  };
}

export async function runTurnLevels(settings: TurnsSettings, log: (line: string) => void): Promise<{ levels: TurnLevelResult[]; firstTurnMs: { ana: number; floor: number } }> {
  log('turns: starting the echo floor and Ana (first start seeds demo data)');
  const floorTarget = await startEchoTarget();
  let anaTarget: Target | undefined;
  try {
    anaTarget = await startAnaTarget();
    const firstTurnMs = { floor: await warmUp(floorTarget), ana: await warmUp(anaTarget) };
    log(`turns: first turn after start-up: Ana ${round(firstTurnMs.ana, 0)} ms, floor ${round(firstTurnMs.floor, 1)} ms`);
    const results: TurnLevelResult[] = [];
    for (const level of settings.levels) {
      const anaRuns: TurnFigures[] = [];
      const floorRuns: TurnFigures[] = [];
      const errorSamples: string[] = [];
      for (let run = 0; run < settings.runs; run++) {
        // Alternate which goes first so that drift in the machine's load hits both.
        const order: ['floor' | 'ana', Target][] = run % 2 === 0 ? [['floor', floorTarget], ['ana', anaTarget]] : [['ana', anaTarget], ['floor', floorTarget]];
        for (const [name, target] of order) {
          const { figures, load } = await measureTurns(target, level, settings);
          (name === 'ana' ? anaRuns : floorRuns).push(figures);
          if (load.errors > 0) {
            // What the server said and whether it still runs: the answer to "why the errors" is usually there.
            errorSamples.push(...load.errorSamples.map((sample) => `${name}: ${sample}`));
            errorSamples.push(`${name} server ${target.server.state()}; its output: ${target.server.logFile}`);
          }
          log(`turns: ${levelLabel(level)}, run ${run + 1}/${settings.runs}, ${name}: ${round(figures.turnsPerSecond, 0)} turns/s, p99 ${round(figures.p99, 1)} ms, ${figures.errors} errors`);
        }
      }
      results.push({ ...level, ana: medianOfRuns(anaRuns), floor: medianOfRuns(floorRuns), errorSamples: [...new Set(errorSamples)].slice(0, 5) });
    }
    return { levels: results, firstTurnMs };
  } finally {
    await anaTarget?.stop();
    await floorTarget.stop();
  }
}

export function levelLabel(level: LoadLevel): string {
  return level.thinkTimeMs ? `${level.conversations} conv, ${level.thinkTimeMs} ms think` : `${level.conversations} conv`;
}

function row(label: string, figures: TurnFigures, floor?: TurnFigures): BenchRow {
  return {
    label,
    values: {
      'turns/s': figures.turnsPerSecond,
      'p50 ms': figures.p50,
      'p95 ms': figures.p95,
      'p99 ms': figures.p99,
      errors: figures.errors,
      'peak RSS MiB': figures.peakRssMiB,
      'server CPU ms/turn': figures.serverCpuMsPerTurn,
      'turns/s ÷ floor': floor ? round(ratio(figures.turnsPerSecond, floor.turnsPerSecond), 3) : null,
      'p99 ÷ floor': floor ? round(ratio(figures.p99, floor.p99), 2) : null,
    },
  };
}

export function turnsResult(levels: TurnLevelResult[], runs: number, firstTurnMs: { ana: number; floor: number }): BenchResult {
  const rows = levels.flatMap((level) => [row(`${levelLabel(level)} — floor`, level.floor), row(`${levelLabel(level)} — Ana`, level.ana, level.floor)]);
  const goals: GoalCheck[] = [];
  // The goal is a rate at a concurrency: the closed loop, and the pacing that offers that rate.
  const offers = (level: LoadLevel): number => (level.thinkTimeMs ? (level.conversations / level.thinkTimeMs) * 1000 : Number.POSITIVE_INFINITY);
  for (const level of levels.filter((l) => l.conversations === 200 && offers(l) >= 500)) {
    const { turnsPerSecond, p99, errors } = level.ana;
    goals.push({
      goal: `≥ 500 turns/s at 200 concurrent conversations, p99 ≤ 100 ms, no errors (embedded database, 2 cores) — ${level.thinkTimeMs ? `paced, ${level.thinkTimeMs} ms mean think time` : 'closed loop, no think time'}`,
      measured: `${round(turnsPerSecond, 0)} turns/s, p99 ${round(p99, 1)} ms, ${errors} errors`,
      met: turnsPerSecond >= 500 && p99 <= 100 && errors === 0,
    });
  }
  const notes = levels.flatMap((level) => level.errorSamples.map((sample) => `error at ${levelLabel(level)}: ${sample}`));
  for (const level of levels.filter((l) => Number.isFinite(offers(l)) && offers(l) < 500)) {
    notes.push(`${levelLabel(level)} offers at most ${round(offers(level), 0)} turns/s: Ana answered ${round(level.ana.turnsPerSecond, 0)} turns/s with p99 ${round(level.ana.p99, 1)} ms and ${level.ana.errors} errors.`);
  }
  notes.push(`First turn after /readyz answered 200 (one conversation, before any load): Ana ${round(firstTurnMs.ana, 0)} ms, floor ${round(firstTurnMs.floor, 1)} ms. It is excluded from the table.`);
  const cpu = median(levels.map((level) => level.ana.serverCpuMsPerTurn));
  if (Number.isFinite(cpu)) notes.push(`Ana's server process spends a median ${round(cpu, 2)} ms of CPU per turn (both threads, PGlite included): at that cost two cores cap out near ${round(2000 / cpu, 0)} turns/s before any waiting.`);
  return {
    name: 'turns',
    title: 'Turns through the conversation API',
    floor: 'a bare botbuilder echo bot (ActivityHandler + minimal BotAdapter) on the same Fastify stack, no database, same load client',
    runs,
    rows,
    goals,
    notes,
  };
}

export const turnsBenchmark: Benchmark = {
  name: 'turns',
  async run(options: BenchOptions): Promise<BenchResult> {
    const settings = options.quick ? QUICK_TURNS : FULL_TURNS;
    const { levels, firstTurnMs } = await runTurnLevels(settings, options.log);
    return turnsResult(levels, settings.runs, firstTurnMs);
  },
};

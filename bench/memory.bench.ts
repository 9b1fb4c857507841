// Memory: resident memory per 1,000 idle conversations held in state. Each
// step opens a batch of conversations and leaves them after two turns (some
// in the middle of a simulation dialog), waits, and reads the server's RSS.
// Floor: the echo bot, which keeps each conversation in a Map.
import { runLoad } from './lib/load-client.ts';
import { round, type Benchmark, type BenchOptions, type BenchResult } from './lib/report.ts';
import { startAnaTarget, startEchoTarget, type Target } from './lib/targets.ts';
import { warmUp } from './turns.bench.ts';

export interface MemorySettings {
  batch: number;
  steps: number;
  settleMs: number;
}

export const FULL_MEMORY: MemorySettings = { batch: 1_000, steps: 3, settleMs: 3_000 };
export const QUICK_MEMORY: MemorySettings = { batch: 10, steps: 1, settleMs: 100 };

export interface MemoryFigures {
  baselineMiB: number;
  finalMiB: number;
  /** Growth of RSS per 1,000 idle conversations (slope from the baseline over every step). */
  perThousandMiB: number;
  conversations: number;
  errors: number;
}

async function settle(ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

export async function measureIdleConversations(target: Target, settings: MemorySettings): Promise<MemoryFigures> {
  await warmUp(target);
  await settle(settings.settleMs);
  const baseline = target.server.rssKiB();
  let errors = 0;
  for (let step = 0; step < settings.steps; step++) {
    const load = await runLoad({ baseUrl: target.server.url, token: target.token, conversations: settings.batch, durationMs: 600_000, warmupMs: 0, maxTurnsPerConversation: 2 });
    errors += load.errors;
    await settle(settings.settleMs);
  }
  const final = target.server.rssKiB();
  const conversations = settings.batch * settings.steps;
  return { baselineMiB: baseline / 1024, finalMiB: final / 1024, perThousandMiB: ((final - baseline) / 1024 / conversations) * 1000, conversations, errors };
}

export async function runMemory(settings: MemorySettings, log: (line: string) => void): Promise<BenchResult> {
  const measure = async (start: () => Promise<Target>, name: string): Promise<MemoryFigures> => {
    const target = await start();
    try {
      const figures = await measureIdleConversations(target, settings);
      log(`memory: ${name}: ${round(figures.perThousandMiB, 1)} MiB per 1,000 idle conversations`);
      return figures;
    } finally {
      await target.stop();
    }
  };
  const floor = await measure(startEchoTarget, 'floor');
  const ana = await measure(() => startAnaTarget(), 'Ana');
  const line = (label: string, f: MemoryFigures, withRatio: boolean) => ({
    label,
    values: {
      'RSS before MiB': f.baselineMiB,
      'RSS after MiB': f.finalMiB,
      conversations: f.conversations,
      'MiB per 1,000 idle': f.perThousandMiB,
      errors: f.errors,
      '÷ floor': withRatio ? round(f.perThousandMiB / floor.perThousandMiB, 1) : null,
    },
  });
  return {
    name: 'memory',
    title: 'Memory per 1,000 idle conversations',
    floor: 'the echo bot holding each conversation in a Map',
    runs: 1,
    rows: [line('floor: echo bot', floor, false), line('Ana (embedded database)', ana, true)],
    goals: [],
    notes: [
      "Ana's RSS includes the embedded database (PGlite runs on a worker thread of the same process), so it counts stored state (rows, WAL, buffer cache) as well as the Node heap. Conversation state lives in Postgres, not in process memory: growth here is mostly the database's pages and caches.",
      'RSS only falls back when the allocator returns pages, so this is an upper bound on the retained cost.',
    ],
  };
}

export const memoryBenchmark: Benchmark = {
  name: 'memory',
  run: (options: BenchOptions) => runMemory(options.quick ? QUICK_MEMORY : FULL_MEMORY, options.log),
};

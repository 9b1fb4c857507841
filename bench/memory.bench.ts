// Memory: resident memory per 1,000 idle conversations held in state. Each
// step opens a batch of conversations and leaves them after two turns (some
// in the middle of a simulation dialog), waits, and reads the server's RSS.
// Floor: the echo bot, which keeps each conversation in a Map.
import pg from 'pg';
import { heapAfterGc } from './lib/inspector.ts';
import { runLoad } from './lib/load-client.ts';
import { freePort } from './lib/server.ts';
import { round, type Benchmark, type BenchOptions, type BenchResult } from './lib/report.ts';
import { startAnaTarget, startEchoTarget, type Target } from './lib/targets.ts';
import { warmUp } from './turns.bench.ts';

export interface MemorySettings {
  batch: number;
  steps: number;
  settleMs: number;
}

export const FULL_MEMORY: MemorySettings = { batch: 1_000, steps: 6, settleMs: 3_000 };
export const QUICK_MEMORY: MemorySettings = { batch: 10, steps: 2, settleMs: 100 };

export interface MemoryFigures {
  baselineMiB: number;
  finalMiB: number;
  /** RSS after each step (after `batch`, 2 × `batch`, … conversations). */
  stepMiB: number[];
  /** Growth of RSS per 1,000 idle conversations, from the baseline over every step. */
  perThousandMiB: number;
  /** The same over the second half of the steps only, once start-up effects (JIT, first pages) are paid. */
  laterPerThousandMiB: number;
  /** JavaScript heap of the main thread after a full collection, before and after each step. */
  heapBaselineMiB: number;
  heapStepMiB: number[];
  /** Growth of that heap per 1,000 idle conversations: what the process really keeps for them. */
  heapPerThousandMiB: number;
  /** Growth of the database on disk per 1,000 conversations (embedded target only). */
  databasePerThousandMiB: number | null;
  conversations: number;
  errors: number;
}

async function settle(ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

async function databaseMiB(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ bytes: string }>('SELECT pg_database_size(current_database())::text AS bytes');
    return Number(rows[0]!.bytes) / 1024 / 1024;
  } finally {
    await client.end();
  }
}

const perThousand = (fromMiB: number, toMiB: number, conversations: number): number => ((toMiB - fromMiB) / Math.max(1, conversations)) * 1000;

export async function measureIdleConversations(target: Target, inspectPort: number, settings: MemorySettings): Promise<MemoryFigures> {
  await warmUp(target);
  await settle(settings.settleMs);
  const heapBaseline = (await heapAfterGc(inspectPort)).heapUsedMiB;
  const baseline = target.server.rssKiB() / 1024;
  const heapStepMiB: number[] = [];
  const databaseBefore = target.databaseUrl ? await databaseMiB(target.databaseUrl) : null;
  let errors = 0;
  const stepMiB: number[] = [];
  for (let step = 0; step < settings.steps; step++) {
    // Two turns each: some conversations are left in the middle of a simulation dialog.
    const load = await runLoad({ baseUrl: target.server.url, token: target.token, conversations: settings.batch, durationMs: 600_000, warmupMs: 0, maxTurnsPerConversation: 2 });
    errors += load.errors;
    await settle(settings.settleMs);
    heapStepMiB.push((await heapAfterGc(inspectPort)).heapUsedMiB);
    stepMiB.push(target.server.rssKiB() / 1024);
  }
  const databaseAfter = target.databaseUrl ? await databaseMiB(target.databaseUrl) : null;
  const conversations = settings.batch * settings.steps;
  const half = Math.floor(settings.steps / 2);
  const final = stepMiB.at(-1)!;
  return {
    baselineMiB: baseline,
    finalMiB: final,
    stepMiB,
    perThousandMiB: perThousand(baseline, final, conversations),
    heapBaselineMiB: heapBaseline,
    heapStepMiB,
    heapPerThousandMiB: perThousand(heapBaseline, heapStepMiB.at(-1)!, conversations),
    laterPerThousandMiB: half > 0 ? perThousand(stepMiB[half - 1]!, final, settings.batch * (settings.steps - half)) : perThousand(baseline, final, conversations),
    databasePerThousandMiB: databaseBefore !== null && databaseAfter !== null ? perThousand(databaseBefore, databaseAfter, conversations) : null,
    conversations,
    errors,
  };
}

export async function runMemory(settings: MemorySettings, log: (line: string) => void): Promise<BenchResult> {
  const measure = async (start: (nodeArgs: string[]) => Promise<Target>, name: string): Promise<MemoryFigures> => {
    const inspectPort = await freePort();
    const target = await start([`--inspect=127.0.0.1:${inspectPort}`]);
    try {
      const figures = await measureIdleConversations(target, inspectPort, settings);
      log(`memory: ${name}: RSS ${round(figures.baselineMiB, 0)} MiB, then ${figures.stepMiB.map((mib) => round(mib, 0)).join(' / ')} MiB after each ${settings.batch} conversations`);
      log(`memory: ${name}: JS heap after GC ${round(figures.heapBaselineMiB, 1)} MiB, then ${figures.heapStepMiB.map((mib) => round(mib, 1)).join(' / ')} MiB`);
      return figures;
    } finally {
      await target.stop();
    }
  };
  const floor = await measure((nodeArgs) => startEchoTarget(nodeArgs), 'floor');
  const ana = await measure((nodeArgs) => startAnaTarget(nodeArgs), 'Ana');
  const line = (label: string, f: MemoryFigures, withRatio: boolean) => ({
    label,
    values: {
      'RSS before MiB': f.baselineMiB,
      'RSS after MiB': f.finalMiB,
      conversations: f.conversations,
      'JS heap MiB per 1,000 (after GC)': f.heapPerThousandMiB,
      'RSS MiB per 1,000': f.perThousandMiB,
      'RSS MiB per 1,000, later steps': f.laterPerThousandMiB,
      'database MiB per 1,000': f.databasePerThousandMiB,
      errors: f.errors,
      'heap ÷ floor': withRatio ? round(f.heapPerThousandMiB / floor.heapPerThousandMiB, 1) : null,
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
      `RSS after each step of ${settings.batch} conversations — floor: ${floor.stepMiB.map((mib) => round(mib, 0)).join(' / ')} MiB; Ana: ${ana.stepMiB.map((mib) => round(mib, 0)).join(' / ')} MiB.`,
      `Main-thread JS heap after a full garbage collection (through the V8 inspector), before and after each step — floor: ${[floor.heapBaselineMiB, ...floor.heapStepMiB].map((mib) => round(mib, 1)).join(' / ')} MiB; Ana: ${[ana.heapBaselineMiB, ...ana.heapStepMiB].map((mib) => round(mib, 1)).join(' / ')} MiB.`,
      "Ana's RSS includes the embedded database (PGlite runs on a worker thread of the same process, with 128 MB of shared buffers that fill as pages are touched), as well as the Node heap and the process's cache of recent conversation states (at most 10,000, least recently used dropped). Conversation state itself lives in Postgres: 'database MiB per 1,000' is its growth on disk.",
      'Each reading follows a full garbage collection requested through the inspector, so RSS here is close to what is retained; without it, RSS mostly measured garbage V8 had not collected yet (a first run without it read 95 MiB per 1,000).',
    ],
  };
}

export const memoryBenchmark: Benchmark = {
  name: 'memory',
  run: (options: BenchOptions) => runMemory(options.quick ? QUICK_MEMORY : FULL_MEMORY, options.log),
};

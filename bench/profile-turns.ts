// Profiles Ana under the turn load: starts her with `node --cpu-prof` (every
// thread, PGlite's worker included), drives N concurrent conversations for a
// while, stops her cleanly so the profiles are written, and prints where the
// CPU went during the measured window only (not start-up or seeding), plus
// the database transactions and rows per turn.
// `npx tsx bench/profile-turns.ts [conversations] [seconds] [--no-sync-commit]`:
// the last flag runs `SET synchronous_commit = off` first, an experiment on
// what per-commit WAL flushes cost (PGlite serves every pooled connection
// from one backend session, so the setting reaches Ana's connections too).
import pg from 'pg';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { hotSpots } from './lib/cpu-profile.ts';
import { perTurn, readDbCounters } from './lib/db-activity.ts';
import { runLoad } from './lib/load-client.ts';
import { RESULTS_DIR } from './lib/report.ts';
import { summarize } from './lib/stats.ts';
import { startAnaTarget } from './lib/targets.ts';

const conversations = Number(process.argv[2] ?? 50);
const seconds = Number(process.argv[3] ?? 15);
const dir = join(RESULTS_DIR, 'profiles');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const statementFile = join(dir, 'statements.json');
const target = await startAnaTarget(['--cpu-prof', `--cpu-prof-dir=${dir}`], { ANA_DB_STATEMENT_PROFILE: statementFile });
const monotonicUs = (): number => Number(process.hrtime.bigint() / 1000n);
const window = { fromUs: 0, toUs: 0 };
let turns = 0;
try {
  if (process.argv.includes('--no-sync-commit')) {
    const client = new pg.Client({ connectionString: target.databaseUrl });
    await client.connect();
    await client.query('SET synchronous_commit = off');
    console.log('synchronous_commit:', (await client.query('SHOW synchronous_commit')).rows[0]);
    await client.end();
  }
  const before = await readDbCounters(target.databaseUrl!);
  const cpuBefore = target.server.cpuMs();
  window.fromUs = monotonicUs();
  const load = await runLoad({ baseUrl: target.server.url, token: target.token, conversations, durationMs: seconds * 1000, warmupMs: 0, maxTurnsPerConversation: 100_000 });
  window.toUs = monotonicUs();
  const cpu = target.server.cpuMs() - cpuBefore;
  const after = await readDbCounters(target.databaseUrl!);
  turns = load.turns;
  const s = summarize(load.latencies);
  console.log(`${conversations} conversations: ${load.turns} turns, ${load.turnsPerSecond.toFixed(0)} turns/s, p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, ${load.errors} errors`);
  console.log(`server CPU ${(cpu / Math.max(1, load.turns)).toFixed(2)} ms/turn over ${((window.toUs - window.fromUs) / 1e6).toFixed(1)} s`);
  console.log('database per turn (pg_stat_database):', perTurn(before, after, load.turns + conversations));
} finally {
  await target.stop();
}

for (const file of readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))) {
  for (const by of ['package', 'function'] as const) {
    const { totalMs, spots } = hotSpots(join(dir, file), by, by === 'package' ? 12 : 25, window);
    console.log(`\n${file} — by ${by}, ${totalMs.toFixed(0)} ms sampled in the load window`);
    for (const spot of spots) console.log(`  ${(spot.share * 100).toFixed(1).padStart(5)} %  ${spot.selfMs.toFixed(0).padStart(7)} ms  ${spot.name}`);
  }
}

// Database-thread time per statement (whole run, start-up and seeding included).
const statements = JSON.parse(readFileSync(statementFile, 'utf8')) as { text: string; calls: number; totalMs: number }[];
console.log(`\ndatabase thread, top statements (whole run; ${turns} measured turns)`);
for (const statement of statements.slice(0, 20)) {
  console.log(`  ${statement.totalMs.toFixed(0).padStart(7)} ms  ${String(statement.calls).padStart(6)} calls  ${(statement.totalMs / statement.calls).toFixed(2).padStart(6)} ms/call  ${statement.text.slice(0, 150)}`);
}

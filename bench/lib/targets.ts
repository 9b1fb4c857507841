// The two servers the turn and memory benchmarks drive: Ana herself (the real
// CLI, embedded database, demo data seeded on first start) and the echo floor.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, spawnServer, type ServerProcess } from './server.ts';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

/**
 * Node's flags in `npm start` (a larger young generation: fewer scavenges
 * under load), so that Ana is measured as she is started.
 */
function startFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const words = scripts.start.split(/\s+/);
  return words.slice(1, words.indexOf('bin/ana.js'));
}

export interface Target {
  server: ServerProcess;
  token: string;
  /** Ana only: the embedded database's loopback URL, to read its statistics. */
  databaseUrl?: string;
  stop(): Promise<void>;
}

function benchToken(): string {
  return `bench-${randomBytes(18).toString('hex')}`;
}

/** `node bin/ana.js start` on a fresh data directory, warn-level logs, no rate limit in the way. */
export async function startAnaTarget(extraNodeArgs: string[] = [], extraEnv: Record<string, string> = {}): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ana-bench-'));
  const token = benchToken();
  const port = await freePort();
  const dbPort = await freePort();
  const server = await spawnServer({
    command: process.execPath,
    args: [...startFlags(), ...extraNodeArgs, resolve(REPO_ROOT, 'bin/ana.js'), 'start'],
    label: 'ana',
    cwd: REPO_ROOT,
    env: { ANA_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ANA_ADMIN_TOKEN: token, RATE_LIMIT_PER_MINUTE: '1000000', ANA_EMBEDDED_DB_PORT: String(dbPort), ...extraEnv },
    port,
    readyPath: '/readyz',
    readyTimeoutMs: 300_000,
  });
  return {
    server,
    token,
    databaseUrl: `postgresql://postgres:postgres@127.0.0.1:${dbPort}/postgres`,
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The bare botbuilder echo bot on the same Fastify stack, in its own process. */
export async function startEchoTarget(extraNodeArgs: string[] = []): Promise<Target> {
  const token = benchToken();
  const port = await freePort();
  const server = await spawnServer({
    command: process.execPath,
    args: [...extraNodeArgs, '--import', 'tsx', resolve(REPO_ROOT, 'bench/floor/echo-server.ts')],
    label: 'echo-floor',
    cwd: REPO_ROOT,
    env: { PORT: String(port), HOST: '127.0.0.1', ANA_ADMIN_TOKEN: token },
    port,
    readyPath: '/healthz',
  });
  return { server, token, stop: () => server.stop() };
}

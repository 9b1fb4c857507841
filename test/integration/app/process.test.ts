// Ana as a real process on the embedded database: start with migrations and
// seed, CLI commands while it runs, clean restart, and kill -9 in the middle of
// writes followed by a restart that finds a consistent database.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../helpers/redis.ts';

const run = promisify(execFile);

interface AnaProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

describe('Ana as a process on the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ana-process-'));
  let port: number;
  let env: NodeJS.ProcessEnv;
  let ana: AnaProcess | undefined;

  beforeAll(async () => {
    port = await freePort();
    env = { ...process.env, ANA_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', DATABASE_URL: '', REDIS_URL: '' };
  });
  afterAll(async () => {
    if (ana && ana.child.exitCode === null) ana.child.kill('SIGKILL');
  });

  async function startAna(): Promise<AnaProcess> {
    const child = spawn(process.execPath, ['bin/ana.js', 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`Ana exited early:\n${output}`);
      const ready = await fetch(`${url}/readyz`).then((r) => r.status === 200, () => false);
      if (ready) break;
      if (Date.now() > deadline) throw new Error(`Ana did not become ready:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return { child, url, output: () => output, exited };
  }

  const cli = (...args: string[]) => run(process.execPath, ['bin/ana.js', ...args], { env, timeout: 60_000 });

  it('starts from nothing with migrations applied and demo data seeded', async () => {
    ana = await startAna();
    expect(ana.output()).toContain('applied migration');
    expect(ana.output()).toContain('seed finished');
    const ready = await (await fetch(`${ana.url}/readyz`)).json();
    expect(ready).toMatchObject({ status: 'ready', database: { engine: 'embedded' } });
  });

  it('runs CLI commands against the running instance', async () => {
    await cli('user', 'create', '--email', 'curadora@clubcashin.example', '--role', 'curator', '--name', 'Curadora');
    const { stdout } = await cli('token', 'create', '--user', 'curadora@clubcashin.example', '--name', 'console');
    const token = stdout.trim();
    expect(token).toMatch(/^ana_/);
    const me = await fetch(`${ana!.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(await me.json()).toMatchObject({ role: 'curator', name: 'console' });
  });

  it('stops cleanly on SIGTERM and keeps the data across a restart', async () => {
    ana!.child.kill('SIGTERM');
    expect(await ana!.exited).toBe(0);
    expect(ana!.output()).toContain('stopped cleanly');

    ana = await startAna();
    expect(ana.output()).not.toContain('seeding');
    const { stdout } = await cli('token', 'create', '--user', 'curadora@clubcashin.example');
    const me = await fetch(`${ana.url}/v1/me`, { headers: { authorization: `Bearer ${stdout.trim()}` } });
    expect(me.status).toBe(200);
  });

  it('opens consistent after kill -9 in the middle of writes', async () => {
    const { port: dbPort } = JSON.parse(readFileSync(join(dataDir, 'ana.lock'), 'utf8')) as { port: number };
    const pool = new pg.Pool({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${dbPort}/postgres`, max: 4 });
    pool.on('error', () => {});
    let acknowledged = 0;
    let stop = false;
    // Each transaction writes a pair of rows: after recovery, no pair may be half there.
    const writers = [0, 1, 2, 3].map(async (writer) => {
      for (let i = 0; !stop; i++) {
        const client = await pool.connect().catch(() => undefined);
        if (!client) return;
        // The kill resets these connections; that is the point of the test.
        client.on('error', () => {});
        try {
          await client.query('BEGIN');
          for (const half of [1, 2]) {
            await client.query(`INSERT INTO "AnalyticsEvent" (id, name, data) VALUES (gen_random_uuid()::text, 'crash-test', $1)`, [{ pair: `${writer}-${i}`, half }]);
          }
          await client.query('COMMIT');
          acknowledged += 1;
        } catch {
          return;
        } finally {
          client.release(true);
        }
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    ana!.child.kill('SIGKILL');
    await ana!.exited;
    stop = true;
    await Promise.all(writers);
    await pool.end().catch(() => {});
    expect(acknowledged).toBeGreaterThan(0);

    ana = await startAna();
    const { port: newPort } = JSON.parse(readFileSync(join(dataDir, 'ana.lock'), 'utf8')) as { port: number };
    const check = new pg.Client({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${newPort}/postgres` });
    await check.connect();
    const pairs = await check.query(`SELECT data->>'pair' AS pair, count(*)::int AS n FROM "AnalyticsEvent" WHERE name = 'crash-test' GROUP BY 1`);
    const users = await check.query(`SELECT count(*)::int AS n FROM "User" WHERE email = 'curadora@clubcashin.example'`);
    await check.end();
    expect(pairs.rows.every((row) => row.n === 2)).toBe(true);
    expect(pairs.rows.length).toBeGreaterThanOrEqual(acknowledged);
    expect(users.rows[0].n).toBe(1);

    ana.child.kill('SIGTERM');
    expect(await ana.exited).toBe(0);
  });
});

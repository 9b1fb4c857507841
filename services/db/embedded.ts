// The embedded database: PGlite on a worker thread behind a loopback Postgres
// port. One process owns a data directory at a time; it writes `ana.lock`
// (pid + port) so that CLI commands can reach the running instance's database
// instead of opening the same files twice.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface EmbeddedServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Directory for the database files; undefined keeps the database in memory. */
  dataDir?: string;
  port?: number;
  maxConnections?: number;
}

interface LockFile {
  pid: number;
  port: number;
}

const workerUrl = new URL('./embedded-worker.mjs', import.meta.url);

export async function startEmbeddedDatabase(options: EmbeddedOptions = {}): Promise<EmbeddedServer> {
  const pgDir = options.dataDir ? join(options.dataDir, 'pglite') : undefined;
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    const running = runningInstance(options.dataDir);
    if (running) throw new Error(`The data directory ${options.dataDir} is in use by process ${running.pid} (database on 127.0.0.1:${running.port}).`);
  }

  const worker = new Worker(workerUrl, { workerData: { dataDir: pgDir, port: options.port ?? 0, maxConnections: options.maxConnections ?? 64 } });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (message: { type: string; port?: number; message?: string }) => {
      if (message.type === 'ready' && message.port) resolve(message.port);
      else reject(new Error(`The embedded database did not start: ${message.message ?? message.type}`));
    });
  });

  const lockPath = options.dataDir ? join(options.dataDir, 'ana.lock') : undefined;
  if (lockPath) writeFileSync(lockPath, JSON.stringify({ pid: process.pid, port } satisfies LockFile));

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= new Promise<void>((resolve, reject) => {
      worker.once('message', (message: { type: string; message?: string }) => {
        if (message.type === 'closed') resolve();
        else reject(new Error(`The embedded database did not close cleanly: ${message.message}`));
      });
      worker.postMessage({ type: 'close' });
    }).finally(async () => {
      await worker.terminate();
      if (lockPath) rmSync(lockPath, { force: true });
    }));

  return { url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`, port, stop };
}

/** The live process that owns `dataDir`, if any (a stale lock from a killed process is ignored). */
export function runningInstance(dataDir: string): LockFile | undefined {
  const lockPath = join(dataDir, 'ana.lock');
  if (!existsSync(lockPath)) return undefined;
  try {
    const lock = JSON.parse(readFileSync(lockPath, 'utf8')) as LockFile;
    process.kill(lock.pid, 0);
    return lock;
  } catch {
    return undefined;
  }
}

// A server under test as a child process: spawn it, wait until it answers,
// sample its memory, stop it. The load client runs in the parent, so client
// and server are separate processes, as in production.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';

export interface ServerProcess {
  url: string;
  pid: number;
  /** Current resident set size in KiB (VmRSS). */
  rssKiB(): number;
  /** Peak resident set size in KiB since start or the last `resetPeak` (VmHWM). */
  peakRssKiB(): number;
  /** Resets the kernel's peak counter, so that the next peak belongs to the next phase. */
  resetPeak(): void;
  /** Total CPU time (user + system) in ms, from /proc/<pid>/stat. */
  cpuMs(): number;
  stop(): Promise<void>;
  /** The last few kB the process wrote (stdout and stderr), for error reports; the whole output is in `logFile`. */
  outputTail(): string;
  /** Where everything the process wrote is kept (bench/results/logs/, not committed). */
  logFile: string;
  /** "running", or how it ended ("exited with code 1", "killed by SIGKILL"). */
  state(): string;
}

export interface SpawnOptions {
  command: string;
  args: string[];
  env: Record<string, string>;
  port: number;
  /** Path that answers 200 when the server is ready. */
  readyPath: string;
  readyTimeoutMs?: number;
  cwd?: string;
  /** Names the log file. */
  label?: string;
}

/** A free loopback port chosen by the kernel. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function procStatusKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

function procCpuMs(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces) start at ")".
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks / 100) * 1000;
  } catch {
    return Number.NaN;
  }
}

const LOG_DIR = fileURLToPath(new URL('../results/logs/', import.meta.url));

export async function waitUntilReady(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no answer yet';
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server not ready at ${url} after ${timeoutMs} ms: ${lastError}`);
}

export async function spawnServer(options: SpawnOptions): Promise<ServerProcess> {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = join(LOG_DIR, `${options.label ?? 'server'}-${child.pid}.log`);
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-8000);
    appendFileSync(logFile, chunk);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${options.port}`;
  const pid = child.pid!;
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitUntilReady(`${url}${options.readyPath}`, options.readyTimeoutMs ?? 120_000, child);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return {
    url,
    pid,
    rssKiB: () => procStatusKiB(pid, 'VmRSS'),
    peakRssKiB: () => procStatusKiB(pid, 'VmHWM'),
    resetPeak: () => {
      try {
        writeFileSync(`/proc/${pid}/clear_refs`, '5');
      } catch {
        // Not permitted here: the peak then covers the whole life of the process.
      }
    },
    cpuMs: () => procCpuMs(pid),
    stop,
    outputTail: () => output,
    logFile,
    state: () => (child.exitCode !== null ? `exited with code ${child.exitCode}` : child.signalCode !== null ? `killed by ${child.signalCode}` : 'running'),
  };
}

// What every benchmark returns, how it is printed (a table per benchmark) and
// where it is kept (bench/results/latest.json, for BENCHMARKS.md and for
// comparing one run with the next).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Figure = number | string | null;

/** One line of a benchmark's table: a case (e.g. "200 concurrent") and its figures. */
export interface BenchRow {
  label: string;
  values: Record<string, Figure>;
}

export interface GoalCheck {
  goal: string;
  measured: string;
  met: boolean;
}

export interface BenchResult {
  name: string;
  title: string;
  /** What the floor is, in words. */
  floor: string;
  /** How many runs each figure is the median of. */
  runs: number;
  rows: BenchRow[];
  goals: GoalCheck[];
  notes: string[];
}

export interface BenchOptions {
  /** Tiny sizes: a smoke run, not a measurement. */
  quick: boolean;
  /** Progress lines go here (stderr by default). */
  log: (line: string) => void;
}

export interface Benchmark {
  name: string;
  run(options: BenchOptions): Promise<BenchResult>;
}

export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function cell(value: Figure): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return 'n/a';
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(value === Math.round(value) ? 0 : 3);
}

/** The rows as a Markdown table (also readable in a terminal). */
export function formatTable(rows: readonly BenchRow[]): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row.values)))];
  const header = ['case', ...columns];
  const body = rows.map((row) => [row.label, ...columns.map((column) => cell(row.values[column] ?? null))]);
  const widths = header.map((title, i) => Math.max(title.length, ...body.map((line) => line[i]!.length)));
  const line = (cells: string[]): string => `| ${cells.map((text, i) => text.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

export function formatResult(result: BenchResult): string {
  const lines = [`## ${result.title}`, '', `Floor: ${result.floor}. Figures are medians of ${result.runs} run(s).`, '', formatTable(result.rows)];
  if (result.goals.length) {
    lines.push('');
    for (const goal of result.goals) lines.push(`- ${goal.met ? 'MET' : 'MISSED'}: ${goal.goal} — measured ${goal.measured}`);
  }
  if (result.notes.length) {
    lines.push('');
    for (const note of result.notes) lines.push(`- ${note}`);
  }
  return lines.join('\n');
}

export interface MachineInfo {
  date: string;
  node: string;
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  platform: string;
  /** 1-minute load average when the run ended: how busy the shared machine was. */
  loadAverage: number;
}

export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpus: list.length,
    cpuModel: list[0]?.model ?? 'unknown',
    memoryGiB: round(totalmem() / 1024 ** 3, 1),
    platform: `${process.platform} ${process.arch}`,
    loadAverage: round(loadavg()[0]!, 1),
  };
}

export const RESULTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../results');

interface SavedResult extends BenchResult {
  machine: MachineInfo;
  command: string;
}

/**
 * Merges `results` into the results file: a benchmark run alone replaces its
 * own entry and keeps the others, each with the machine state and command of
 * the run that produced it.
 */
export function saveResults(results: readonly BenchResult[], file = resolve(RESULTS_DIR, 'latest.json')): string {
  mkdirSync(dirname(file), { recursive: true });
  const machine = machineInfo();
  const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
  let saved: SavedResult[] = [];
  if (existsSync(file)) {
    try {
      // Older files kept the machine and command once, at the top.
      const previous = JSON.parse(readFileSync(file, 'utf8')) as { machine?: MachineInfo; command?: string; results?: Partial<SavedResult>[] };
      saved = (previous.results ?? []).map((entry) => ({ ...entry, machine: entry.machine ?? previous.machine, command: entry.command ?? previous.command ?? '' }) as SavedResult);
    } catch {
      saved = [];
    }
  }
  for (const result of results) saved = [...saved.filter((entry) => entry.name !== result.name), { ...result, machine, command }];
  writeFileSync(file, `${JSON.stringify({ updated: machine.date, results: saved }, null, 2)}\n`);
  return file;
}

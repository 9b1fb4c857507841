// Reading V8 .cpuprofile files (written by `node --cpu-prof`): self time per
// function and per file, the first thing to look at when a benchmark misses.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface HotSpot {
  name: string;
  selfMs: number;
  share: number;
}

function shortUrl(url: string): string {
  const cut = url.indexOf('/work/main/');
  const path = cut >= 0 ? url.slice(cut + '/work/main/'.length) : url.replace(/^file:\/\//, '');
  return path === '' ? '(native)' : path;
}

export interface TimeWindow {
  /** Microseconds on the monotonic clock (process.hrtime.bigint() / 1000n), shared by every process of the machine. */
  fromUs: number;
  toUs: number;
}

/** Self time per key (function@file:line, file or package), largest first; only samples inside `window` when given. */
export function hotSpots(file: string, by: 'function' | 'file' | 'package', top = 25, window?: TimeWindow): { totalMs: number; spots: HotSpot[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let at = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    at += deltas[i] ?? 0;
    if (window && (at < window.fromUs || at > window.toUs)) continue;
    selfUs.set(samples[i]!, (selfUs.get(samples[i]!) ?? 0) + (deltas[i] ?? 0));
  }
  const totals = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    const url = shortUrl(frame.url);
    let key: string;
    if (by === 'function') key = `${frame.functionName || '(anonymous)'} ${url}:${frame.lineNumber + 1}`;
    else if (by === 'file') key = url;
    else {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
      key = match ? match[1]! : url.startsWith('node:') ? 'node core' : url.includes('/') ? `ana: ${url.split('/')[0]}` : frame.functionName || url;
    }
    totals.set(key, (totals.get(key) ?? 0) + us);
    total += us;
  }
  const spots = [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => ({ name, selfMs: us / 1000, share: total ? us / total : 0 }));
  return { totalMs: total / 1000, spots };
}

interface TreeNode extends ProfileNode {
  children?: number[];
}

/**
 * Who pays for a hot library function: self time of frames whose url matches
 * `hot`, attributed to the nearest caller inside Ana's own code
 * (function@file:line), largest first.
 */
export function callersInAna(file: string, hot: RegExp, window?: TimeWindow, top = 10): HotSpot[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile & { nodes: TreeNode[] };
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  let total = 0;
  let at = profile.startTime;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    at += deltas[i] ?? 0;
    if (window && (at < window.fromUs || at > window.toUs)) continue;
    const node = byId.get(samples[i]!)!;
    if (!hot.test(node.callFrame.url)) continue;
    let id: number | undefined = node.id;
    let key = '(no Ana caller)';
    while (id !== undefined) {
      const frame = byId.get(id)!.callFrame;
      const url = shortUrl(frame.url);
      if (!url.includes('node_modules') && url.includes('/') && !url.startsWith('node:')) {
        key = `${frame.functionName || '(anonymous)'} ${url}:${frame.lineNumber + 1}`;
        break;
      }
      id = parent.get(id);
    }
    totals.set(key, (totals.get(key) ?? 0) + (deltas[i] ?? 0));
    total += deltas[i] ?? 0;
  }
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, us]) => ({ name, selfMs: us / 1000, share: total ? us / total : 0 }));
}

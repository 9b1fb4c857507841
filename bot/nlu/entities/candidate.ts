import type { Entity } from '../types.ts';

/** An entity found by one extractor; `priority` settles overlaps (higher wins, then longer). */
export interface Candidate extends Entity { priority: number }

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

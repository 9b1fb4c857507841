import { describe, expect, it } from 'vitest';
import { candidateFilter, type FullTextTerm } from '../../../knowledge/search.ts';

const PASSAGES = 100_000;
const term = (tsquery: string, documents: number): FullTextTerm => ({ tsquery, documents, idf: Math.log((PASSAGES + 1) / (documents + 1)) + 1 });

describe('which passages the full-text leg ranks', () => {
  it('ranks every match when they fit under the bound: the exact ranking', () => {
    expect(candidateFilter([term('kiosko', 3), term('pagar', 120)], PASSAGES, 500)).toEqual({ kind: 'every-match', tsquery: 'kiosko | pagar' });
  });

  it('reads the index for the rarest words that fit, and for the next ones together', () => {
    const terms = [term('pagar', 3_000), term('kiosko', 40), term('(lunr | lunar)', 200), term('referencia', 4_000)];
    // kiosko and lunar fit in 500; pagar and referencia each match too many, but together an estimated 120.
    expect(candidateFilter(terms, PASSAGES, 500)).toEqual({ kind: 'bounded', rare: 'kiosko | (lunr | lunar)', together: 'pagar & referencia', limit: 500 });
  });

  it('never reads the index for a word in a large share of the passages', () => {
    const terms = [term('auto', 60_000), term('kiosko', 40)];
    expect(candidateFilter(terms, PASSAGES, 500)).toEqual({ kind: 'bounded', rare: 'kiosko', together: null, limit: 500 });
  });

  it('ranks the passages nearest to the question when every word is that common', () => {
    expect(candidateFilter([term('auto', 60_000), term('credito', 30_000)], PASSAGES, 500)).toEqual({ kind: 'nearest', limit: 40 });
  });

  it('orders equally rare words by their text, whatever order the question gave them', () => {
    const a = candidateFilter([term('pagar', 3_000), term('referencia', 3_000), term('auto', 60_000)], PASSAGES, 500);
    const b = candidateFilter([term('auto', 60_000), term('referencia', 3_000), term('pagar', 3_000)], PASSAGES, 500);
    expect(a).toEqual(b);
  });
});

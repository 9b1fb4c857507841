import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../../knowledge/eval/bm25.ts';
import { rankArticles, rankByScore, reciprocalRankFusion } from '../../../knowledge/eval/fusion.ts';

describe('offline search pieces', () => {
  it('BM25 ranks the passage that shares rare terms first, despite accents and slang', () => {
    const index = new Bm25Index([
      'Puedes pagar por transferencia SPEI a tu CLABE.',
      'La factura original se queda en resguardo.',
      'Te prestamos una parte del valor de tu auto.',
    ]);
    const scores = index.scores('cuanto me prestan x mi carro');
    expect(rankByScore(scores, 0)[0]).toBe(2);
    expect(index.scores('xyz')).toEqual([0, 0, 0]);
  });

  it('collapses chunk rankings to articles at their best rank', () => {
    expect(rankArticles(['gps', 'seguro', 'gps', 'citas'])).toEqual(['gps', 'seguro', 'citas']);
  });

  it('fuses rankings with reciprocal ranks', () => {
    expect(reciprocalRankFusion([['a', 'b', 'c'], ['b', 'c', 'a']])).toEqual(['b', 'a', 'c']);
    expect(reciprocalRankFusion([['a'], []])).toEqual(['a']);
  });
});

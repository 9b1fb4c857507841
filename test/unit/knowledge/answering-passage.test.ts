// Which passage answers: the most relevant one, or an earlier section of the
// same article that covers the question as well (articles lead with their answer).
import { describe, expect, it } from 'vitest';
import { answeringPassage } from '../../../knowledge/answer.ts';
import type { SearchHit } from '../../../knowledge/search.ts';

function hit(articleId: string, passageIndex: number, coverage: number, similarity: number): SearchHit {
  return {
    articleId,
    slug: articleId,
    title: articleId,
    chunkId: `${articleId}-${passageIndex}`,
    heading: null,
    text: `${articleId} ${passageIndex}`,
    score: 0,
    similarity,
    vectorRank: null,
    textRank: null,
    coverage,
    coverageWithTags: coverage,
    passageIndex,
    tags: [],
  };
}

describe('answeringPassage', () => {
  it("prefers the earliest section of the best passage's article that covers the question as well", () => {
    const best = hit('requisitos', 1, 1, 0.4);
    const hits = [best, hit('requisitos', 0, 1, 0.3), hit('requisitos', 2, 1, 0.2)];
    expect(answeringPassage(hits, best).passageIndex).toBe(0);
  });

  it('keeps the best passage when earlier sections cover less of the question, or belong to another article', () => {
    const best = hit('documentos', 2, 1, 0.4);
    const hits = [best, hit('documentos', 0, 0.5, 0.3), hit('requisitos', 0, 1, 0.35)];
    expect(answeringPassage(hits, best)).toBe(best);
  });
});

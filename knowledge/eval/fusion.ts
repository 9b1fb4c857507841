// Reciprocal rank fusion at article level: the same fusion the Postgres hybrid search uses.

/** Collapses a chunk ranking (best first) to article keys, each at the rank of its best chunk. */
export function rankArticles(chunkKeysBestFirst: readonly string[]): string[] {
  return [...new Set(chunkKeysBestFirst)];
}

/** Orders positions by descending score, dropping those at or below `minScore`. */
export function rankByScore(scores: readonly number[], minScore = Number.NEGATIVE_INFINITY): number[] {
  return scores
    .map((score, position) => ({ score, position }))
    .filter((entry) => entry.score > minScore)
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .map((entry) => entry.position);
}

/** RRF: each list adds 1 / (k + rank) for every key it ranks (rank from 1). Ties keep first-list order. */
export function reciprocalRankFusion(rankings: readonly (readonly string[])[], k = 60): string[] {
  const scores = new Map<string, number>();
  for (const ranking of rankings) {
    ranking.forEach((key, i) => scores.set(key, (scores.get(key) ?? 0) + 1 / (k + i + 1)));
  }
  return [...scores].sort((a, b) => b[1] - a[1]).map(([key]) => key);
}

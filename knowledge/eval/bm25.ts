// In-memory Okapi BM25 over search terms: the lexical half of hybrid search, database-free.
import { searchTerms } from '../text.ts';

export interface Bm25Options {
  k1?: number;
  b?: number;
}

export class Bm25Index {
  private readonly k1: number;
  private readonly b: number;
  private readonly documents: Map<string, number>[] = [];
  private readonly lengths: number[] = [];
  private readonly documentFrequency = new Map<string, number>();
  private totalLength = 0;

  constructor(texts: readonly string[], options: Bm25Options = {}) {
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
    for (const text of texts) {
      const counts = new Map<string, number>();
      const terms = searchTerms(text);
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const term of counts.keys()) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      this.documents.push(counts);
      this.lengths.push(terms.length);
      this.totalLength += terms.length;
    }
  }

  /** Score of every document for `query`, by document position (0 when no term matches). */
  scores(query: string): number[] {
    const n = this.documents.length;
    const averageLength = n === 0 ? 0 : this.totalLength / n;
    const terms = [...new Set(searchTerms(query))];
    return this.documents.map((counts, i) => {
      let score = 0;
      for (const term of terms) {
        const tf = counts.get(term);
        if (tf === undefined) continue;
        const df = this.documentFrequency.get(term)!;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        const norm = tf + this.k1 * (1 - this.b + (this.b * this.lengths[i]!) / averageLength);
        score += (idf * tf * (this.k1 + 1)) / norm;
      }
      return score;
    });
  }
}

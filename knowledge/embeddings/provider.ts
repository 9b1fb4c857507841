// What the knowledge base needs from an embedding model: fixed-size vectors for pgvector.

/** Vector size stored in the database (pgvector column `vector(384)`). */
export const EMBEDDING_DIMENSIONS = 384;

export interface EmbeddingProvider {
  /** Stored next to each vector, so vectors of different models are never compared. */
  readonly model: string;
  readonly dimensions: typeof EMBEDDING_DIMENSIONS;
  /** One L2-normalised vector per text, in the same order. */
  embed(texts: string[]): Promise<number[][]>;
}

/** Cosine similarity; for L2-normalised vectors it is the dot product. */
export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    normA += a[i]! * a[i]!;
    normB += b[i]! * b[i]!;
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

// Hosted embeddings through LangChain, for when OPENAI_API_KEY is configured.
// text-embedding-3-small is asked for 384 dimensions so its vectors fit the same pgvector column.
import { OpenAIEmbeddings as LangChainOpenAIEmbeddings } from '@langchain/openai';
import { EMBEDDING_DIMENSIONS, type EmbeddingProvider } from './provider.ts';

export interface OpenAIEmbeddingsOptions {
  apiKey: string;
  /** Any OpenAI-compatible server, e.g. `http://localhost:8080/v1`. */
  baseURL?: string;
  model?: string;
  batchSize?: number;
  /** Request timeout in milliseconds. */
  timeout?: number;
  /** Retries of a failed request (LangChain's default is 6). */
  maxRetries?: number;
}

export class OpenAIEmbeddings implements EmbeddingProvider {
  readonly model: string;
  readonly dimensions = EMBEDDING_DIMENSIONS;
  private readonly client: LangChainOpenAIEmbeddings;

  constructor(options: OpenAIEmbeddingsOptions) {
    this.model = options.model ?? 'text-embedding-3-small';
    this.client = new LangChainOpenAIEmbeddings({
      model: this.model,
      dimensions: EMBEDDING_DIMENSIONS,
      apiKey: options.apiKey,
      batchSize: options.batchSize ?? 256,
      ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
      ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
      configuration: options.baseURL === undefined ? {} : { baseURL: options.baseURL },
    });
  }

  async embed(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    const vectors = await this.client.embedDocuments(texts);
    for (const vector of vectors) {
      if (vector.length !== EMBEDDING_DIMENSIONS) {
        throw new Error(`${this.model} returned ${vector.length} dimensions, expected ${EMBEDDING_DIMENSIONS}`);
      }
    }
    return vectors;
  }
}

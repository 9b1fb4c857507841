// From an article to searchable passages: chunk → Spanish tsvector → embedding.
// Chunk.text keeps the {{placeholders}} (rendered when shown, so a new rate
// needs no re-index to be displayed); what is indexed is the rendered text, so
// a customer asking about "10 mil" meets the passage that shows $10,000.
import { withTransaction } from '../services/db/transaction.ts';
import type pg from 'pg';
import type { AppConfig } from '../services/config/env.ts';
import type { PrismaClient } from '../services/db/database.ts';
import { chunkArticle } from './chunking.ts';
import { loadArticles } from './content/load.ts';
import { LocalHashedEmbeddings, OpenAIEmbeddings, type EmbeddingProvider } from './embeddings/index.ts';
import { renderArticleText } from './placeholders.ts';
import { createArticle, SYSTEM_AUTHOR } from './store.ts';
import { forgetVocabulary } from './search.ts';
import { normalizeForSearch } from './text.ts';

export interface IndexDependencies {
  pool: pg.Pool;
  embeddings: EmbeddingProvider;
}

let sharedLocal: LocalHashedEmbeddings | undefined;

/** OpenAI text-embedding-3-small (384 dims) when a key is configured; otherwise the offline hashed model. */
export function createEmbeddingProvider(config: Pick<AppConfig, 'openaiApiKey' | 'openaiBaseUrl'>): EmbeddingProvider {
  if (config.openaiApiKey) return new OpenAIEmbeddings({ apiKey: config.openaiApiKey, baseURL: config.openaiBaseUrl, maxRetries: 2 });
  // One instance per process: its idf table is learned once from the seed content.
  return (sharedLocal ??= new LocalHashedEmbeddings());
}

/** pgvector's text form: '[0.1,0.2,...]'. */
export function vectorLiteral(vector: readonly number[]): string {
  return `[${vector.join(',')}]`;
}

// Title, heading and tags weigh A; the passage B. Each is indexed twice, as
// written and accent-free/normalised, so "credito" meets "crédito" and
// "carro" meets "auto" whichever way the query is spelled. One statement per
// article: round trips, not Postgres, are what cost with the embedded engine.
const INSERT_CHUNKS = `
  INSERT INTO "Chunk" ("id", "articleId", "index", "heading", "text", "searchText", "tsv", "embedding", "embeddingModel")
  SELECT gen_random_uuid(), $1, c.index, NULLIF(c.heading, ''), c.text, c.search_text,
         setweight(to_tsvector('spanish', c.context), 'A') || setweight(to_tsvector('spanish', c.context_normalized), 'A') ||
         setweight(to_tsvector('spanish', c.passage), 'B') || setweight(to_tsvector('spanish', c.passage_normalized), 'B'),
         c.embedding::vector, $2
  FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
    AS c(index, heading, text, search_text, context, context_normalized, passage, passage_normalized, embedding)`;

interface IndexableArticle {
  id: string;
  title: string;
  body: string;
  tags: string[];
}

/** Rebuilds the passages of one article with the configured embedding model. Returns how many were written. */
export async function indexArticle(deps: IndexDependencies, article: IndexableArticle): Promise<number> {
  const title = renderArticleText(article.title);
  const chunks = chunkArticle({ title: article.title, body: article.body, tags: article.tags });
  const vectors = await deps.embeddings.embed(chunks.map((chunk) => renderArticleText(chunk.searchText)));
  const contexts = chunks.map((chunk) => `${title} ${renderArticleText(chunk.heading)} ${article.tags.join(' ')}`);
  const passages = chunks.map((chunk) => renderArticleText(chunk.text));
  await withTransaction(deps.pool, async (client) => {
    await client.query('DELETE FROM "Chunk" WHERE "articleId" = $1', [article.id]);
    await client.query(INSERT_CHUNKS, [
      article.id,
      deps.embeddings.model,
      chunks.map((chunk) => chunk.index),
      chunks.map((chunk) => chunk.heading),
      chunks.map((chunk) => chunk.text),
      chunks.map((chunk) => chunk.searchText),
      contexts,
      contexts.map(normalizeForSearch),
      passages,
      passages.map(normalizeForSearch),
      vectors.map(vectorLiteral),
    ]);
  });
  forgetVocabulary();
  return chunks.length;
}

/** Re-indexes one article by id (after an edit). */
export async function reindexArticle(deps: IndexDependencies & { prisma: PrismaClient }, articleId: string): Promise<number> {
  const article = await deps.prisma.article.findUnique({ where: { id: articleId }, select: { id: true, title: true, body: true, tags: true } });
  if (!article) return 0;
  return indexArticle(deps, article);
}

export interface ImportReport {
  imported: number;
  skipped: number;
  chunks: number;
}

/**
 * Imports the seed articles of knowledge/content/ (or `dir`): an article whose
 * slug already exists is left alone, so running it twice changes nothing.
 */
export async function importContent(deps: IndexDependencies & { prisma: PrismaClient }, dir?: string): Promise<ImportReport> {
  const report: ImportReport = { imported: 0, skipped: 0, chunks: 0 };
  for (const file of loadArticles(dir)) {
    if (await deps.prisma.article.findUnique({ where: { slug: file.slug }, select: { id: true } })) {
      report.skipped++;
      continue;
    }
    const article = await createArticle(
      deps.prisma,
      { slug: file.slug, title: file.title, body: file.body, tags: file.tags, audience: file.audience, status: file.status },
      SYSTEM_AUTHOR,
    );
    report.chunks += await indexArticle(deps, article);
    report.imported++;
  }
  return report;
}

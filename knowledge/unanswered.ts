// Questions Ana could not answer, grouped so that curators see what customers
// keep asking: the same topic words (stemmed, so "pizza hawaiana" and "pizzas
// hawaianas" match), or a question whose embedding is close enough
// (cosine ≥ 0.85), counts as one more ask of an open group.
import type pg from 'pg';
import type { PrismaClient } from '../services/db/database.ts';
import type { Audience } from './chunking.ts';
import type { EmbeddingProvider } from './embeddings/index.ts';
import { vectorLiteral } from './ingest.ts';
import { createArticle, type ArticleRecord, type Author } from './store.ts';
import { SPANISH_STOPWORDS, stem, tokenize } from './text.ts';

export const SAME_QUESTION_SIMILARITY = 0.85;

export interface UnansweredDependencies {
  pool: pg.Pool;
  embeddings: EmbeddingProvider;
}

export interface UnansweredGroup {
  id: string;
  question: string;
  normalized: string;
  count: number;
  audience: Audience | null;
  status: 'open' | 'resolved' | 'dismissed';
  resolvedArticleId: string | null;
  firstAskedAt: Date;
  lastAskedAt: Date;
}

/** Records one unanswered ask; returns the group it was counted in. */
export async function recordUnanswered(
  deps: UnansweredDependencies,
  input: { question: string; audience?: Audience },
): Promise<{ id: string; count: number; grouped: boolean }> {
  const question = input.question.trim().slice(0, 1000);
  const normalized = questionKey(question);
  const [vector] = await deps.embeddings.embed([question]);
  const literal = vectorLiteral(vector!);
  const { rows } = await deps.pool.query<{ id: string }>(
    `SELECT "id" FROM "UnansweredQuestion"
     WHERE "status" = 'open' AND ("normalized" = $1 OR 1 - ("embedding" <=> $2::vector) >= $3)
     ORDER BY ("normalized" = $1) DESC, "embedding" <=> $2::vector LIMIT 1`,
    [normalized, literal, SAME_QUESTION_SIMILARITY],
  );
  if (rows[0]) {
    const updated = await deps.pool.query<{ id: string; count: number }>(
      `UPDATE "UnansweredQuestion" SET "count" = "count" + 1, "lastAskedAt" = now() WHERE "id" = $1 RETURNING "id", "count"`,
      [rows[0].id],
    );
    return { ...updated.rows[0]!, grouped: true };
  }
  const inserted = await deps.pool.query<{ id: string; count: number }>(
    `INSERT INTO "UnansweredQuestion" ("id", "question", "normalized", "audience", "embedding")
     VALUES (gen_random_uuid(), $1, $2, $3::"Audience", $4::vector) RETURNING "id", "count"`,
    [question, normalized, input.audience ?? null, literal],
  );
  return { ...inserted.rows[0]!, grouped: false };
}

const FIELDS = {
  id: true, question: true, normalized: true, count: true, audience: true, status: true,
  resolvedArticleId: true, firstAskedAt: true, lastAskedAt: true,
} as const;

/** Most asked first. */
export function listUnanswered(prisma: PrismaClient, status: UnansweredGroup['status'] = 'open'): Promise<UnansweredGroup[]> {
  return prisma.unansweredQuestion.findMany({ where: { status }, orderBy: [{ count: 'desc' }, { lastAskedAt: 'desc' }], select: FIELDS });
}

export class UnansweredNotFoundError extends Error {
  readonly statusCode = 404;
  constructor(id: string) {
    super(`No unanswered question ${id}`);
    this.name = 'NotFound';
  }
}

/**
 * "Create article from this": a draft titled with the question, linked to the
 * group; the group is marked resolved when that article is published.
 */
export async function draftArticleFrom(prisma: PrismaClient, id: string, author: Author): Promise<ArticleRecord> {
  const group = await prisma.unansweredQuestion.findUnique({ where: { id }, select: FIELDS });
  if (!group) throw new UnansweredNotFoundError(id);
  const title = group.question.replace(/^[¿¡\s]+|[?!.\s]+$/g, '');
  const article = await createArticle(
    prisma,
    {
      title: `¿${title.charAt(0).toUpperCase()}${title.slice(1)}?`,
      body: '## Respuesta\n\n(Escribe aquí la respuesta, en tono cálido y breve.)',
      audience: group.audience ?? 'customer',
      tags: [],
    },
    author,
  );
  await prisma.unansweredQuestion.update({ where: { id }, data: { resolvedArticleId: article.id } });
  return article;
}

/** Called when an article is published: the questions it was drafted for are now answered. */
export async function resolveByArticle(prisma: PrismaClient, articleId: string): Promise<number> {
  const { count } = await prisma.unansweredQuestion.updateMany({ where: { resolvedArticleId: articleId, status: 'open' }, data: { status: 'resolved' } });
  return count;
}

export async function dismissUnanswered(prisma: PrismaClient, id: string): Promise<void> {
  const { count } = await prisma.unansweredQuestion.updateMany({ where: { id }, data: { status: 'dismissed' } });
  if (count === 0) throw new UnansweredNotFoundError(id);
}

/** The question reduced to its stemmed topic words, in order. */
export function questionKey(question: string): string {
  return tokenize(question)
    .filter((word) => !SPANISH_STOPWORDS.has(word))
    .map(stem)
    .join(' ');
}

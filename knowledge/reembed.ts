// Vectors of different models are never compared, so when the configured
// embedding model changes every passage (and open unanswered question) is
// embedded again, in a background job whose progress staff can follow in
// BackgroundJob. Passages stay searchable by full text meanwhile.
import type { Logger } from 'pino';
import type pg from 'pg';
import type { PrismaClient } from '../services/db/database.ts';
import type { JobQueue } from '../services/jobs/queue.ts';
import type { EmbeddingProvider } from './embeddings/index.ts';
import { vectorLiteral } from './ingest.ts';
import { renderArticleText } from './placeholders.ts';

export const REEMBED_JOB = 'knowledge.reembed';
const BATCH = 32;

export interface ReembedDependencies {
  pool: pg.Pool;
  prisma: PrismaClient;
  embeddings: EmbeddingProvider;
  logger: Logger;
}

export interface ReembedJobData {
  backgroundJobId: string;
}

/** Passages whose vector is missing or from another model. */
export async function countStaleChunks(pool: pg.Pool, model: string): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM "Chunk" WHERE "embedding" IS NULL OR "embeddingModel" IS DISTINCT FROM $1`,
    [model],
  );
  return Number(rows[0]!.n);
}

export function registerReembedJob(jobs: JobQueue, deps: ReembedDependencies): void {
  jobs.register<ReembedJobData>(REEMBED_JOB, (data) => reembedStaleChunks(deps, data.backgroundJobId));
}

/** Queues a re-embedding when some passages were embedded by another model; returns the BackgroundJob id, if any. */
export async function scheduleReembedIfNeeded(jobs: JobQueue, deps: ReembedDependencies): Promise<string | undefined> {
  const total = await countStaleChunks(deps.pool, deps.embeddings.model);
  if (total === 0) return undefined;
  const job = await deps.prisma.backgroundJob.create({ data: { kind: REEMBED_JOB, status: 'queued', total } });
  deps.logger.info({ backgroundJobId: job.id, total, model: deps.embeddings.model }, 'knowledge: embedding model changed, re-embedding passages');
  await jobs.enqueue<ReembedJobData>(REEMBED_JOB, { backgroundJobId: job.id }, { jobId: REEMBED_JOB });
  return job.id;
}

export async function reembedStaleChunks(deps: ReembedDependencies, backgroundJobId: string): Promise<void> {
  const { pool, prisma, embeddings, logger } = deps;
  const total = await countStaleChunks(pool, embeddings.model);
  await prisma.backgroundJob.update({ where: { id: backgroundJobId }, data: { status: 'running', total, progress: 0, error: null } });
  let done = 0;
  try {
    for (;;) {
      const { rows } = await pool.query<{ id: string; searchText: string }>(
        `SELECT "id", "searchText" FROM "Chunk" WHERE "embedding" IS NULL OR "embeddingModel" IS DISTINCT FROM $1 ORDER BY "id" LIMIT ${BATCH}`,
        [embeddings.model],
      );
      if (rows.length === 0) break;
      const vectors = await embeddings.embed(rows.map((row) => renderArticleText(row.searchText)));
      await pool.query(
        `UPDATE "Chunk" c SET "embedding" = u.embedding::vector, "embeddingModel" = $1
         FROM unnest($2::text[], $3::text[]) AS u(id, embedding) WHERE c."id" = u.id`,
        [embeddings.model, rows.map((row) => row.id), vectors.map(vectorLiteral)],
      );
      done += rows.length;
      await prisma.backgroundJob.update({ where: { id: backgroundJobId }, data: { progress: Math.min(done, total), total: Math.max(total, done) } });
      logger.info({ backgroundJobId, done, total }, 'knowledge: re-embedding progress');
    }
    await reembedUnanswered(deps);
    await prisma.backgroundJob.update({ where: { id: backgroundJobId }, data: { status: 'completed', progress: Math.max(total, done), total: Math.max(total, done) } });
    logger.info({ backgroundJobId, done }, 'knowledge: re-embedding finished');
  } catch (error) {
    await prisma.backgroundJob.update({ where: { id: backgroundJobId }, data: { status: 'failed', error: String(error) } });
    throw error;
  }
}

/** Open questions are grouped by embedding similarity, so their vectors follow the model too. */
async function reembedUnanswered(deps: ReembedDependencies): Promise<void> {
  const { rows } = await deps.pool.query<{ id: string; question: string }>(`SELECT "id", "question" FROM "UnansweredQuestion" WHERE "status" = 'open'`);
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const vectors = await deps.embeddings.embed(batch.map((row) => row.question));
    await deps.pool.query(
      `UPDATE "UnansweredQuestion" q SET "embedding" = u.embedding::vector FROM unnest($1::text[], $2::text[]) AS u(id, embedding) WHERE q."id" = u.id`,
      [batch.map((row) => row.id), vectors.map(vectorLiteral)],
    );
  }
}

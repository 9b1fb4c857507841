// Retrieval: Ana's hybrid search (knowledge/search.ts: pgvector HNSW leg +
// Spanish full-text leg, fused with RRF) at growing numbers of synthetic
// passages, and the recall@10 of the HNSW index against exact search on the
// same filtered query. Floor: a primary-key lookup round trip on the same
// database, i.e. what any query costs through the embedded engine.
import { EMBEDDING_DIMENSIONS, LocalHashedEmbeddings } from '../knowledge/embeddings/index.ts';
import { vectorLiteral } from '../knowledge/ingest.ts';
import { FULL_TEXT_CANDIDATES, HNSW_EF_SEARCH, hybridSearch, refreshVocabulary } from '../knowledge/search.ts';
import { normalizeForSearch } from '../knowledge/text.ts';
import { openDatabase, type Database } from '../services/db/database.ts';
import { migrate } from '../services/db/migrator.ts';
import { round, type Benchmark, type BenchOptions, type BenchResult, type BenchRow, type GoalCheck } from './lib/report.ts';
import { median, medianOfRuns, nowMs, ratio, summarize } from './lib/stats.ts';
import { CHUNKS_PER_ARTICLE, syntheticArticleTitle, syntheticChunks, syntheticQuestions } from './lib/synthetic-kb.ts';

export interface RetrievalSettings {
  sizes: number[];
  queries: number;
  runs: number;
  /** Stop growing when the next size is projected to take longer than what is left of this. */
  buildBudgetMs: number;
  /** hnsw.ef_search values whose recall is also measured when the one search.ts uses falls short of the goal. */
  efSearchAlternatives: number[];
}

export const FULL_RETRIEVAL: RetrievalSettings = { sizes: [1_000, 10_000, 100_000], queries: 100, runs: 3, buildBudgetMs: 20 * 60_000, efSearchAlternatives: [40, 200, 400] };
export const QUICK_RETRIEVAL: RetrievalSettings = { sizes: [100], queries: 3, runs: 1, buildBudgetMs: 60_000, efSearchAlternatives: [] };

const RECALL_GOAL = 0.95;
const QUALITY_SAMPLE = 20;
const BATCH = 1_000;
const MODEL = new LocalHashedEmbeddings();

// The index definitions of the migration, dropped around the bulk load and built once after it.
const INDEXES = [
  { name: 'Chunk_tsv_gin_idx', create: 'CREATE INDEX "Chunk_tsv_gin_idx" ON "Chunk" USING gin ("tsv")' },
  { name: 'Chunk_embedding_hnsw_idx', create: 'CREATE INDEX "Chunk_embedding_hnsw_idx" ON "Chunk" USING hnsw ("embedding" vector_cosine_ops)' },
];

interface Batch {
  articles: number[];
  chunks: ReturnType<typeof syntheticChunks>;
  normalized: string[];
  vectors: string[];
}

/** The JS side of a batch: the passages, their normalised text and their embeddings. */
function prepareBatch(from: number, to: number): Batch {
  const chunks = syntheticChunks(from, to);
  return {
    articles: [...new Set(chunks.filter((c) => c.index === 0).map((c) => c.articleIndex))],
    chunks,
    normalized: chunks.map((c) => normalizeForSearch(c.text)),
    // Seven significant digits: what a float4 keeps anyway, and half the text for the engine to parse.
    vectors: chunks.map((c) => `[${MODEL.embedOne(`${c.heading} ${c.text}`).map((x) => x.toPrecision(7)).join(',')}]`),
  };
}

async function insertBatch(db: Database, batch: Batch): Promise<void> {
  const { chunks } = batch;
  await db.pool.query(
    `INSERT INTO "Article" ("id", "slug", "title", "body", "audience", "status", "publishedAt", "updatedAt")
     SELECT 'bench-' || n, 'bench-' || n, t, '', 'customer', 'published', now(), now() FROM unnest($1::int[], $2::text[]) AS a(n, t)`,
    [batch.articles, batch.articles.map(syntheticArticleTitle)],
  );
  await db.pool.query(
    `INSERT INTO "Chunk" ("id", "articleId", "index", "heading", "text", "searchText", "tsv", "embedding", "embeddingModel")
     SELECT 'bench-' || c.article || '-' || c.index, 'bench-' || c.article, c.index, c.heading, c.text, c.heading || ' ' || c.text,
            setweight(to_tsvector('spanish', c.heading), 'A') || setweight(to_tsvector('spanish', c.text), 'B') || setweight(to_tsvector('spanish', c.normalized), 'B'),
            c.embedding::vector, $7
     FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[]) AS c(article, index, heading, text, normalized, embedding)`,
    [chunks.map((c) => c.articleIndex), chunks.map((c) => c.index), chunks.map((c) => c.heading), chunks.map((c) => c.text), batch.normalized, batch.vectors, MODEL.model],
  );
}

/**
 * Passages `from`..`to` without indexes, then the GIN and HNSW indexes built
 * once. The embeddings of the next batch are computed on the main thread
 * while the engine (its own thread) inserts the previous one.
 */
export async function build(db: Database, from: number, to: number, log: (line: string) => void): Promise<{ loadMs: number; ginMs: number; hnswMs: number }> {
  const t0 = nowMs();
  for (const index of INDEXES) await db.pool.query(`DROP INDEX IF EXISTS "${index.name}"`);
  let inserting: Promise<void> = Promise.resolve();
  let reported = t0;
  for (let start = from; start < to; start += BATCH) {
    const batch = prepareBatch(start, Math.min(to, start + BATCH));
    await inserting;
    inserting = insertBatch(db, batch);
    const done = start - from;
    if (nowMs() - reported > 10_000 && done > 0) {
      reported = nowMs();
      log(`retrieval: building ${to.toLocaleString('en-US')}: ${(start).toLocaleString('en-US')} passages, ${Math.round(done / ((reported - t0) / 1000))} passages/s`);
    }
  }
  await inserting;
  const loadMs = nowMs() - t0;
  await db.pool.query(`SET maintenance_work_mem = '1GB'`);
  const t1 = nowMs();
  await db.pool.query(INDEXES[0]!.create);
  const ginMs = nowMs() - t1;
  const t2 = nowMs();
  await db.pool.query(INDEXES[1]!.create);
  const hnswMs = nowMs() - t2;
  await db.pool.query('ANALYZE "Chunk"; ANALYZE "Article"');
  return { loadMs, ginMs, hnswMs };
}

const VECTOR_LEG = `SELECT c."id" FROM "Chunk" c JOIN "Article" a ON a."id" = c."articleId"
  WHERE c."embeddingModel" = $2 AND a."audience" = ANY($3::"Audience"[]) AND a."status" = 'published'
  ORDER BY c."embedding" <=> $1::vector LIMIT 10`;

/** Top 10 ids of the vector leg, by the HNSW index (with `efSearch`) or by exact (sequential) search. */
async function vectorTop10(db: Database, question: string, efSearch: number | 'exact'): Promise<string[]> {
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL hnsw.iterative_scan = relaxed_order');
    await client.query(efSearch === 'exact' ? 'SET LOCAL enable_indexscan = off' : `SET LOCAL hnsw.ef_search = ${efSearch}`);
    const { rows } = await client.query<{ id: string }>(VECTOR_LEG, [vectorLiteral(MODEL.embedOne(question)), MODEL.model, ['customer']]);
    await client.query('COMMIT');
    return rows.map((row) => row.id);
  } finally {
    client.release();
  }
}

/** Mean share of the exact top 10 that the HNSW index finds, and the median ms of an index search. */
async function hnswRecall(db: Database, questions: readonly string[], exact: readonly string[][], efSearch: number): Promise<{ recall: number; ms: number }> {
  let overlap = 0;
  const times: number[] = [];
  for (const [i, question] of questions.entries()) {
    const t0 = nowMs();
    const approximate = await vectorTop10(db, question, efSearch);
    times.push(nowMs() - t0);
    const truth = new Set(exact[i]);
    overlap += approximate.filter((id) => truth.has(id)).length / Math.max(1, truth.size);
  }
  return { recall: overlap / questions.length, ms: median(times) };
}

interface SizeFigures extends Record<string, number> {
  p50: number;
  p99: number;
  cpu: number;
  floorP50: number;
  floorP99: number;
}

/** Latency of the whole hybridSearch call per question, next to a primary-key lookup, and process CPU per search. */
async function measureSearch(db: Database, questions: readonly string[], size: number, fullTextCandidates: number): Promise<SizeFigures> {
  const deps = { pool: db.pool, embeddings: MODEL };
  const floor: number[] = [];
  const search: number[] = [];
  let cpuMicros = 0;
  for (const [i, question] of questions.entries()) {
    const f0 = nowMs();
    await db.pool.query('SELECT "id" FROM "Chunk" WHERE "id" = $1', [`bench-${i % Math.max(1, Math.floor(size / CHUNKS_PER_ARTICLE))}-0`]);
    floor.push(nowMs() - f0);
    const c0 = process.cpuUsage();
    const s0 = nowMs();
    await hybridSearch(deps, question, { audience: 'customer', fullTextCandidates });
    search.push(nowMs() - s0);
    const cpu = process.cpuUsage(c0);
    cpuMicros += cpu.user + cpu.system;
  }
  const f = summarize(floor);
  const s = summarize(search);
  return { p50: s.p50, p99: s.p99, cpu: cpuMicros / 1000 / questions.length, floorP50: f.p50, floorP99: f.p99 };
}

/** Share of the exact hybrid top 10 (every full-text match ranked) kept when the full-text leg ranks a bounded candidate set. */
async function boundedAgreement(db: Database, questions: readonly string[]): Promise<number> {
  const deps = { pool: db.pool, embeddings: MODEL };
  let overlap = 0;
  for (const question of questions) {
    const bounded = await hybridSearch(deps, question, { audience: 'customer', limit: 10 });
    const exact = new Set((await hybridSearch(deps, question, { audience: 'customer', limit: 10, fullTextCandidates: Number.POSITIVE_INFINITY })).map((hit) => hit.chunkId));
    overlap += bounded.filter((hit) => exact.has(hit.chunkId)).length / Math.max(1, exact.size);
  }
  return overlap / questions.length;
}

export async function runRetrieval(settings: RetrievalSettings, log: (line: string) => void): Promise<BenchResult> {
  const db = await openDatabase({});
  const rows: BenchRow[] = [];
  const goals: GoalCheck[] = [];
  const notes: string[] = [
    `Synthetic Spanish passages (${CHUNKS_PER_ARTICLE} per article, 3–6 sentences each, a small vocabulary: every question word is common), local hashed embeddings (${EMBEDDING_DIMENSIONS} dims), in-memory embedded database (PGlite + pgvector); search.ts sets hnsw.ef_search = ${HNSW_EF_SEARCH} and ranks at most ${FULL_TEXT_CANDIDATES} full-text candidates.`,
  ];
  try {
    await migrate(db.url);
    const questions = syntheticQuestions(settings.queries);
    const deps = { pool: db.pool, embeddings: MODEL };
    const started = nowMs();
    let built = 0;
    let lastBuildMs = 0;
    for (const size of settings.sizes) {
      const remaining = settings.buildBudgetMs - (nowMs() - started);
      const projected = built > 0 ? (lastBuildMs / built) * (size - built) : 0;
      if (projected > remaining) {
        notes.push(`${size.toLocaleString('en-US')} passages not measured: building them was projected at ${round(projected / 60_000, 1)} min, over what was left of the ${round(settings.buildBudgetMs / 60_000, 0)}-min budget; the largest size measured is ${built.toLocaleString('en-US')}.`);
        break;
      }
      const b0 = nowMs();
      const { loadMs, ginMs, hnswMs } = await build(db, built, size, log);
      lastBuildMs = nowMs() - b0;
      log(`retrieval: ${size.toLocaleString('en-US')} passages: loaded in ${round(loadMs / 1000, 1)} s (${Math.round((size - built) / (loadMs / 1000))}/s), GIN ${round(ginMs / 1000, 1)} s, HNSW ${round(hnswMs / 1000, 1)} s`);
      built = size;

      // The vocabulary (typo correction, document frequencies) reloads in the background in production; timed apart here.
      const v0 = nowMs();
      await refreshVocabulary(db.pool);
      const vocabularyMs = nowMs() - v0;
      for (const question of questions) await hybridSearch(deps, question, { audience: 'customer' });

      const runs: SizeFigures[] = [];
      for (let run = 0; run < settings.runs; run++) runs.push(await measureSearch(db, questions, size, FULL_TEXT_CANDIDATES));
      const figures = medianOfRuns(runs);
      // The same searches ranking every full-text match: what the candidate bound saves, and what it costs in results.
      // Ranking every match takes seconds per search at 100k: a sample of the questions is enough.
      const sample = questions.slice(0, QUALITY_SAMPLE);
      const unbounded = await measureSearch(db, sample, size, Number.POSITIVE_INFINITY);
      const agreement = await boundedAgreement(db, sample);

      const exact: string[][] = [];
      for (const question of questions) exact.push(await vectorTop10(db, question, 'exact'));
      const recall = await hnswRecall(db, questions, exact, HNSW_EF_SEARCH);
      log(`retrieval: ${size.toLocaleString('en-US')} passages: p50 ${round(figures.p50, 2)} ms, p99 ${round(figures.p99, 2)} ms, CPU ${round(figures.cpu, 2)} ms/search, recall@10 ${round(recall.recall, 3)}`);
      const efFigures: Record<string, number> = {};
      if (size >= 10_000) {
        for (const ef of settings.efSearchAlternatives.filter((ef) => ef !== HNSW_EF_SEARCH)) {
          const alternative = await hnswRecall(db, questions, exact, ef);
          efFigures[`recall@10 ef ${ef}`] = round(alternative.recall, 3);
          efFigures[`vector leg ms ef ${ef}`] = alternative.ms;
          log(`retrieval: ${size.toLocaleString('en-US')} passages: ef_search ${ef}: recall@10 ${round(alternative.recall, 3)}, vector leg ${round(alternative.ms, 2)} ms`);
        }
      }
      rows.push({
        label: `${size.toLocaleString('en-US')} passages`,
        values: {
          'search p50 ms': figures.p50,
          'search p99 ms': figures.p99,
          'CPU ms/search': figures.cpu,
          'PK floor p50 ms': figures.floorP50,
          'PK floor p99 ms': figures.floorP99,
          'p50 ÷ floor': round(ratio(figures.p50, figures.floorP50), 1),
          // Measured at the hnsw.ef_search that search.ts uses (in the notes).
          'recall@10 HNSW vs exact': round(recall.recall, 3),
          'vector leg ms': recall.ms,
          ...efFigures,
          'unbounded full text p50 ms': unbounded.p50,
          'unbounded full text p99 ms': unbounded.p99,
          'top-10 kept vs unbounded': round(agreement, 3),
          'vocabulary load ms': vocabularyMs,
          'bulk load s': round(loadMs / 1000, 1),
          'GIN build s': round(ginMs / 1000, 1),
          'HNSW build s': round(hnswMs / 1000, 1),
        },
      });
      if (size === 100_000) {
        goals.push({ goal: `p99 ≤ 20 ms at 100k passages with recall ≥ ${RECALL_GOAL}`, measured: `p99 ${round(figures.p99, 1)} ms, recall ${round(recall.recall, 3)}`, met: figures.p99 <= 20 && recall.recall >= RECALL_GOAL });
      }
    }
    if (!goals.length && settings.sizes.includes(100_000)) goals.push({ goal: `p99 ≤ 20 ms at 100k passages with recall ≥ ${RECALL_GOAL}`, measured: `not reached: largest size ${built.toLocaleString('en-US')}`, met: false });
    notes.push(
      'Search latency is the whole hybridSearch call: embedding the question, typo correction, idf weights from the in-process vocabulary, both legs and the transaction in one round trip, fusion. CPU is the whole process (the embedded engine runs on one of its threads) per search. "vocabulary load" is the background reload of every passage\'s words and lexemes (on change or once a minute, never waited for by a search once loaded).',
      `"unbounded full text" ranks every passage matching any question word (the exact ranking); "top-10 kept" is the share of that exact hybrid top 10 that the bounded search returns (both over the first ${QUALITY_SAMPLE} questions).`,
    );
  } finally {
    await db.close();
  }
  return { name: 'retrieval', title: 'Knowledge retrieval: hybrid search and HNSW recall', floor: 'a primary-key lookup round trip on the same database', runs: settings.runs, rows, goals, notes };
}

export const retrievalBenchmark: Benchmark = {
  name: 'retrieval',
  run: (options: BenchOptions) => runRetrieval(options.quick ? QUICK_RETRIEVAL : FULL_RETRIEVAL, options.log),
};

// Hybrid retrieval over the passages: pgvector cosine (HNSW) and Spanish full
// text, each its own top 20, fused with reciprocal rank fusion. Vectors catch
// paraphrases and typos (character n-grams); full text catches the exact
// words the article uses. RRF needs no score calibration between the two.
import pg from 'pg';
import type { ArticleStatus, Audience } from './chunking.ts';
import type { EmbeddingProvider } from './embeddings/index.ts';
import { vectorLiteral } from './ingest.ts';
import { renderArticleText } from './placeholders.ts';
import { correctToVocabulary, SPANISH_STOPWORDS, stem, tokenize } from './text.ts';

export const RRF_K = 60;
const LEG_SIZE = 20;

export interface SearchOptions {
  /**
   * Who is asking: customers see customer articles; investors also see the
   * general customer ones (contact, hours, privacy); internal sees everything.
   * Omitted (staff): every audience.
   */
  audience?: Audience;
  /** Drafts too (curators trying an article before publishing it). */
  includeDrafts?: boolean;
  limit?: number;
  /** Bound on the passages the full-text leg ranks (FULL_TEXT_CANDIDATES); Infinity ranks every match (the benchmark's quality check). */
  fullTextCandidates?: number;
}

export interface SearchHit {
  articleId: string;
  slug: string;
  title: string;
  chunkId: string;
  heading: string | null;
  /** The passage, placeholders rendered. */
  text: string;
  /** Reciprocal rank fusion score. */
  score: number;
  /** Cosine similarity between the question and the passage (0 when the passage was embedded by another model). */
  similarity: number;
  /** 1-based rank in each leg, when the passage was in it. */
  vectorRank: number | null;
  textRank: number | null;
  /** Share of the question's topic words (typos corrected, stemmed) found in the passage, its heading or its article's title. */
  coverage: number;
  /** The same, counting the article's tags too (the curators' words: "papeles" for the documents article). */
  coverageWithTags: number;
  /** Position of the passage in its article (0: the first section). */
  passageIndex: number;
  /** The article's tags: the curators' words for what it answers. */
  tags: string[];
}

export interface SearchDependencies {
  pool: pg.Pool;
  embeddings: EmbeddingProvider;
}

export function audiencesFor(audience: Audience | undefined): Audience[] {
  if (audience === 'customer') return ['customer'];
  if (audience === 'investor') return ['investor', 'customer'];
  return ['customer', 'investor', 'internal'];
}

interface Row {
  id: string;
  articleId: string;
  slug: string;
  title: string;
  heading: string | null;
  text: string;
  similarity: number | null;
  passageIndex: number;
  tags: string[];
}

// What the full-text leg knows of the whole knowledge base, kept in process:
// its words (typo correction of the question) and, per word stem, how many
// passages use it (the idf weights of the ranking). Loading it reads every
// passage, which at 100k passages takes seconds: a search never waits for a
// reload, it is served the previous vocabulary while one runs in the
// background. Only the very first search of a process (or of another
// database) waits for a load.
interface Vocabulary {
  pool: pg.Pool;
  words: Set<string>;
  /** Passages whose tsvector holds each lexeme (a question word is looked up by its Snowball stem, the same stemmer). */
  documentFrequency: Map<string, number>;
  passages: number;
  /** What the passages looked like when read: unchanged means no reload is needed. */
  signature: string;
  /** `generation` when the load started. */
  generation: number;
  loadedAt: number;
  /** Set when the passages changed (re-indexing) or the TTL ran out. */
  stale: boolean;
}

let vocabulary: Vocabulary | undefined;
let loading: { pool: pg.Pool; promise: Promise<Vocabulary> } | undefined;
// Bumped by every change to the passages, so that a load that read them
// before the change is not taken as current.
let generation = 0;
const VOCABULARY_TTL_MS = 60_000;
const VOCABULARY_PAGE = 1_000;

/** Passages changed (ingestion calls this): the next search starts a reload and is served the current vocabulary meanwhile. */
export function forgetVocabulary(): void {
  generation++;
  if (vocabulary) vocabulary.stale = true;
}

/** Loads the vocabulary now and waits for it (start-up, benchmarks, tests that need the newest words). */
export async function refreshVocabulary(pool: pg.Pool): Promise<void> {
  await startLoading(pool, undefined);
}

async function passagesSignature(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query<{ n: number; latest: Date | null }>('SELECT count(*)::int AS n, max("createdAt") AS latest FROM "Chunk"');
  return `${rows[0]!.n}:${rows[0]!.latest?.toISOString() ?? ''}`;
}

async function loadVocabulary(pool: pg.Pool, previous: Vocabulary | undefined): Promise<Vocabulary> {
  const startedAt = generation;
  const signature = await passagesSignature(pool);
  // The TTL ran out but nothing was written meanwhile: keep what we have.
  if (previous && previous.generation === startedAt && previous.signature === signature) return { ...previous, loadedAt: Date.now(), stale: false };
  const wordCounts = new Map<string, number>();
  const documentFrequency = new Map<string, number>();
  // Normalisation works word by word, and passages share most of their words:
  // normalise each written form once per load.
  const normalized = new Map<string, string[]>();
  let passages = 0;
  // Pages keyed by id: no long statement on the database and no long block of the event loop.
  for (let after = ''; ; ) {
    const { rows } = await pool.query<{ id: string; searchText: string }>(
      'SELECT "id", "searchText" FROM "Chunk" WHERE "id" > $1 ORDER BY "id" LIMIT $2',
      [after, VOCABULARY_PAGE],
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      const seen = new Set<string>();
      for (const written of renderArticleText(row.searchText).split(/\s+/)) {
        let words = normalized.get(written);
        if (words === undefined) normalized.set(written, (words = topicWords(written)));
        for (const word of words) seen.add(word);
      }
      for (const word of seen) wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
    }
    // Postgres's own lexemes and counts (ts_stat over the page), so that the
    // frequencies are those of the tsvectors the query matches.
    const { rows: lexemes } = await pool.query<{ word: string; ndoc: number }>(
      `SELECT "word", "ndoc" FROM ts_stat(format('SELECT "tsv" FROM "Chunk" WHERE "id" > %L AND "id" <= %L', $1::text, $2::text))`,
      [after, rows.at(-1)!.id],
    );
    for (const { word, ndoc } of lexemes) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + ndoc);
    passages += rows.length;
    after = rows.at(-1)!.id;
    if (rows.length < VOCABULARY_PAGE) break;
  }
  // Typo correction keeps the first of equally close words: make it the most used one, whatever order the pages came in.
  const words = new Set([...wordCounts].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1)).map(([word]) => word));
  return { pool, words, documentFrequency, passages, signature, generation: startedAt, loadedAt: Date.now(), stale: generation !== startedAt };
}

function startLoading(pool: pg.Pool, previous: Vocabulary | undefined): Promise<Vocabulary> {
  if (loading?.pool === pool) return loading.promise;
  const promise = loadVocabulary(pool, previous)
    .then((loaded) => {
      vocabulary = loaded;
      return loaded;
    })
    .finally(() => {
      if (loading?.promise === promise) loading = undefined;
    });
  loading = { pool, promise };
  return promise;
}

async function currentVocabulary(pool: pg.Pool): Promise<Vocabulary> {
  const known = vocabulary?.pool === pool ? vocabulary : undefined;
  if (!known) return startLoading(pool, undefined);
  if (known.stale || Date.now() - known.loadedAt >= VOCABULARY_TTL_MS) {
    known.stale = true;
    // A failed background reload keeps the previous vocabulary; the next search tries again.
    startLoading(pool, known).catch(() => {});
  }
  return known;
}

type CorrectedWord = { word: string; corrected: string };

/** Each topic word of the question with its closest known spelling (itself when it is no typo). */
function correctedWords(known: Vocabulary, question: string): CorrectedWord[] {
  return topicWords(question).map((word) => ({ word, corrected: correctToVocabulary(word, known.words) }));
}

/** One group of the full-text query, with how many passages it matches (from the vocabulary) and its idf. */
export interface FullTextTerm {
  tsquery: string;
  documents: number;
  idf: number;
}

/**
 * The full-text query: one group per topic word, the word OR its closest known
 * spelling when it looks like a typo; groups are OR-ed so a passage matching
 * some of them still counts. Words are [a-z0-9]+ after normalisation, so the
 * tsquery text is safe. Each group's idf is BM25's smoothed one over the
 * passages, ln((N + 1) / (df + 1)) + 1, with df counted in process when the
 * vocabulary was loaded (a word the vocabulary has not seen yet counts as rare).
 */
function fullTextTerms(words: CorrectedWord[], known: Vocabulary): FullTextTerm[] {
  const terms = new Map<string, FullTextTerm>();
  for (const { word, corrected } of words) {
    const tsquery = corrected === word ? word : `(${word} | ${corrected})`;
    const stems = new Set([stem(word), stem(corrected)]);
    const documents = Math.min(known.passages, [...stems].reduce((sum, s) => sum + (known.documentFrequency.get(s) ?? 0), 0));
    terms.set(tsquery, { tsquery, documents, idf: Math.log((known.passages + 1) / (documents + 1)) + 1 });
  }
  return [...terms.values()];
}

function topicWords(text: string): string[] {
  return tokenize(text).filter((word) => !SPANISH_STOPWORDS.has(word));
}

/** Stems of the question's topic words, each with its corrected spelling as an alternative. */
function questionStems(words: CorrectedWord[]): string[][] {
  return words.map(({ word, corrected }) => [...new Set([stem(word), stem(corrected)])]);
}

function coverageOf(stems: string[][], has: (stem: string) => boolean): number {
  if (stems.length === 0) return 0;
  return stems.filter((alternatives) => alternatives.some(has)).length / stems.length;
}

/**
 * How many passages the full-text leg ranks at most. Below it the ranking is
 * exact; above it (common words in a large knowledge base) see `candidateFilter`.
 */
export const FULL_TEXT_CANDIDATES = 500;
const COMMON_WORD_FACTOR = 10;
// The bounded leg keeps this many times its size before the audience and status filters.
const BOUNDED_OVERSAMPLING = 5;

/** Which passages the full-text leg ranks (see `candidateFilter`). */
export type FullTextCandidates =
  | { kind: 'every-match'; tsquery: string }
  /** The passages matching `rare` (at most the bound by construction), and at most `limit` more matching `together`. */
  | { kind: 'bounded'; rare: string | null; together: string | null; limit: number }
  /** Every question word is in so many passages that reading the index for it costs more than the leg may: rank the passages nearest to the question instead. */
  | { kind: 'nearest'; limit: number };

/**
 * Which passages the full-text leg ranks. All those matching any term when
 * that is at most `cap` of them: the exact ranking. Otherwise the index is
 * only read for words in at most COMMON_WORD_FACTOR × `cap` passages (a GIN
 * lookup reads the word's whole posting list: tens of milliseconds for a
 * word in a third of 100k passages): the rarest of them, as many as fit in
 * `cap` (they carry most of the idf), OR the passages matching together the
 * next rarest ones, as many as it takes for that to fit in `cap` under an
 * independence estimate; a hard LIMIT of `cap` on the latter catches where
 * that is wrong (an arbitrary `cap` of them are ranked then). When every
 * word is that common, the leg ranks by its idf weights the passages nearest
 * to the question vector. What it can miss: a passage matching only common
 * words that the vector leg does not bring up.
 */
export function candidateFilter(terms: readonly FullTextTerm[], passages: number, cap: number): FullTextCandidates {
  if (terms.reduce((sum, term) => sum + term.documents, 0) <= cap) return { kind: 'every-match', tsquery: terms.map((term) => term.tsquery).join(' | ') };
  const byRarity = terms.filter((term) => term.documents <= COMMON_WORD_FACTOR * cap).sort((a, b) => a.documents - b.documents || a.tsquery.localeCompare(b.tsquery));
  const rare: FullTextTerm[] = [];
  let matched = 0;
  for (const term of byRarity) {
    if (matched + term.documents > cap) break;
    rare.push(term);
    matched += term.documents;
  }
  const together: FullTextTerm[] = [];
  let estimate = passages;
  for (const term of byRarity.slice(rare.length)) {
    if (estimate <= cap) break;
    together.push(term);
    estimate *= term.documents / Math.max(1, passages);
  }
  if (rare.length === 0 && together.length === 0) return { kind: 'nearest', limit: 2 * LEG_SIZE };
  return {
    kind: 'bounded',
    rare: rare.length > 0 ? rare.map((term) => term.tsquery).join(' | ') : null,
    together: together.length > 0 ? together.map((term) => term.tsquery).join(' & ') : null,
    limit: cap,
  };
}

/**
 * HNSW candidates examined per search. pgvector's default, 40, found 0.70 of
 * the exact top 10 at 100k synthetic passages, 100 found 0.84, 200 0.93 and
 * 400 0.98 at twice the time of 200 (bench/retrieval.bench.ts prints them).
 */
export const HNSW_EF_SEARCH = 100;

const COLUMNS = `c."id", c."articleId", a."slug", a."title", a."tags", c."heading", c."text", c."index" AS "passageIndex",
  CASE WHEN c."embeddingModel" = $2 THEN 1 - (c."embedding" <=> $1::vector) END AS "similarity"`;
// Compared as enums, not as text, so that the planner knows how many articles pass
// (a text cast hides the column statistics and led it away from both indexes).
const FILTERS = `a."audience" = ANY($3::"Audience"[]) AND a."status" = ANY($4::"ArticleStatus"[])`;

const VECTOR_SQL = `SELECT ${COLUMNS} FROM "Chunk" c JOIN "Article" a ON a."id" = c."articleId"
  WHERE c."embeddingModel" = $2 AND ${FILTERS}
  ORDER BY c."embedding" <=> $1::vector LIMIT ${LEG_SIZE}`;

// Postgres ranks without document frequencies, so a passage repeating a
// common word ("pagar") would beat one matching the rare word that matters
// ("Kiosko"). Each matched term therefore adds its idf, BM25-style, and
// ts_rank over all terms (title and headings weigh more) breaks ties. Each
// candidate is scored by plain expressions over tsqueries parsed once (a
// function in FROM): no subquery per passage. Its tsvector is stored
// compressed; the candidates keep a decompressed copy (|| '') so that the
// several tests against it do not each decompress it again.
function fullTextSql(terms: readonly FullTextTerm[], candidates: FullTextCandidates): string {
  const tsquery = (text: string): string => `to_tsquery('spanish', ${pg.escapeLiteral(text)})`;
  const matchedIdf = terms.map((term, i) => `CASE WHEN m."tsv" @@ t${i} THEN float8 '${term.idf}' ELSE 0 END`).join(' + ');
  const parsedTerms = terms.map((term, i) => `, ${tsquery(term.tsquery)} t${i}`).join('');
  const score = `${matchedIdf} + ts_rank(m."tsv", ${tsquery(terms.map((term) => term.tsquery).join(' | '))}) AS score`;
  if (candidates.kind === 'every-match') {
    return `
  WITH candidates AS MATERIALIZED (
         SELECT c."id", c."tsv" || ''::tsvector AS "tsv", a."slug", c."index" FROM "Chunk" c JOIN "Article" a ON a."id" = c."articleId"
         WHERE c."tsv" @@ ${tsquery(candidates.tsquery)} AND ${FILTERS}),
       ranked AS (
         SELECT m."id", m."slug", m."index", ${score} FROM candidates m${parsedTerms}
         ORDER BY score DESC, m."slug", m."index" LIMIT ${LEG_SIZE})
  SELECT ${COLUMNS} FROM ranked r JOIN "Chunk" c ON c."id" = r."id" JOIN "Article" a ON a."id" = c."articleId"
  ORDER BY r.score DESC, r."slug", r."index"`;
  }
  // Bounded: the articles' audience and status are checked on the best
  // candidates only (a few times the leg), not on thousands of matches.
  const columns = `c."id", c."tsv" || ''::tsvector AS "tsv", c."articleId", c."index"`;
  const parts: string[] = [];
  if (candidates.kind === 'nearest') {
    parts.push(`SELECT ${columns} FROM "Chunk" c WHERE c."embeddingModel" = $2 ORDER BY c."embedding" <=> $1::vector LIMIT ${candidates.limit}`);
  } else {
    if (candidates.rare !== null) parts.push(`SELECT ${columns} FROM "Chunk" c WHERE c."tsv" @@ ${tsquery(candidates.rare)}`);
    // The LIMIT only ever truncates these (an arbitrary few of them), never the rare words' passages.
    const notRare = candidates.rare !== null ? ` AND NOT c."tsv" @@ ${tsquery(candidates.rare)}` : '';
    if (candidates.together !== null) parts.push(`(SELECT ${columns} FROM "Chunk" c WHERE c."tsv" @@ ${tsquery(candidates.together)}${notRare} LIMIT ${candidates.limit})`);
  }
  return `
  WITH candidates AS MATERIALIZED (${parts.join(' UNION ALL ')}),
       ranked AS (
         SELECT m."id", ${score} FROM candidates m${parsedTerms}
         ORDER BY score DESC, m."articleId", m."index" LIMIT ${LEG_SIZE * BOUNDED_OVERSAMPLING})
  SELECT ${COLUMNS} FROM ranked r JOIN "Chunk" c ON c."id" = r."id" JOIN "Article" a ON a."id" = c."articleId"
  WHERE ${FILTERS}
  ORDER BY r.score DESC, a."slug", c."index" LIMIT ${LEG_SIZE}`;
}

/** `sql` with its $n parameters written as literals, so that several statements travel in one simple query. */
function inlineParameters(sql: string, params: readonly unknown[]): string {
  const literal = (value: unknown): string => {
    if (value === null) return 'NULL';
    if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NULL';
    if (Array.isArray(value)) return `ARRAY[${value.map(literal).join(',')}]`;
    return pg.escapeLiteral(String(value));
  };
  return sql.replace(/\$(\d+)/g, (_, n: string) => literal(params[Number(n) - 1]));
}

export async function hybridSearch(deps: SearchDependencies, question: string, options: SearchOptions = {}): Promise<SearchHit[]> {
  const limit = options.limit ?? 5;
  const statuses: ArticleStatus[] = options.includeDrafts ? ['published', 'draft'] : ['published'];
  const [vector] = await deps.embeddings.embed([question]);
  const known = await currentVocabulary(deps.pool);
  const words = correctedWords(known, question);
  const terms = fullTextTerms(words, known);
  const params = [vectorLiteral(vector!), deps.embeddings.model, audiencesFor(options.audience), statuses];
  const statements = [
    'BEGIN',
    // With filters, a plain HNSW scan may return fewer than 20 rows; iterative scans keep going.
    'SET LOCAL hnsw.iterative_scan = relaxed_order',
    `SET LOCAL hnsw.ef_search = ${HNSW_EF_SEARCH}`,
    inlineParameters(VECTOR_SQL, params),
  ];
  if (terms.length > 0) {
    const candidates = candidateFilter(terms, known.passages, options.fullTextCandidates ?? FULL_TEXT_CANDIDATES);
    statements.push(inlineParameters(fullTextSql(terms, candidates), params));
  }
  statements.push('COMMIT');
  // One round trip instead of five (BEGIN, SET, two legs, COMMIT): the
  // statements travel together as one simple query.
  const client = await deps.pool.connect();
  let results: pg.QueryResult<Row>[];
  try {
    results = (await client.query<Row>(statements.join(';\n'))) as unknown as pg.QueryResult<Row>[];
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  const byVector = results[3]!.rows;
  const byText = terms.length > 0 ? results[4]!.rows : [];
  const stems = questionStems(words);
  // relaxed_order lets the iterative HNSW scan return rows slightly out of
  // order: rank the vector leg by its actual similarity (ties by passage).
  byVector.sort((a, b) => Number(b.similarity ?? 0) - Number(a.similarity ?? 0) || a.slug.localeCompare(b.slug) || a.id.localeCompare(b.id));
  const hits = fuse(byVector, byText).slice(0, limit);
  for (const hit of hits) {
    const passage = new Set(topicWords(`${hit.title} ${hit.heading ?? ''} ${hit.text}`).map(stem));
    const tags = new Set(topicWords(hit.tags.join(' ')).map(stem));
    hit.coverage = coverageOf(stems, (s) => passage.has(s));
    hit.coverageWithTags = coverageOf(stems, (s) => passage.has(s) || tags.has(s));
  }
  return hits;
}

function fuse(byVector: Row[], byText: Row[]): SearchHit[] {
  const hits = new Map<string, SearchHit>();
  const add = (rows: Row[], leg: 'vectorRank' | 'textRank'): void => {
    rows.forEach((row, i) => {
      const hit = hits.get(row.id) ?? {
        articleId: row.articleId,
        slug: row.slug,
        title: renderArticleText(row.title),
        chunkId: row.id,
        heading: row.heading,
        text: renderArticleText(row.text),
        score: 0,
        similarity: Number(row.similarity ?? 0),
        vectorRank: null,
        textRank: null,
        coverage: 0,
        coverageWithTags: 0,
        passageIndex: row.passageIndex,
        tags: row.tags,
      };
      hit[leg] = i + 1;
      hit.score += 1 / (RRF_K + i + 1);
      hits.set(row.id, hit);
    });
  };
  add(byVector, 'vectorRank');
  add(byText, 'textRank');
  return [...hits.values()].sort((a, b) => b.score - a.score || b.similarity - a.similarity);
}

// Hybrid retrieval over the passages: pgvector cosine (HNSW) and Spanish full
// text, each its own top 20, fused with reciprocal rank fusion. Vectors catch
// paraphrases and typos (character n-grams); full text catches the exact
// words the article uses. RRF needs no score calibration between the two.
import { withTransaction } from '../services/db/transaction.ts';
import type pg from 'pg';
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
  /** Share of the question's topic words (typos corrected, stemmed) found in the passage, its title or heading. */
  coverage: number;
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
}

// Words of the whole knowledge base, for typo correction of full-text terms;
// refreshed when passages change.
let vocabulary: { words: Set<string>; loadedAt: number } | undefined;
const VOCABULARY_TTL_MS = 60_000;

export function forgetVocabulary(): void {
  vocabulary = undefined;
}

async function knownWords(pool: pg.Pool): Promise<Set<string>> {
  if (vocabulary && Date.now() - vocabulary.loadedAt < VOCABULARY_TTL_MS) return vocabulary.words;
  const { rows } = await pool.query<{ searchText: string }>('SELECT "searchText" FROM "Chunk"');
  const words = new Set<string>();
  for (const row of rows) for (const word of tokenize(renderArticleText(row.searchText))) if (!SPANISH_STOPWORDS.has(word)) words.add(word);
  vocabulary = { words, loadedAt: Date.now() };
  return words;
}

/** Each topic word of the question with its closest known spelling (itself when it is no typo). */
async function correctedWords(pool: pg.Pool, question: string): Promise<{ word: string; corrected: string }[]> {
  const known = await knownWords(pool);
  return topicWords(question).map((word) => ({ word, corrected: correctToVocabulary(word, known) }));
}

/**
 * The full-text query: one group per topic word, the word OR its closest known
 * spelling when it looks like a typo; groups are OR-ed so a passage matching
 * some of them still counts. Words are [a-z0-9]+ after normalisation, so the
 * tsquery text is safe.
 */
function fullTextTerms(words: { word: string; corrected: string }[]): string[] {
  return [...new Set(words.map(({ word, corrected }) => (corrected === word ? word : `(${word} | ${corrected})`)))];
}

function topicWords(text: string): string[] {
  return tokenize(text).filter((word) => !SPANISH_STOPWORDS.has(word));
}

/** Stems of the question's topic words, each with its corrected spelling as an alternative. */
function questionStems(words: { word: string; corrected: string }[]): string[][] {
  return words.map(({ word, corrected }) => [...new Set([stem(word), stem(corrected)])]);
}

function coverageOf(stems: string[][], hit: SearchHit): number {
  if (stems.length === 0) return 0;
  const passage = new Set(topicWords(`${hit.title} ${hit.heading ?? ''} ${hit.text}`).map(stem));
  return stems.filter((alternatives) => alternatives.some((s) => passage.has(s))).length / stems.length;
}

const COLUMNS = `c."id", c."articleId", a."slug", a."title", c."heading", c."text",
  CASE WHEN c."embeddingModel" = $2 THEN 1 - (c."embedding" <=> $1::vector) END AS "similarity"`;
const FILTERS = `a."audience"::text = ANY($3::text[]) AND a."status"::text = ANY($4::text[])`;

// Postgres ranks without document frequencies, so a passage repeating a
// common word ("pagar") would beat one matching the rare word that matters
// ("Kiosko"). Each matched term therefore adds its idf over the passages,
// BM25-style, and ts_rank (title and headings weigh more) breaks ties.
const FULL_TEXT_SQL = `
  WITH terms AS (SELECT to_tsquery('spanish', t) AS q FROM unnest($6::text[]) AS t),
       passages AS (SELECT count(*)::float AS n FROM "Chunk"),
       weighted AS (
         SELECT t.q, ln((p.n + 1) / ((SELECT count(*) FROM "Chunk" x WHERE x."tsv" @@ t.q) + 1)) + 1 AS idf
         FROM terms t, passages p)
  SELECT ${COLUMNS} FROM "Chunk" c JOIN "Article" a ON a."id" = c."articleId", to_tsquery('spanish', $5) q
  WHERE c."tsv" @@ q AND ${FILTERS}
  ORDER BY (SELECT coalesce(sum(w.idf), 0) FROM weighted w WHERE c."tsv" @@ w.q) + ts_rank(c."tsv", q) DESC, a."slug", c."index"
  LIMIT ${LEG_SIZE}`;

export async function hybridSearch(deps: SearchDependencies, question: string, options: SearchOptions = {}): Promise<SearchHit[]> {
  const limit = options.limit ?? 5;
  const statuses: ArticleStatus[] = options.includeDrafts ? ['published', 'draft'] : ['published'];
  const [vector] = await deps.embeddings.embed([question]);
  const words = await correctedWords(deps.pool, question);
  const terms = fullTextTerms(words);
  const params = [vectorLiteral(vector!), deps.embeddings.model, audiencesFor(options.audience), statuses];

  const { byVector, byText } = await withTransaction(deps.pool, async (client) => {
    // With filters, a plain HNSW scan may return fewer than 20 rows; iterative scans keep going.
    await client.query(`SET LOCAL hnsw.iterative_scan = relaxed_order`);
    const vectorRows = await client.query<Row>(
      `SELECT ${COLUMNS} FROM "Chunk" c JOIN "Article" a ON a."id" = c."articleId"
       WHERE c."embeddingModel" = $2 AND ${FILTERS}
       ORDER BY c."embedding" <=> $1::vector LIMIT ${LEG_SIZE}`,
      params,
    );
    const textRows = terms.length > 0 ? (await client.query<Row>(FULL_TEXT_SQL, [...params, terms.join(' | '), terms])).rows : [];
    return { byVector: vectorRows.rows, byText: textRows };
  });
  const stems = questionStems(words);
  // relaxed_order lets the iterative HNSW scan return rows slightly out of
  // order: rank the vector leg by its actual similarity (ties by passage).
  byVector.sort((a, b) => Number(b.similarity ?? 0) - Number(a.similarity ?? 0) || a.slug.localeCompare(b.slug) || a.id.localeCompare(b.id));
  const hits = fuse(byVector, byText).slice(0, limit);
  for (const hit of hits) hit.coverage = coverageOf(stems, hit);
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

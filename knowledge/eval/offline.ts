// Database-free evaluation of knowledge search on the labelled questions.
// Chunks the published articles, ranks them by local embeddings and by BM25, fuses the two
// article rankings with RRF (k = 60) and prints recall@1, recall@3 and MRR for each.
// Run: npx tsx knowledge/eval/offline.ts
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chunkArticle, renderPlaceholders, type Article } from '../chunking.ts';
import { loadPlaceholderDefaults, loadPublishedArticles } from '../content/load.ts';
import { LocalHashedEmbeddings } from '../embeddings/local-hashed.ts';
import { Bm25Index } from './bm25.ts';
import { rankArticles, rankByScore, reciprocalRankFusion } from './fusion.ts';

export interface LabelledQuestion {
  q: string;
  slugs: string[];
}

export interface Metrics {
  questions: number;
  recallAt1: number;
  recallAt3: number;
  mrr: number;
}

export interface OfflineReport {
  embeddings: Metrics;
  bm25: Metrics;
  fused: Metrics;
  /** Questions whose fused top 3 holds none of their articles. */
  misses: { q: string; expected: string[]; got: string[] }[];
}

export const QUESTIONS_FILE = join(dirname(fileURLToPath(import.meta.url)), 'questions.jsonl');

export function loadQuestions(file: string = QUESTIONS_FILE): LabelledQuestion[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const parsed = JSON.parse(line) as Partial<LabelledQuestion>;
      if (typeof parsed.q !== 'string' || !Array.isArray(parsed.slugs) || parsed.slugs.length === 0) {
        throw new Error(`${file}:${i + 1}: expected {"q": string, "slugs": [string, ...]}`);
      }
      return { q: parsed.q, slugs: parsed.slugs };
    });
}

function score(rankings: readonly (readonly string[])[], questions: readonly LabelledQuestion[]): Metrics {
  let hits1 = 0;
  let hits3 = 0;
  let reciprocal = 0;
  questions.forEach((question, i) => {
    const ranking = rankings[i]!;
    const first = ranking.findIndex((slug) => question.slugs.includes(slug));
    if (first === 0) hits1++;
    if (first >= 0 && first < 3) hits3++;
    if (first >= 0) reciprocal += 1 / (first + 1);
  });
  const n = questions.length;
  return { questions: n, recallAt1: hits1 / n, recallAt3: hits3 / n, mrr: reciprocal / n };
}

/**
 * Customer-facing search: internal advisor guides are not offered to customers and investors.
 * Passages are indexed as customers read them, placeholders rendered ("sábados" lives in {{company.hours}}).
 */
function searchableArticles(): Article[] {
  const values = loadPlaceholderDefaults();
  return loadPublishedArticles()
    .filter((article) => article.audience !== 'internal')
    .map((article) => ({
      ...article,
      title: renderPlaceholders(article.title, values),
      body: renderPlaceholders(article.body, values),
    }));
}

export async function evaluateOffline(questions: LabelledQuestion[] = loadQuestions()): Promise<OfflineReport> {
  const chunks = searchableArticles().flatMap((article) =>
    chunkArticle(article).map((chunk) => ({ slug: article.slug, searchText: chunk.searchText })),
  );
  const embeddings = new LocalHashedEmbeddings();
  embeddings.fit(chunks.map((chunk) => chunk.searchText));
  const chunkVectors = await embeddings.embed(chunks.map((chunk) => chunk.searchText));
  const bm25 = new Bm25Index(chunks.map((chunk) => chunk.searchText));
  const questionVectors = await embeddings.embed(questions.map((question) => question.q));

  const dense: string[][] = [];
  const lexical: string[][] = [];
  const fused: string[][] = [];
  questions.forEach((question, i) => {
    const queryVector = questionVectors[i]!;
    const similarities = chunkVectors.map((vector) => vector.reduce((sum, x, d) => sum + x * queryVector[d]!, 0));
    const denseRanking = rankArticles(rankByScore(similarities).map((c) => chunks[c]!.slug));
    const lexicalRanking = rankArticles(rankByScore(bm25.scores(question.q), 0).map((c) => chunks[c]!.slug));
    dense.push(denseRanking);
    lexical.push(lexicalRanking);
    fused.push(reciprocalRankFusion([denseRanking, lexicalRanking]));
  });

  const misses = questions
    .map((question, i) => ({ q: question.q, expected: question.slugs, got: fused[i]!.slice(0, 3) }))
    .filter((row) => !row.got.some((slug) => row.expected.includes(slug)));
  return { embeddings: score(dense, questions), bm25: score(lexical, questions), fused: score(fused, questions), misses };
}

function format(name: string, metrics: Metrics): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  return `${name.padEnd(12)} recall@1 ${pct(metrics.recallAt1)}  recall@3 ${pct(metrics.recallAt3)}  MRR ${metrics.mrr.toFixed(3)}`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const report = await evaluateOffline();
  console.log(`${report.fused.questions} questions`);
  console.log(format('embeddings', report.embeddings));
  console.log(format('bm25', report.bm25));
  console.log(format('fused (RRF)', report.fused));
  if (process.argv.includes('--misses')) {
    for (const miss of report.misses) console.log(`  miss: "${miss.q}" expected ${miss.expected.join('|')} got ${miss.got.join(', ')}`);
  }
}

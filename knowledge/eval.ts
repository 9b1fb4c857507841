// `npm run eval:kb`: quality of the REAL retrieval — the Postgres hybrid search
// (pgvector HNSW + Spanish full text, RRF) of the offline default — on the
// labelled questions of knowledge/eval/questions.jsonl, which are never used
// to tune anything. A fresh in-memory database gets the seed content imported
// exactly as on first start. Pass --misses to list the questions missed at 3.
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../services/db/database.ts';
import { migrate } from '../services/db/migrator.ts';
import { loadQuestions, type LabelledQuestion, type Metrics } from './eval/offline.ts';
import { createEmbeddingProvider, importContent } from './ingest.ts';
import { hybridSearch } from './search.ts';

export interface KnowledgeEvalReport extends Metrics {
  chunks: number;
  articles: number;
  misses: { q: string; expected: string[]; got: string[] }[];
}

/** Article slugs in the order their best passage ranks. */
function articleRanking(slugs: readonly string[]): string[] {
  return [...new Set(slugs)];
}

export async function evaluateKnowledgeSearch(questions: LabelledQuestion[] = loadQuestions()): Promise<KnowledgeEvalReport> {
  const db = await openDatabase({});
  try {
    await migrate(db.url);
    const embeddings = createEmbeddingProvider({ openaiApiKey: undefined, openaiBaseUrl: undefined });
    const imported = await importContent({ pool: db.pool, prisma: db.prisma, embeddings });
    let hits1 = 0;
    let hits3 = 0;
    let reciprocal = 0;
    const misses: KnowledgeEvalReport['misses'] = [];
    for (const question of questions) {
      // Customers and investors ask; internal guides are not for them.
      const hits = await hybridSearch({ pool: db.pool, embeddings }, question.q, { audience: 'investor', limit: 20 });
      const ranking = articleRanking(hits.map((hit) => hit.slug));
      const first = ranking.findIndex((slug) => question.slugs.includes(slug));
      if (first === 0) hits1++;
      if (first >= 0 && first < 3) hits3++;
      else misses.push({ q: question.q, expected: question.slugs, got: ranking.slice(0, 3) });
      if (first >= 0) reciprocal += 1 / (first + 1);
    }
    const n = questions.length;
    return { questions: n, recallAt1: hits1 / n, recallAt3: hits3 / n, mrr: reciprocal / n, chunks: imported.chunks, articles: imported.imported, misses };
  } finally {
    await db.close();
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const report = await evaluateKnowledgeSearch();
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  console.log(`Postgres hybrid search (pgvector HNSW + Spanish full text, RRF k=60), offline embeddings`);
  console.log(`${report.articles} articles, ${report.chunks} passages, ${report.questions} labelled questions`);
  console.log(`recall@1 ${pct(report.recallAt1)}  recall@3 ${pct(report.recallAt3)}  MRR ${report.mrr.toFixed(3)}`);
  if (process.argv.includes('--misses')) {
    for (const miss of report.misses) console.log(`  miss: "${miss.q}" expected ${miss.expected.join('|')} got ${miss.got.join(', ')}`);
  }
}

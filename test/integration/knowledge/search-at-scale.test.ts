// The parts of hybrid search that matter for large knowledge bases, on the
// seed content: the vocabulary reloaded in the background after an edit, and
// the bounded full-text candidates (forced here with a tiny bound).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddingProvider, importContent, reindexArticle } from '../../../knowledge/ingest.ts';
import { hybridSearch, refreshVocabulary } from '../../../knowledge/search.ts';
import { createArticle, SYSTEM_AUTHOR } from '../../../knowledge/store.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.ts';

describe('hybrid search beyond a handful of passages', () => {
  let db: TestDatabase;
  const embeddings = createEmbeddingProvider({ openaiApiKey: undefined, openaiBaseUrl: undefined });
  const deps = () => ({ pool: db.pool, prisma: db.prisma, embeddings });

  beforeAll(async () => {
    db = await createTestDatabase();
    await importContent(deps());
  });
  afterAll(async () => db?.close());

  it('learns the words of a new article in the background: later searches correct typos of them', async () => {
    await hybridSearch(deps(), 'cual es la tasa de interes', { audience: 'customer' });
    const article = await createArticle(
      db.prisma,
      { title: 'Pagos en la red Quetzalcoatl', body: 'Puedes pagar tu mensualidad en las cajas Quetzalcoatl con tu referencia.', status: 'published' },
      SYSTEM_AUTHOR,
    );
    await reindexArticle(deps(), article.id);
    const typo = 'pagar en quetzalcoatk';
    const textRankOfArticle = async () => (await hybridSearch(deps(), typo, { audience: 'customer', limit: 20 })).find((hit) => hit.articleId === article.id)?.textRank ?? null;
    // The search right after the edit is served at once, and starts the reload.
    await textRankOfArticle();
    let rank: number | null = null;
    for (let attempt = 0; attempt < 50 && rank === null; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      rank = await textRankOfArticle();
    }
    expect(rank).toBe(1);
  });

  it('finds the passage with the rare word when the full-text leg ranks a bounded candidate set', async () => {
    await refreshVocabulary(db.pool);
    const bounded = await hybridSearch(deps(), 'pagar mensualidad cajas quetzalcoatl', { audience: 'customer', fullTextCandidates: 2 });
    expect(bounded[0]!.title).toBe('Pagos en la red Quetzalcoatl');
    expect(bounded[0]!.textRank).toBe(1);
  });

  it('still ranks words when every one is too common to read the index for', async () => {
    // A bound of 0: no word is rare enough, the leg ranks the passages nearest to the question.
    const hits = await hybridSearch(deps(), 'cuanto me prestan x mi carro', { audience: 'customer', fullTextCandidates: 0 });
    expect(hits[0]!.slug).toBe('cuanto-me-prestan');
    expect(hits.some((hit) => hit.textRank !== null)).toBe(true);
    // Audience filters still hold on the bounded paths.
    const asCustomer = await hybridSearch(deps(), 'cual es el monto minimo para invertir', { audience: 'customer', limit: 10, fullTextCandidates: 3 });
    expect(asCustomer.map((hit) => hit.slug)).not.toContain('inversion-minima');
  });
});

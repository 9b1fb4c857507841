import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, relevance, relevanceThreshold } from '../../../knowledge/answer.ts';
import { createEmbeddingProvider, importContent, reindexArticle } from '../../../knowledge/ingest.ts';
import { hybridSearch } from '../../../knowledge/search.ts';
import { createArticle, setArticleStatus, SYSTEM_AUTHOR, updateArticle } from '../../../knowledge/store.ts';
import { listUnanswered } from '../../../knowledge/unanswered.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.ts';

describe('knowledge ingestion and hybrid search on Postgres', () => {
  let db: TestDatabase;
  const embeddings = createEmbeddingProvider({ openaiApiKey: undefined, openaiBaseUrl: undefined });
  const deps = () => ({ pool: db.pool, prisma: db.prisma, embeddings });
  const topSlugs = async (q: string, audience: 'customer' | 'investor' = 'customer') =>
    (await hybridSearch(deps(), q, { audience, limit: 5 })).map((hit) => hit.slug);

  beforeAll(async () => {
    db = await createTestDatabase();
    const report = await importContent(deps());
    expect(report.imported).toBeGreaterThanOrEqual(40);
  });
  afterAll(async () => db?.close());

  it('writes every passage with a Spanish tsvector, a 384-dim embedding and its model', async () => {
    const { rows } = await db.pool.query<{ total: string; ok: string; dims: number; models: string[] }>(
      `SELECT count(*) AS total,
              count(*) FILTER (WHERE "tsv" IS NOT NULL AND "embedding" IS NOT NULL AND "embeddingModel" = $1) AS ok,
              max(vector_dims("embedding")) AS dims, array_agg(DISTINCT "embeddingModel") AS models
       FROM "Chunk"`,
      [embeddings.model],
    );
    expect(Number(rows[0]!.total)).toBeGreaterThan(100);
    expect(rows[0]!.ok).toBe(rows[0]!.total);
    expect(rows[0]!.dims).toBe(384);
    expect(rows[0]!.models).toEqual(['local-hashed-ngrams-v1']);
    // Accent-free forms are indexed too: "credito" matches without the accent.
    const { rows: accentless } = await db.pool.query(`SELECT 1 FROM "Chunk" WHERE "tsv" @@ to_tsquery('spanish', 'credito') LIMIT 1`);
    expect(accentless).toHaveLength(1);
  });

  it('imports the seed content once: a second run skips every slug', async () => {
    const before = await db.prisma.article.count();
    const again = await importContent(deps());
    expect(again.imported).toBe(0);
    expect(again.skipped).toBe(before);
    expect(await db.prisma.article.count()).toBe(before);
  });

  it('renders placeholders from configuration in what it returns', async () => {
    const hits = await hybridSearch(deps(), 'cual es la tasa de interes', { audience: 'customer', limit: 5 });
    expect(hits[0]!.slug).toBe('tasas-de-interes');
    expect(hits.map((hit) => hit.text).join('\n')).not.toContain('{{');
  });

  it('ranks the right article first despite typos, missing accents and slang', async () => {
    expect((await topSlugs('cuanto me prestan x mi carro')).at(0)).toBe('cuanto-me-prestan');
    expect((await topSlugs('q documentos nesecito'))[0]).toBe('documentos');
    expect((await topSlugs('se puede liquidr antes sin penalizasion'))[0]).toBe('liquidacion-anticipada');
    expect((await topSlugs('pará que sirve el gps'))[0]).toBe('gps');
    expect((await topSlugs('para que sirbe el gps'))[0]).toBe('gps');
  });

  it('filters by audience and status: customers never see drafts or investor articles', async () => {
    const investorOnly = await hybridSearch(deps(), 'cual es el monto minimo para invertir', { audience: 'investor', limit: 3 });
    expect(investorOnly.some((hit) => hit.slug === 'inversion-minima')).toBe(true);
    const asCustomer = await topSlugs('cual es el monto minimo para invertir', 'customer');
    expect(asCustomer).not.toContain('inversion-minima');

    const draft = await createArticle(db.prisma, { title: 'Programa de lealtad Club Zafiro', body: '## ¿Qué es?\n\nEl programa Zafiro da puntos por cada pago puntual.', audience: 'customer' }, SYSTEM_AUTHOR);
    await reindexArticle(deps(), draft.id);
    expect(await topSlugs('programa zafiro puntos')).not.toContain(draft.slug);
    expect((await hybridSearch(deps(), 'programa zafiro puntos', { audience: 'customer', includeDrafts: true }))[0]!.slug).toBe(draft.slug);
    await setArticleStatus(db.prisma, draft.id, 'published', SYSTEM_AUTHOR);
    expect((await topSlugs('programa zafiro puntos'))[0]).toBe(draft.slug);
  });

  it('re-indexes an article after an edit: new words are found, old ones are gone', async () => {
    const article = await createArticle(db.prisma, { title: 'Pagos en tiendas de conveniencia', body: 'Puedes pagar en las tiendas Kiosko Lunar con tu referencia.', status: 'published' }, SYSTEM_AUTHOR);
    await reindexArticle(deps(), article.id);
    expect((await hybridSearch(deps(), 'pagar en kiosko lunar', { audience: 'customer' }))[0]!.articleId).toBe(article.id);
    await updateArticle(db.prisma, article.id, { body: 'Puedes pagar en 7-Eleven y Farmacias del Ahorro con tu referencia.' }, SYSTEM_AUTHOR);
    await reindexArticle(deps(), article.id);
    const { rows } = await db.pool.query<{ text: string }>(`SELECT "text" FROM "Chunk" WHERE "articleId" = $1`, [article.id]);
    expect(rows.map((row) => row.text).join(' ')).toContain('Farmacias del Ahorro');
    expect(rows.map((row) => row.text).join(' ')).not.toContain('Kiosko');
    expect((await hybridSearch(deps(), 'farmacias del ahorro', { audience: 'customer' }))[0]!.articleId).toBe(article.id);
  });

  // Our own calibration examples (not the evaluation set): in-domain questions
  // clear the relevance threshold, off-topic ones do not.
  it('separates answerable questions from off-topic ones with the relevance threshold', async () => {
    const threshold = relevanceThreshold(embeddings.model);
    const best = async (q: string) => relevance((await hybridSearch(deps(), q, { audience: 'investor', limit: 1 }))[0]!);
    for (const q of ['oye y si me atraso en un pago q pasa', 'cual es el interes', 'puedo seguir usando mi coche', 'que hacen con mis datos', 'como retiro mi inversion']) {
      expect(await best(q), q).toBeGreaterThanOrEqual(threshold);
    }
    for (const q of ['cual es la capital de francia', 'me das la receta del pozole', 'que clima hace mañana', 'me recomiendas una pelicula', 'como hago un pastel de chocolate']) {
      expect(await best(q), q).toBeLessThan(threshold);
    }
  });

  // Spotted while walking customer journeys (not the evaluation set): the section that answers.
  it('answers with the section that answers: the article\'s lead when it covers the question as well', async () => {
    const say = async (question: string): Promise<string> => {
      const answer = await answerQuestion(deps(), { question, audience: 'customer', record: false });
      return answer.kind === 'answer' ? answer.text : '(no answer)';
    };
    // The requirements themselves, not the later "what we do not ask for".
    expect(await say('que requisitos piden para el credito?')).toMatch(/identificación oficial vigente/);
    // "papeles" is only a tag of the documents article: enough to answer, with its first section.
    expect(await say('que papeles necesito')).toMatch(/INE vigente/);
    // A later section that covers the question better than the lead is still the answer.
    expect(await say('como envio mis documentos')).toMatch(/subir fotos claras/);
    expect(await say('donde estan ubicados')).toMatch(/Para visitarnos/);
  });

  it('answers with a WhatsApp-sized passage and its source, or records the question as unanswered', async () => {
    const answer = await answerQuestion(deps(), { question: 'oye y si me atraso en un pago q pasa', audience: 'customer' });
    expect(answer.kind).toBe('answer');
    if (answer.kind !== 'answer') return;
    expect(answer.text.length).toBeLessThanOrEqual(600);
    expect(answer.text).toMatch(/Fuente: .+$/);
    expect(answer.sources[0]!.slug).toBe('pago-tardio');

    expect(await answerQuestion(deps(), { question: 'venden pizzas hawaianas?', audience: 'customer' })).toEqual({ kind: 'unknown' });
    expect(await answerQuestion(deps(), { question: 'Venden pizzas hawaianas??', audience: 'customer' })).toEqual({ kind: 'unknown' });
    expect(await answerQuestion(deps(), { question: 'venden pizza hawaiana', audience: 'customer' })).toEqual({ kind: 'unknown' });
    expect(await answerQuestion(deps(), { question: 'que clima hace mañana en monterrey', audience: 'customer' })).toEqual({ kind: 'unknown' });
    // Staff trying a question leave no trace.
    await answerQuestion(deps(), { question: 'cual es la capital de francia', audience: 'customer', record: false });

    const open = await listUnanswered(db.prisma);
    expect(open.map((q) => [q.question, q.count])).toEqual([
      ['venden pizzas hawaianas?', 3],
      ['que clima hace mañana en monterrey', 1],
    ]);
  });
});

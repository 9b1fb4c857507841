import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAna, type RunningAna } from '../../../app/start.ts';
import { createKnowledgeModule, knowledgeBaseOf } from '../../../knowledge/module.ts';
import { REEMBED_JOB, scheduleReembedIfNeeded } from '../../../knowledge/reembed.ts';
import { recordUnanswered } from '../../../knowledge/unanswered.ts';
import { createApiToken } from '../../../services/auth/tokens.ts';
import { loadConfig } from '../../../services/config/env.ts';

describe('knowledge curation API', () => {
  let ana: RunningAna;
  let curator: string;
  let advisor: string;
  const as = (token: string | undefined) => (token ? { authorization: `Bearer ${token}` } : {});

  beforeAll(async () => {
    ana = await startAna({
      config: loadConfig({ LOG_LEVEL: 'silent', ANA_DATA_DIR: mkdtempSync(join(tmpdir(), 'ana-kb-')) }),
      inMemory: true,
      seed: false,
      listen: false,
      modules: [createKnowledgeModule({ importSeedContent: false })],
    });
    curator = (await createApiToken(ana.context.db.prisma, { name: 'Sofía (curator)', role: 'curator' })).token;
    advisor = (await createApiToken(ana.context.db.prisma, { name: 'Jorge (advisor)', role: 'advisor' })).token;
  });
  afterAll(async () => ana?.stop());

  const createDraft = async (title: string, body: string) => {
    const response = await ana.app.inject({ method: 'POST', url: '/v1/knowledge/articles', headers: as(curator), payload: { title, body, tags: ['prueba'] } });
    expect(response.statusCode).toBe(201);
    return response.json<{ id: string; slug: string; version: number; status: string }>();
  };

  it('enforces roles: no token → 401, advisors read and search but cannot write or publish → 403', async () => {
    const article = await createDraft('Pagos con tarjeta departamental', '## ¿Aceptan tarjetas departamentales?\n\nNo, solo transferencia SPEI o depósito.');
    expect((await ana.app.inject({ url: '/v1/knowledge/articles' })).statusCode).toBe(401);
    expect((await ana.app.inject({ url: '/v1/knowledge/search?q=tarjeta' })).statusCode).toBe(401);
    expect((await ana.app.inject({ method: 'POST', url: `/v1/knowledge/articles/${article.id}/publish`, headers: as(advisor) })).statusCode).toBe(403);
    expect((await ana.app.inject({ method: 'PATCH', url: `/v1/knowledge/articles/${article.id}`, headers: as(advisor), payload: { title: 'Otro título' } })).statusCode).toBe(403);
    expect((await ana.app.inject({ method: 'POST', url: '/v1/knowledge/articles', headers: as(advisor), payload: { title: 'Nuevo', body: 'x' } })).statusCode).toBe(403);
    expect((await ana.app.inject({ url: '/v1/knowledge/articles', headers: as(advisor) })).statusCode).toBe(200);
    expect((await ana.app.inject({ url: '/v1/knowledge/search?q=tarjeta%20departamental&includeDrafts=true', headers: as(advisor) })).statusCode).toBe(200);
  });

  it('creates, edits, publishes and unpublishes with versions, a diff and an audit trail', async () => {
    const article = await createDraft('Pago con domiciliación', '## ¿Puedo domiciliar?\n\nSí, a tu cuenta de nómina.');
    const edited = await ana.app.inject({
      method: 'PATCH', url: `/v1/knowledge/articles/${article.id}`, headers: as(curator),
      payload: { body: '## ¿Puedo domiciliar?\n\nSí, a cualquier cuenta a tu nombre, con cargo el día de tu pago.' },
    });
    expect(edited.json()).toMatchObject({ version: 2, status: 'draft' });
    const published = await ana.app.inject({ method: 'POST', url: `/v1/knowledge/articles/${article.id}/publish`, headers: as(curator) });
    expect(published.json()).toMatchObject({ version: 3, status: 'published' });

    const search = await ana.app.inject({ url: '/v1/knowledge/search?q=domiciliacion%20a%20mi%20cuenta&audience=customer', headers: as(curator) });
    const results = search.json<{ results: { articleId: string; title: string; chunkId: string; text: string; score: number }[] }>().results;
    expect(results[0]).toMatchObject({ articleId: article.id, title: 'Pago con domiciliación' });
    expect(results[0]!.text).toContain('cualquier cuenta');
    expect(results[0]!.score).toBeGreaterThan(0);

    const versions = (await ana.app.inject({ url: `/v1/knowledge/articles/${article.id}/versions`, headers: as(advisor) })).json<{ versions: { version: number; status: string }[] }>();
    expect(versions.versions.map((v) => [v.version, v.status])).toEqual([[3, 'published'], [2, 'draft'], [1, 'draft']]);
    const diff = (await ana.app.inject({ url: `/v1/knowledge/articles/${article.id}/diff?from=1&to=2`, headers: as(curator) })).json<{ lines: { kind: string; text: string }[] }>();
    expect(diff.lines).toContainEqual({ kind: 'removed', text: 'Sí, a tu cuenta de nómina.' });
    expect(diff.lines).toContainEqual({ kind: 'added', text: 'Sí, a cualquier cuenta a tu nombre, con cargo el día de tu pago.' });

    const unpublished = await ana.app.inject({ method: 'POST', url: `/v1/knowledge/articles/${article.id}/unpublish`, headers: as(curator) });
    expect(unpublished.json()).toMatchObject({ version: 4, status: 'draft' });
    const customerSearch = await ana.app.inject({ url: '/v1/knowledge/search?q=domiciliacion&audience=customer', headers: as(curator) });
    expect(customerSearch.json<{ results: { articleId: string }[] }>().results.map((r) => r.articleId)).not.toContain(article.id);

    const trail = await ana.context.db.prisma.auditLog.findMany({ where: { entityId: article.id }, orderBy: { createdAt: 'asc' } });
    const curatorToken = await ana.context.db.prisma.apiToken.findFirstOrThrow({ where: { name: 'Sofía (curator)' } });
    expect(trail.map((entry) => entry.action)).toEqual([
      'knowledge.article.create', 'knowledge.article.update', 'knowledge.article.publish', 'knowledge.article.unpublish',
    ]);
    expect(new Set(trail.map((entry) => `${entry.actorType}:${entry.actorId}`))).toEqual(new Set([`token:${curatorToken.id}`]));
  });

  it('ranks unanswered questions by frequency and turns one into an article that resolves it when published', async () => {
    const kb = knowledgeBaseOf(ana.context);
    // Same normalised text, then a near paraphrase (cosine ≥ 0.85): one group of three.
    for (const question of ['¿aceptan pagos con bitcoin?', 'aceptan pagos con bitcoin', 'y aceptan pago con bitcoin']) {
      await recordUnanswered(kb, { question, audience: 'customer' });
    }
    await recordUnanswered(kb, { question: '¿tienen sucursal en Mérida?', audience: 'customer' });
    const open = (await ana.app.inject({ url: '/v1/knowledge/unanswered', headers: as(advisor) })).json<{ questions: { id: string; question: string; count: number }[] }>();
    expect(open.questions.map((q) => [q.question, q.count])).toEqual([['¿aceptan pagos con bitcoin?', 3], ['¿tienen sucursal en Mérida?', 1]]);

    expect((await ana.app.inject({ method: 'POST', url: `/v1/knowledge/unanswered/${open.questions[0]!.id}/article`, headers: as(advisor) })).statusCode).toBe(403);
    const draft = await ana.app.inject({ method: 'POST', url: `/v1/knowledge/unanswered/${open.questions[0]!.id}/article`, headers: as(curator) });
    expect(draft.statusCode).toBe(201);
    const article = draft.json<{ id: string; title: string; status: string }>();
    expect(article).toMatchObject({ status: 'draft', title: '¿Aceptan pagos con bitcoin?' });
    await ana.app.inject({ method: 'PATCH', url: `/v1/knowledge/articles/${article.id}`, headers: as(curator), payload: { body: '## Criptomonedas\n\nPor ahora no aceptamos bitcoin ni otras criptomonedas: paga por transferencia SPEI.' } });
    const published = await ana.app.inject({ method: 'POST', url: `/v1/knowledge/articles/${article.id}/publish`, headers: as(curator) });
    expect(published.json()).toMatchObject({ resolvedQuestions: 1 });
    const stillOpen = (await ana.app.inject({ url: '/v1/knowledge/unanswered', headers: as(curator) })).json<{ questions: { question: string }[] }>();
    expect(stillOpen.questions.map((q) => q.question)).toEqual(['¿tienen sucursal en Mérida?']);

    const tried = await ana.app.inject({ method: 'POST', url: '/v1/knowledge/try', headers: as(advisor), payload: { question: 'puedo pagar con bitcoin', audience: 'customer' } });
    const body = tried.json<{ threshold: number; passages: { articleId: string; relevance: number; score: number }[]; answer: { kind: string; text?: string } }>();
    expect(body.passages[0]!.articleId).toBe(article.id);
    expect(body.passages[0]!.relevance).toBeGreaterThanOrEqual(body.threshold);
    expect(body.answer).toMatchObject({ kind: 'answer' });
    expect(body.answer.text).toContain('criptomonedas');
  });

  it('re-embeds every passage in a background job when the embedding model changes, with progress to the total', async () => {
    const pool = ana.context.db.pool;
    await pool.query(`UPDATE "Chunk" SET "embeddingModel" = 'an-older-model'`);
    const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "Chunk"`);
    const total = Number(rows[0]!.n);
    expect(total).toBeGreaterThan(0);

    const jobId = await scheduleReembedIfNeeded(ana.context.jobs, knowledgeBaseOf(ana.context));
    await ana.context.jobs.drain();
    const job = await ana.context.db.prisma.backgroundJob.findUniqueOrThrow({ where: { id: jobId! } });
    expect(job).toMatchObject({ kind: REEMBED_JOB, status: 'completed', progress: total, total });
    const { rows: models } = await pool.query<{ model: string }>(`SELECT DISTINCT "embeddingModel" AS model FROM "Chunk"`);
    expect(models).toEqual([{ model: 'local-hashed-ngrams-v1' }]);
    expect(await scheduleReembedIfNeeded(ana.context.jobs, knowledgeBaseOf(ana.context))).toBeUndefined();
    const listed = (await ana.app.inject({ url: '/v1/knowledge/jobs', headers: as(curator) })).json<{ jobs: { id: string; status: string }[] }>();
    expect(listed.jobs[0]).toMatchObject({ id: jobId, status: 'completed' });
  });

  it('serves the staff console under a strict CSP', async () => {
    const page = await ana.app.inject({ url: '/console/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });
});

// Knowledge REST: search for staff, curation for curators (advisors may read
// and try, never change), unanswered questions, and the "try it" box.
// Every change is audited with its author (store.ts does it in the same transaction).
import { Type, type Static } from 'typebox';
import type { AppContext } from '../app/context.ts';
import { audit } from '../services/audit/audit.ts';
import type { App } from '../services/http/app.ts';
import { requireRole } from '../services/http/auth.ts';
import { answerQuestion, relevance, relevanceThreshold } from './answer.ts';
import type { KnowledgeBase } from './module.ts';
import { hybridSearch } from './search.ts';
import { authorOf, createArticle, diffVersions, getArticle, listArticles, listVersions, setArticleStatus, updateArticle, type ArticleRecord } from './store.ts';
import { dismissUnanswered, draftArticleFrom, listUnanswered, resolveByArticle } from './unanswered.ts';

const AudienceSchema = Type.Union([Type.Literal('customer'), Type.Literal('investor'), Type.Literal('internal')]);
const StatusSchema = Type.Union([Type.Literal('draft'), Type.Literal('published')]);
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) });
const ArticleBody = Type.Object(
  {
    title: Type.String({ minLength: 3, maxLength: 200 }),
    body: Type.String({ minLength: 1, maxLength: 50_000 }),
    tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 30 })),
    audience: Type.Optional(AudienceSchema),
    slug: Type.Optional(Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 120 })),
  },
  { additionalProperties: false },
);
const ArticlePatch = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 3, maxLength: 200 })),
    body: Type.Optional(Type.String({ minLength: 1, maxLength: 50_000 })),
    tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 30 })),
    audience: Type.Optional(AudienceSchema),
  },
  { additionalProperties: false },
);
const TryBody = Type.Object(
  {
    question: Type.String({ minLength: 1, maxLength: 1000 }),
    audience: Type.Optional(AudienceSchema),
    includeDrafts: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

function serialize(article: ArticleRecord) {
  return { ...article, publishedAt: article.publishedAt?.toISOString() ?? null, createdAt: article.createdAt.toISOString(), updatedAt: article.updatedAt.toISOString() };
}

export async function knowledgeRoutes(app: App, context: AppContext, kb: KnowledgeBase): Promise<void> {
  const prisma = context.db.prisma;
  const staff = requireRole(context.verifyToken, 'curator', 'advisor');
  const curator = requireRole(context.verifyToken, 'curator');
  const security = [{ bearer: [] }];

  app.get('/v1/knowledge/search', {
    preHandler: staff,
    schema: {
      tags: ['knowledge'], security,
      querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 1000 }), audience: Type.Optional(AudienceSchema), includeDrafts: Type.Optional(Type.Boolean()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })) }),
    },
  }, async (request) => {
    const { q, audience, includeDrafts, limit } = request.query;
    const hits = await hybridSearch(kb, q, { audience, includeDrafts, limit: limit ?? 5 });
    return { results: hits.map((hit) => ({ articleId: hit.articleId, title: hit.title, chunkId: hit.chunkId, text: hit.text, score: hit.score })) };
  });

  app.get('/v1/knowledge/articles', {
    preHandler: staff,
    schema: { tags: ['knowledge'], security, querystring: Type.Object({ audience: Type.Optional(AudienceSchema), status: Type.Optional(StatusSchema), q: Type.Optional(Type.String({ maxLength: 200 })) }) },
  }, async (request) => ({ articles: (await listArticles(prisma, request.query)).map(serialize) }));

  app.get('/v1/knowledge/articles/:id', { preHandler: staff, schema: { tags: ['knowledge'], security, params: IdParams } }, async (request) =>
    serialize(await getArticle(prisma, request.params.id)));

  app.post('/v1/knowledge/articles', { preHandler: curator, schema: { tags: ['knowledge'], security, body: ArticleBody } }, async (request, reply) => {
    const article = await createArticle(prisma, request.body as Static<typeof ArticleBody>, authorOf(request.principal));
    await kb.reindex(article.id);
    return reply.code(201).send(serialize(article));
  });

  app.patch('/v1/knowledge/articles/:id', { preHandler: curator, schema: { tags: ['knowledge'], security, params: IdParams, body: ArticlePatch } }, async (request) => {
    const { id } = await getArticle(prisma, request.params.id);
    const article = await updateArticle(prisma, id, request.body as Static<typeof ArticlePatch>, authorOf(request.principal));
    await kb.reindex(article.id);
    return serialize(article);
  });

  for (const [action, status] of [['publish', 'published'], ['unpublish', 'draft']] as const) {
    app.post(`/v1/knowledge/articles/:id/${action}`, { preHandler: curator, schema: { tags: ['knowledge'], security, params: IdParams } }, async (request) => {
      const { id } = await getArticle(prisma, request.params.id);
      const article = await setArticleStatus(prisma, id, status, authorOf(request.principal));
      const resolvedQuestions = status === 'published' ? await resolveByArticle(prisma, id) : 0;
      return { ...serialize(article), resolvedQuestions };
    });
  }

  app.get('/v1/knowledge/articles/:id/versions', { preHandler: staff, schema: { tags: ['knowledge'], security, params: IdParams } }, async (request) => {
    const { id } = await getArticle(prisma, request.params.id);
    const versions = await listVersions(prisma, id);
    return { versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })) };
  });

  app.get('/v1/knowledge/articles/:id/diff', {
    preHandler: staff,
    schema: { tags: ['knowledge'], security, params: IdParams, querystring: Type.Object({ from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) }) },
  }, async (request) => {
    const { id } = await getArticle(prisma, request.params.id);
    return diffVersions(prisma, id, request.query.from, request.query.to);
  });

  app.get('/v1/knowledge/unanswered', {
    preHandler: staff,
    schema: { tags: ['knowledge'], security, querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('resolved'), Type.Literal('dismissed')])) }) },
  }, async (request) => {
    const groups = await listUnanswered(prisma, request.query.status ?? 'open');
    return { questions: groups.map((g) => ({ ...g, firstAskedAt: g.firstAskedAt.toISOString(), lastAskedAt: g.lastAskedAt.toISOString() })) };
  });

  app.post('/v1/knowledge/unanswered/:id/article', { preHandler: curator, schema: { tags: ['knowledge'], security, params: IdParams } }, async (request, reply) => {
    const article = await draftArticleFrom(prisma, request.params.id, authorOf(request.principal));
    await kb.reindex(article.id);
    return reply.code(201).send(serialize(article));
  });

  app.post('/v1/knowledge/unanswered/:id/dismiss', { preHandler: curator, schema: { tags: ['knowledge'], security, params: IdParams } }, async (request) => {
    await dismissUnanswered(prisma, request.params.id);
    await audit(prisma, { ...authorOf(request.principal), action: 'knowledge.unanswered.dismiss', entity: 'UnansweredQuestion', entityId: request.params.id });
    return { ok: true };
  });

  app.post('/v1/knowledge/try', { preHandler: staff, schema: { tags: ['knowledge'], security, body: TryBody } }, async (request) => {
    const { question, audience, includeDrafts } = request.body as Static<typeof TryBody>;
    const hits = await hybridSearch(kb, question, { audience, includeDrafts, limit: 8 });
    const answer = await answerQuestion(kb, { question, audience: audience ?? 'customer', record: false, includeDrafts });
    return {
      threshold: relevanceThreshold(kb.embeddings.model),
      model: kb.embeddings.model,
      passages: hits.map((hit) => ({ ...hit, relevance: relevance(hit) })),
      answer,
    };
  });

  app.get('/v1/knowledge/jobs', { preHandler: staff, schema: { tags: ['knowledge'], security } }, async () => {
    const jobs = await prisma.backgroundJob.findMany({ where: { kind: { startsWith: 'knowledge.' } }, orderBy: { createdAt: 'desc' }, take: 10 });
    return { jobs: jobs.map((job) => ({ ...job, createdAt: job.createdAt.toISOString(), updatedAt: job.updatedAt.toISOString() })) };
  });
}

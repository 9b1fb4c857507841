// The knowledge base as a feature of the running app: on start it imports the
// seed articles into an empty database, schedules a re-embedding when the
// configured embedding model changed, and serves the REST routes and the
// staff console (/console/).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Logger } from 'pino';
import type pg from 'pg';
import type { AppContext, FeatureModule } from '../app/context.ts';
import type { PrismaClient } from '../services/db/database.ts';
import type { App } from '../services/http/app.ts';
import { answerQuestion, createChatModel, type Answer, type AnswerRequest } from './answer.ts';
import type { EmbeddingProvider } from './embeddings/index.ts';
import { createEmbeddingProvider, importContent, reindexArticle } from './ingest.ts';
import { registerReembedJob, scheduleReembedIfNeeded } from './reembed.ts';
import { knowledgeRoutes } from './routes.ts';

export interface KnowledgeBase {
  pool: pg.Pool;
  prisma: PrismaClient;
  embeddings: EmbeddingProvider;
  chat?: BaseChatModel;
  logger: Logger;
  /** Answers the faq intent; see answer.ts. */
  answer(request: AnswerRequest): Promise<Answer>;
  /** Rebuilds one article's passages (after an edit). */
  reindex(articleId: string): Promise<number>;
}

const bases = new WeakMap<AppContext, KnowledgeBase>();

/** The knowledge base of a running Ana, created on first use (the bot's faq handler calls this). */
export function knowledgeBaseOf(context: AppContext): KnowledgeBase {
  let kb = bases.get(context);
  if (!kb) {
    const base: Omit<KnowledgeBase, 'answer' | 'reindex'> = {
      pool: context.db.pool,
      prisma: context.db.prisma,
      embeddings: createEmbeddingProvider(context.config),
      chat: createChatModel(context.config),
      logger: context.logger,
    };
    kb = {
      ...base,
      answer: (request) => answerQuestion(base, request),
      reindex: (articleId) => reindexArticle(base, articleId),
    };
    bases.set(context, kb);
  }
  return kb;
}

const CONSOLE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'web', 'console');

export interface KnowledgeModuleOptions {
  /** Import knowledge/content/*.md when the Article table is empty (default true). */
  importSeedContent?: boolean;
}

export function createKnowledgeModule(options: KnowledgeModuleOptions = {}): FeatureModule {
  return {
    name: 'knowledge',
    async register(app: App, context: AppContext) {
      const kb = knowledgeBaseOf(context);
      registerReembedJob(context.jobs, kb);
      if ((options.importSeedContent ?? true) && (await kb.prisma.article.count()) === 0) {
        const report = await importContent(kb);
        context.logger.info(report, 'knowledge: seed articles imported');
      }
      await scheduleReembedIfNeeded(context.jobs, kb);
      await knowledgeRoutes(app, context, kb);
      await app.register(fastifyStatic, { root: CONSOLE_DIR, prefix: '/console/', decorateReply: false, index: ['index.html'] });
      app.get('/console', async (_request, reply) => reply.redirect('/console/'));
    },
  };
}

export const knowledgeModule = createKnowledgeModule();

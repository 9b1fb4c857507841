// The floor of the turn benchmark: a bare botbuilder echo bot (ActivityHandler
// + a minimal BotAdapter) behind the same Fastify stack Ana uses (helmet,
// CORS, rate limit, validation, request ids), with the same conversation API
// shape, but no database, no NLU and no dialogs. What Ana adds on top of this
// is the cost of her pipeline.
import { randomUUID } from 'node:crypto';
import { ActivityHandler, BotAdapter, TurnContext, type Activity, type ConversationReference, type ResourceResponse } from 'botbuilder';
import { Type } from 'typebox';
import type { Database } from '../../services/db/database.ts';
import { buildHttpApp, type App } from '../../services/http/app.ts';
import { createLogger } from '../../services/logging/logger.ts';

const REPLIES = Symbol('replies');

/** Collects what the bot sends during one turn, like Ana's in-process adapter. */
class CollectingAdapter extends BotAdapter {
  async runTurn(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<Partial<Activity>[]> {
    const context = new TurnContext(this, activity);
    const replies: Partial<Activity>[] = [];
    context.turnState.set(REPLIES, replies);
    await this.runMiddleware(context, logic);
    return replies;
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const replies = context.turnState.get(REPLIES) as Partial<Activity>[];
    replies.push(...activities);
    return activities.map(() => ({ id: randomUUID() }));
  }

  async updateActivity(): Promise<void> {}

  async deleteActivity(): Promise<void> {}

  async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    await this.runTurn(TurnContext.applyConversationReference({ type: 'event' }, reference, true), logic);
  }
}

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`Dijiste: ${context.activity.text ?? ''}`);
      await next();
    });
  }
}

interface EchoConversation {
  id: string;
  userId: string;
  turns: number;
}

// The floor has no database; the shared stack only needs one for /readyz,
// which the floor never serves (readiness is /healthz here).
const NO_DATABASE = { engine: 'embedded', pool: { query: async () => ({ rows: [] }) } } as unknown as Database;

export async function buildEchoApp(token: string): Promise<App> {
  const app = await buildHttpApp({ config: { corsOrigins: [], rateLimitPerMinute: 1_000_000 }, db: NO_DATABASE, logger: createLogger('warn') });
  const adapter = new CollectingAdapter();
  const bot = new EchoBot();
  const conversations = new Map<string, EchoConversation>();

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/v1/')) return;
    if (request.headers.authorization !== `Bearer ${token}`) await reply.code(401).send({ statusCode: 401, error: 'Unauthorized', message: 'bad token' });
  });

  app.post(
    '/v1/conversations',
    { schema: { body: Type.Object({ user: Type.Object({ id: Type.String({ minLength: 1 }), name: Type.Optional(Type.String()) }) }) } },
    async (request, reply) => {
      const conversation = { id: randomUUID(), userId: request.body.user.id, turns: 0 };
      conversations.set(conversation.id, conversation);
      return reply.code(201).send({ id: conversation.id });
    },
  );

  app.post(
    '/v1/conversations/:id/messages',
    { schema: { params: Type.Object({ id: Type.String() }), body: Type.Object({ text: Type.Optional(Type.String()), value: Type.Optional(Type.Unknown()) }) } },
    async (request, reply) => {
      const conversation = conversations.get(request.params.id);
      if (!conversation) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: 'no such conversation' });
      conversation.turns++;
      const activity: Partial<Activity> = {
        type: 'message',
        id: randomUUID(),
        channelId: 'rest',
        text: request.body.text,
        value: request.body.value,
        from: { id: conversation.userId, name: conversation.userId },
        recipient: { id: 'ana', name: 'Ana' },
        conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
        timestamp: new Date(),
      };
      const replies = await adapter.runTurn(activity, (context) => bot.run(context));
      return { replies: replies.map((r) => ({ type: r.type, text: r.text })), conversation: { id: conversation.id, turns: conversation.turns } };
    },
  );
  return app;
}

// The conversation API for integrators (landing page, mobile app): start a
// conversation, send a message and get Ana's replies to it synchronously,
// read the transcript. Any valid API token may use it.
import type { FastifyReply } from 'fastify';
import type { ConversationTurnProcessor } from '../../bot/turn-processor.ts';
import { ConversationNotFoundError, getTranscript } from '../../services/conversations/index.ts';
import type { Database } from '../../services/db/database.ts';
import type { App } from '../../services/http/app.ts';
import { requireRole, type TokenVerifier } from '../../services/http/auth.ts';
import { ConversationParams, ErrorSchema, PostMessageBody, StartConversationBody, StartedConversation, TranscriptSchema, TurnReplies } from './schemas.ts';

export interface RestChannelDependencies {
  processor: ConversationTurnProcessor;
  db: Pick<Database, 'prisma' | 'pool'>;
  verifyToken: TokenVerifier;
}

export function registerConversationRoutes(app: App, deps: RestChannelDependencies): void {
  const { processor, db } = deps;
  const auth = requireRole(deps.verifyToken);
  const errors = { 400: ErrorSchema, 401: ErrorSchema, 404: ErrorSchema };

  app.post(
    '/v1/conversations',
    { preHandler: auth, schema: { tags: ['conversations'], security: [{ bearer: [] }], body: StartConversationBody, response: { 201: StartedConversation, ...errors } } },
    async (request, reply) => {
      const conversation = await processor.startConversation('rest', request.body.user);
      return reply.code(201).send({ id: conversation.id });
    },
  );

  app.post(
    '/v1/conversations/:id/messages',
    { preHandler: auth, schema: { tags: ['conversations'], security: [{ bearer: [] }], params: ConversationParams, body: PostMessageBody, response: { 200: TurnReplies, ...errors } } },
    async (request, reply) => {
      const { text, value, messageId } = request.body;
      if ((text === undefined || text.trim() === '') && value === undefined) {
        return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: 'Send "text" (what the customer wrote) or "value" (a tapped suggested action), or both' });
      }
      const conversationId = request.params.id;
      try {
        const result = await processor.handle({
          channel: 'rest',
          conversationId,
          user: { id: `rest:${conversationId}` },
          // The integrator's message ids are per conversation; Ana's dedupe key is per channel.
          channelMessageId: messageId ? `${conversationId}:${messageId}` : undefined,
          text,
          value,
        });
        return {
          replies: result.replies.map(({ type, text: replyText, suggestedActions, attachments }) => ({ type, text: replyText, suggestedActions, attachments })),
          conversation: { id: result.conversationId, status: result.status },
        };
      } catch (error) {
        if (error instanceof ConversationNotFoundError) return notFound(reply, conversationId);
        throw error;
      }
    },
  );

  app.get(
    '/v1/conversations/:id',
    { preHandler: auth, schema: { tags: ['conversations'], security: [{ bearer: [] }], params: ConversationParams, response: { 200: TranscriptSchema, ...errors } } },
    async (request, reply) => {
      try {
        return await getTranscript(db.prisma, db.pool, request.params.id);
      } catch (error) {
        if (error instanceof ConversationNotFoundError) return notFound(reply, request.params.id);
        throw error;
      }
    },
  );
}

function notFound(reply: FastifyReply, id: string) {
  return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `No conversation with id ${id}` });
}

// The Direct Line 3.0 REST API and WebSocket stream, self-hosted under
// /v3/directline, so that Microsoft's Web Chat and botframework-directlinejs
// talk to Ana unchanged. Errors use Direct Line's `{error:{code,message}}`
// shape and its status codes: 401 no credentials, 403 bad or expired token
// (the client refreshes or reconnects), 404 unknown or ended conversation.
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { TurnProcessor } from '../../bot/turn.ts';
import type { App } from '../../services/http/app.ts';
import { activityId, toInboundMessage, typingActivity, type ChannelAccount, type PostedActivity } from './activities.ts';
import type { ConversationHub } from './hub.ts';
import { serveStream } from './stream.ts';
import type { DirectLineCredentials, TokenClaims } from './tokens.ts';
import type { Transcript } from './transcript.ts';

export interface DirectLineDependencies {
  credentials: DirectLineCredentials;
  transcript: Transcript;
  hub: ConversationHub;
  turns: () => Promise<TurnProcessor>;
  /** Public base URL (PUBLIC_URL) for stream URLs; otherwise taken from the request. */
  publicUrl?: string;
}

type Caller = { kind: 'secret' } | { kind: 'token'; claims: TokenClaims };
interface Access {
  conversationId: string;
  /** The user the token was issued to; a secret caller names the user in the activity. */
  user?: ChannelAccount;
}

const ConversationParams = Type.Object({ conversationId: Type.String({ maxLength: 100 }) });
const WatermarkQuery = Type.Object({ watermark: Type.Optional(Type.String({ maxLength: 20 })) });
const StreamQuery = Type.Object({ t: Type.Optional(Type.String({ maxLength: 2000 })), watermark: Type.Optional(Type.String({ maxLength: 20 })) });
const PostedActivityBody = Type.Object(
  {
    type: Type.Optional(Type.String({ maxLength: 50 })),
    text: Type.Optional(Type.String({ maxLength: 4000 })),
    value: Type.Optional(Type.Unknown()),
    locale: Type.Optional(Type.String({ maxLength: 20 })),
    from: Type.Optional(Type.Object({ id: Type.Optional(Type.String({ maxLength: 100 })), name: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: true })),
    channelData: Type.Optional(
      Type.Object(
        {
          clientActivityID: Type.Optional(Type.String({ maxLength: 100 })),
          messageBack: Type.Optional(Type.Object({ displayText: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: true })),
        },
        { additionalProperties: true },
      ),
    ),
  },
  { additionalProperties: true },
);
const TokenResponse = Type.Object({ conversationId: Type.String(), token: Type.String(), expires_in: Type.Number() });
const ConversationResponse = Type.Object({ conversationId: Type.String(), token: Type.String(), expires_in: Type.Number(), streamUrl: Type.String() });

export async function directLineRoutes(app: App, deps: DirectLineDependencies): Promise<void> {
  const { credentials, transcript, hub } = deps;
  let typingCount = 0;

  const fail = (reply: FastifyReply, status: 400 | 401 | 403 | 404, code: string, message: string) =>
    reply.code(status).send({ error: { code, message } });

  /** Who is calling, from `Authorization: Bearer` (or the stream's `t`); `undefined` when nobody says. */
  const identify = (request: FastifyRequest, queryToken?: string): Caller | 'invalid' | undefined => {
    const value = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? queryToken;
    if (!value) return undefined;
    if (credentials.isSecret(value)) return { kind: 'secret' };
    const check = credentials.check(value);
    return check.ok ? { kind: 'token', claims: check.claims } : 'invalid';
  };

  /** Conversation-scoped access, or the reply already sent. */
  const authorize = async (request: FastifyRequest, reply: FastifyReply, conversationId: string, queryToken?: string): Promise<Access | undefined> => {
    const caller = identify(request, queryToken);
    if (!caller) return void fail(reply, 401, 'MissingToken', 'Send "Authorization: Bearer <token>"');
    if (caller === 'invalid') return void fail(reply, 403, 'TokenExpired', 'The token is invalid or expired: refresh it or start again');
    if (caller.kind === 'token' && caller.claims.conv !== conversationId) return void fail(reply, 403, 'TokenMismatch', 'The token belongs to another conversation');
    if (!credentials.isOurConversationId(conversationId)) return void fail(reply, 404, 'BadArgument', 'Unknown conversation');
    if ((await transcript.state(conversationId)) === 'closed') return void fail(reply, 404, 'ConversationEnded', 'This conversation has ended');
    return { conversationId, ...(caller.kind === 'token' ? { user: { id: caller.claims.user, role: 'user' as const } } : {}) };
  };

  const streamUrl = (request: FastifyRequest, conversationId: string, token: string, watermark?: string) => {
    const base = deps.publicUrl ? new URL(deps.publicUrl) : new URL(`${request.protocol}://${request.host}`);
    const scheme = base.protocol === 'https:' ? 'wss:' : 'ws:';
    const url = new URL(`${scheme}//${base.host}${base.pathname.replace(/\/$/, '')}/v3/directline/conversations/${conversationId}/stream`);
    url.searchParams.set('t', token);
    if (watermark) url.searchParams.set('watermark', watermark);
    return url.toString();
  };

  const conversationFor = (request: FastifyRequest, conversationId: string, userId: string, watermark?: string) => {
    const { token, expires_in } = credentials.issue(conversationId, userId);
    return { conversationId, token, expires_in, streamUrl: streamUrl(request, conversationId, token, watermark) };
  };

  // The landing page asks here with no credentials: a fresh conversation and
  // user, nothing else. A server holding the secret may name the user.
  app.post(
    '/tokens/generate',
    { schema: { tags: ['webchat'], response: { 200: TokenResponse } }, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const caller = identify(request);
      if (caller === 'invalid' || caller?.kind === 'token') return fail(reply, 403, 'Forbidden', 'Generating tokens needs the Direct Line secret or no credentials at all');
      const named = caller?.kind === 'secret' ? requestedUserId(request.body) : undefined;
      const userId = named ?? credentials.newUserId();
      const conversationId = credentials.newConversationId();
      return { conversationId, ...credentials.issue(conversationId, userId) };
    },
  );

  app.post('/tokens/refresh', { schema: { tags: ['webchat'], response: { 200: TokenResponse } } }, async (request, reply) => {
    const value = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!value) return fail(reply, 401, 'MissingToken', 'Send "Authorization: Bearer <token>"');
    const claims = credentials.checkForRefresh(value);
    if (!claims) return fail(reply, 403, 'TokenExpired', 'The token cannot be refreshed: generate a new one');
    if ((await transcript.state(claims.conv)) === 'closed') return fail(reply, 404, 'ConversationEnded', 'This conversation has ended');
    return { conversationId: claims.conv, ...credentials.issue(claims.conv, claims.user) };
  });

  app.post('/conversations', { schema: { tags: ['webchat'], response: { 200: ConversationResponse, 201: ConversationResponse } } }, async (request, reply) => {
    const caller = identify(request);
    if (!caller) return fail(reply, 401, 'MissingToken', 'Send "Authorization: Bearer <token or secret>"');
    if (caller === 'invalid') return fail(reply, 403, 'TokenExpired', 'The token is invalid or expired');
    if (caller.kind === 'secret') {
      const userId = requestedUserId(request.body) ?? credentials.newUserId();
      return reply.code(201).send(conversationFor(request, credentials.newConversationId(), userId));
    }
    const { conv, user } = caller.claims;
    const state = await transcript.state(conv);
    if (state === 'closed') return fail(reply, 404, 'ConversationEnded', 'This conversation has ended');
    return reply.code(state === 'none' ? 201 : 200).send(conversationFor(request, conv, user));
  });

  // Reconnect: a fresh token and stream URL that resumes after the watermark.
  app.get(
    '/conversations/:conversationId',
    { schema: { tags: ['webchat'], params: ConversationParams, querystring: WatermarkQuery, response: { 200: ConversationResponse } } },
    async (request, reply) => {
      const access = await authorize(request, reply, request.params.conversationId);
      if (!access) return reply;
      return conversationFor(request, access.conversationId, access.user?.id ?? credentials.newUserId(), request.query.watermark);
    },
  );

  app.post(
    '/conversations/:conversationId/activities',
    { schema: { tags: ['webchat'], params: ConversationParams, body: PostedActivityBody } },
    async (request, reply) => {
      const access = await authorize(request, reply, request.params.conversationId);
      if (!access) return reply;
      const posted: PostedActivity = request.body;
      const fromId = access.user?.id ?? posted.from?.id;
      if (!fromId) return fail(reply, 400, 'BadArgument', 'from.id is required when posting with the secret');
      // Ana only converses through messages; typing, events and the like are acknowledged and let go.
      if ((posted.type ?? 'message') !== 'message') return { id: `${access.conversationId}|${randomUUID()}` };
      if (posted.text === undefined && posted.value === undefined) return fail(reply, 400, 'BadArgument', 'A message needs text or value');

      hub.publish(access.conversationId, { kind: 'typing', activity: typingActivity(access.conversationId, ++typingCount) });
      const user: ChannelAccount = { id: fromId, role: 'user', ...(posted.from?.name ? { name: posted.from.name } : {}) };
      try {
        const turns = await deps.turns();
        const result = await turns.handle(toInboundMessage(access.conversationId, user, posted));
        return { id: activityId(access.conversationId, result.inbound.seq) };
      } finally {
        // Even a failed turn may have stored the user's message: let the streams look.
        hub.publish(access.conversationId, { kind: 'changed' });
      }
    },
  );

  app.get(
    '/conversations/:conversationId/activities',
    { schema: { tags: ['webchat'], params: ConversationParams, querystring: WatermarkQuery } },
    async (request, reply) => {
      const access = await authorize(request, reply, request.params.conversationId);
      if (!access) return reply;
      const page = await transcript.after(access.conversationId, request.query.watermark);
      return { activities: page.activities, watermark: page.watermark };
    },
  );

  // Attachments are not read by Ana yet; the widget hides its upload button.
  app.post('/conversations/:conversationId/upload', { schema: { tags: ['webchat'], params: ConversationParams } }, async (request, reply) => {
    const access = await authorize(request, reply, request.params.conversationId);
    if (!access) return reply;
    return reply.code(415).send({ error: { code: 'NotSupported', message: 'Ana does not receive files yet' } });
  });

  app.get(
    '/conversations/:conversationId/stream',
    {
      websocket: true,
      schema: { tags: ['webchat'], params: ConversationParams, querystring: StreamQuery },
      // Checked before the upgrade, so a bad token gets a plain 403 and no socket.
      preValidation: async (request: FastifyRequest<{ Params: { conversationId: string }; Querystring: { t?: string; watermark?: string } }>, reply: FastifyReply) => {
        const access = await authorize(request, reply, request.params.conversationId, request.query.t);
        if (!access) return reply;
      },
    },
    (socket, request) => {
      serveStream(socket, { conversationId: request.params.conversationId, watermark: request.query.watermark, transcript, hub, logger: request.log });
    },
  );
}

/** `{user:{id}}`, which Direct Line lets a client send (or not) when starting; the body may be empty. */
function requestedUserId(body: unknown): string | undefined {
  const user = typeof body === 'object' && body !== null ? (body as { user?: unknown }).user : undefined;
  const id = typeof user === 'object' && user !== null ? (user as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.length > 0 && id.length <= 100 ? id : undefined;
}

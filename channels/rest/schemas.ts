// JSON schemas of the conversation API (validated by Fastify, published at /docs).
import { Type } from 'typebox';

export const ConversationParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const StartConversationBody = Type.Object(
  {
    user: Type.Object(
      {
        id: Type.String({ minLength: 1, maxLength: 200, description: "The user's id in the integrator's system" }),
        name: Type.Optional(Type.String({ maxLength: 200 })),
        phone: Type.Optional(Type.String({ maxLength: 40 })),
        email: Type.Optional(Type.String({ maxLength: 320 })),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const StartedConversation = Type.Object({ id: Type.String() });

export const PostMessageBody = Type.Object(
  {
    text: Type.Optional(Type.String({ maxLength: 4096 })),
    value: Type.Optional(Type.Unknown({ description: "A tapped suggested action's value, or structured input" })),
    messageId: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Your id for this message: a retry with the same id is answered once' })),
  },
  { additionalProperties: false },
);

const SuggestedAction = Type.Object({ title: Type.String(), value: Type.String() });
const Attachment = Type.Object({
  contentType: Type.String(),
  content: Type.Optional(Type.Unknown()),
  contentUrl: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
});
const Status = Type.Union([Type.Literal('bot'), Type.Literal('handoff'), Type.Literal('closed')]);

export const TurnReplies = Type.Object({
  replies: Type.Array(
    Type.Object({
      type: Type.String(),
      text: Type.Optional(Type.String()),
      suggestedActions: Type.Optional(Type.Array(SuggestedAction)),
      attachments: Type.Optional(Type.Array(Attachment)),
    }),
  ),
  conversation: Type.Object({ id: Type.String(), status: Status }),
});

export const TranscriptSchema = Type.Object({
  id: Type.String(),
  channel: Type.String(),
  status: Status,
  priority: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  messages: Type.Array(
    Type.Object({
      id: Type.String(),
      seq: Type.String(),
      direction: Type.Union([Type.Literal('inbound'), Type.Literal('outbound')]),
      text: Type.Union([Type.String(), Type.Null()]),
      value: Type.Optional(Type.Unknown()),
      suggestedActions: Type.Optional(Type.Array(SuggestedAction)),
      attachments: Type.Optional(Type.Array(Type.Unknown())),
      status: Type.String(),
      timestamp: Type.String({ format: 'date-time' }),
    }),
  ),
});

export const ParseBody = Type.Object({ text: Type.String({ minLength: 1, maxLength: 4096 }) }, { additionalProperties: false });

const Score = Type.Object({ name: Type.String(), confidence: Type.Number() });
export const ParseResult = Type.Object({
  text: Type.String(),
  intent: Score,
  ranking: Type.Array(Score),
  entities: Type.Array(
    Type.Object({
      type: Type.String(),
      value: Type.Union([Type.String(), Type.Number()]),
      text: Type.String(),
      start: Type.Integer(),
      end: Type.Integer(),
    }),
  ),
});

export const ErrorSchema = Type.Object({ statusCode: Type.Integer(), error: Type.String(), message: Type.String() });

// Messages of a conversation. The inbound message is stored before anything
// else happens (deduplicated on the channel's own message id), and a turn ends
// with one statement that stores its replies and marks the inbound processed.
import { randomUUID } from 'node:crypto';
import type { Channel } from '../db/generated/enums.ts';
import { ConversationNotFoundError, type OutboundDraft, type Queryable, type StoredInbound, type StoredOutbound } from './types.ts';

export interface InboundRecord {
  conversationId: string;
  channel: Channel;
  channelMessageId?: string;
  senderId?: string | null;
  text?: string;
  value?: unknown;
  channelData?: Record<string, unknown>;
  receivedAt?: Date;
}

export interface RecordedInbound {
  message: StoredInbound;
  /** The channel had sent this message before: nothing new was stored. */
  duplicate: boolean;
}

interface InboundRow {
  id: string;
  seq: string;
  conversationId: string;
  text: string | null;
  payload: { value?: unknown } | null;
  status: StoredInbound['status'];
  createdAt: Date;
}

const INBOUND_COLUMNS = `id, seq::text AS seq, "conversationId", text, payload, status, "createdAt"`;

export class DuplicateMessageConflictError extends Error {
  readonly statusCode = 409;
  constructor(channelMessageId: string) {
    super(`Message id ${channelMessageId} was already used in another conversation`);
    this.name = 'DuplicateMessageConflictError';
  }
}

function inboundPayload(record: InboundRecord): { value: unknown; channelData?: Record<string, unknown> } | null {
  return record.value === undefined && !record.channelData ? null : { value: record.value, channelData: record.channelData };
}

export async function recordInbound(db: Queryable, record: InboundRecord): Promise<RecordedInbound> {
  const payload = inboundPayload(record);
  let rows: InboundRow[];
  try {
    ({ rows } = await db.query<InboundRow>(
      `INSERT INTO "Message" (id, "conversationId", direction, "senderType", "senderId", channel, "channelMessageId", text, payload, status, "createdAt", "updatedAt")
       VALUES ($1, $2, 'inbound', 'contact', $3, $4::"Channel", $5, $6, $7::jsonb, 'received', coalesce($8::timestamptz, now()), now())
       ON CONFLICT (channel, "channelMessageId") DO NOTHING
       RETURNING ${INBOUND_COLUMNS}`,
      [randomUUID(), record.conversationId, record.senderId ?? null, record.channel, record.channelMessageId ?? null, record.text ?? null, payload, record.receivedAt ?? null],
    ));
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new ConversationNotFoundError(record.conversationId);
    throw error;
  }
  if (rows[0]) return { message: toInbound(rows[0]), duplicate: false };

  const existing = await db.query<InboundRow>(`SELECT ${INBOUND_COLUMNS} FROM "Message" WHERE channel = $1::"Channel" AND "channelMessageId" = $2`, [
    record.channel,
    record.channelMessageId,
  ]);
  const original = existing.rows[0];
  if (!original) throw new Error(`Message ${record.channelMessageId} vanished while deduplicating`);
  if (original.conversationId !== record.conversationId) throw new DuplicateMessageConflictError(record.channelMessageId ?? '');
  return { message: toInbound(original), duplicate: true };
}

/**
 * Stores several inbound messages in one statement (one commit), in the given
 * order. A message the channel had sent before, or one whose conversation is
 * gone, is settled by `recordInbound` on its own, so each caller gets the same
 * answer or error as if it had been stored alone.
 */
export async function recordInbounds(db: Queryable, records: InboundRecord[]): Promise<PromiseSettledResult<RecordedInbound>[]> {
  const ids = records.map(() => randomUUID());
  let rows: InboundRow[] = [];
  try {
    ({ rows } = await db.query<InboundRow>(
      `INSERT INTO "Message" (id, "conversationId", direction, "senderType", "senderId", channel, "channelMessageId", text, payload, status, "createdAt", "updatedAt")
       SELECT m.id, m.conversation, 'inbound', 'contact', m.sender, m.channel::"Channel", m.channel_message, m.text, m.payload, 'received', coalesce(m.received, now()), now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::timestamptz[]) WITH ORDINALITY
         AS m(id, conversation, sender, channel, channel_message, text, payload, received, ord)
       ORDER BY m.ord
       ON CONFLICT (channel, "channelMessageId") DO NOTHING
       RETURNING ${INBOUND_COLUMNS}`,
      [
        ids,
        records.map((r) => r.conversationId),
        records.map((r) => r.senderId ?? null),
        records.map((r) => r.channel),
        records.map((r) => r.channelMessageId ?? null),
        records.map((r) => r.text ?? null),
        records.map((r) => inboundPayload(r)),
        records.map((r) => r.receivedAt ?? null),
      ],
    ));
  } catch (error) {
    if (!isForeignKeyViolation(error)) throw error;
  }
  const stored = new Map(rows.map((row) => [row.id, row]));
  return Promise.allSettled(
    records.map(async (record, i) => {
      const row = stored.get(ids[i]!);
      return row ? { message: toInbound(row), duplicate: false } : recordInbound(db, record);
    }),
  );
}

export function toInbound(row: InboundRow): StoredInbound {
  return {
    id: row.id,
    seq: row.seq,
    conversationId: row.conversationId,
    text: row.text,
    value: row.payload?.value,
    status: row.status,
    createdAt: new Date(row.createdAt),
  };
}

export type { InboundRow };

/** What a stored reply keeps besides its text: type, the message it answers, channel-neutral extras. */
export function replyPayload(reply: OutboundDraft, replyToId: string): Record<string, unknown> {
  return {
    type: reply.type,
    replyToId,
    ...(reply.speak ? { speak: reply.speak } : {}),
    ...(reply.suggestedActions?.length ? { suggestedActions: reply.suggestedActions } : {}),
    ...(reply.attachments?.length ? { attachments: reply.attachments } : {}),
  };
}

interface OutboundRow {
  id: string;
  seq: string;
  text: string | null;
  payload: { type?: OutboundDraft['type']; replyToId: string; speak?: string; suggestedActions?: OutboundDraft['suggestedActions']; attachments?: OutboundDraft['attachments'] };
  createdAt: Date;
}

/** The stored replies to some inbound messages (another instance may have answered them). */
export async function repliesTo(db: Queryable, conversationId: string, inboundIds: string[]): Promise<Map<string, StoredOutbound[]>> {
  const { rows } = await db.query<OutboundRow>(
    `SELECT id, seq::text AS seq, text, payload, "createdAt" FROM "Message"
     WHERE "conversationId" = $1 AND direction = 'outbound' AND payload->>'replyToId' = ANY($2::text[]) ORDER BY "Message".seq`,
    [conversationId, inboundIds],
  );
  const byInbound = new Map<string, StoredOutbound[]>(inboundIds.map((id) => [id, []]));
  for (const row of rows) {
    byInbound.get(row.payload.replyToId)?.push({
      id: row.id,
      seq: row.seq,
      type: row.payload.type ?? 'message',
      text: row.text ?? undefined,
      speak: row.payload.speak,
      suggestedActions: row.payload.suggestedActions,
      attachments: row.payload.attachments,
      replyToId: row.payload.replyToId,
      createdAt: new Date(row.createdAt),
    });
  }
  return byInbound;
}

function isForeignKeyViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23503';
}

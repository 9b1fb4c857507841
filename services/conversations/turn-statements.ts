// The two statements of a turn on the hot path (each one round trip and one
// commit, which is what a turn costs on the embedded PGlite):
//   takeTurn     — stores the inbound message (deduplicated), takes the turn
//                  lease, and returns the unanswered messages and the bot state;
//   completeTurn — writes the bot state (eTag-checked), stores the replies,
//                  marks the inbound answered and, on the last message, gives
//                  the lease back and says how many messages arrived meanwhile.
// The inbound is committed by takeTurn whether or not the lease is free, so it
// is persisted before anything else happens, as with recordInbound.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Channel } from '../db/generated/enums.ts';
import type { LeasedConversation } from './lease.ts';
import { replyPayload, toInbound, type InboundRecord, type InboundRow } from './messages.ts';
import { preparedQuery } from './prepared.ts';
import { ConversationNotFoundError, type OutboundDraft, type StoredInbound, type StoredOutbound } from './types.ts';

export interface TakeTurnRequest {
  conversationId: string;
  owner: string;
  leaseSeconds: number;
  /** Stored first, with this id; omitted when only the lease is wanted. */
  inbound?: InboundRecord & { id: string };
  /** The bot state row to load with the lease. */
  stateKey: string;
  /** The eTag this process already holds the state for: its data is not shipped again. */
  knownETag?: string;
}

export interface BotStateSnapshot {
  eTag: string;
  /** JSON text of the state; undefined when it is the one `knownETag` stands for. */
  json?: string;
}

export interface TakenTurn {
  /** The inbound just stored; null when it was a duplicate (nothing stored, no lease taken) or none was given. */
  stored: StoredInbound | null;
  /** The lease and what to answer under it; null while another worker holds it. */
  lease: LeasedConversation | null;
  /** The bot state under the lease; null when there is no row yet (or no lease). */
  state: BotStateSnapshot | null;
}

interface TakeTurnRow {
  stored: InboundRow | null;
  id: string | null;
  status: LeasedConversation['status'] | null;
  priority: LeasedConversation['priority'] | null;
  contactId: string | null;
  firstName: string | null;
  pending: InboundRow[] | null;
  eTag: string | null;
  data: string | null;
}

const INBOUND_JSON = `id, seq::text AS seq, "conversationId", text, payload, status, "createdAt"`;

const TAKE_TURN = `
WITH arrived AS (
  INSERT INTO "Message" (id, "conversationId", direction, "senderType", "senderId", channel, "channelMessageId", text, payload, status, "createdAt", "updatedAt")
  SELECT $4::text, $1, 'inbound'::"MessageDirection", 'contact', $5, $6::"Channel", $7, $8, $9::jsonb, 'received'::"MessageStatus", coalesce($10::timestamptz, now()), now()
  WHERE $4::text IS NOT NULL
  ON CONFLICT (channel, "channelMessageId") DO NOTHING
  RETURNING ${INBOUND_JSON}
), lease AS (
  UPDATE "Conversation" SET "turnLockOwner" = $2, "turnLockUntil" = now() + make_interval(secs => $3)
  WHERE id = $1 AND ("turnLockUntil" IS NULL OR "turnLockUntil" < now() OR "turnLockOwner" = $2)
    -- A duplicate takes no lease: the caller goes the slow, careful way.
    AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM arrived))
  RETURNING id, status, priority, "contactId"
)
SELECT
  (SELECT row_to_json(a) FROM arrived a) AS stored,
  l.id, l.status, l.priority, l."contactId", c."firstName",
  (SELECT coalesce(json_agg(m ORDER BY m.seq::bigint), '[]'::json) FROM (
     SELECT ${INBOUND_JSON} FROM "Message"
     WHERE "conversationId" = l.id AND direction = 'inbound' AND status = 'received'
     UNION ALL SELECT * FROM arrived
   ) m) AS pending,
  s."eTag",
  CASE WHEN s."eTag" IS DISTINCT FROM $12 THEN s.data::text END AS data
FROM (SELECT 1) one
LEFT JOIN lease l ON true
LEFT JOIN "Contact" c ON c.id = l."contactId"
LEFT JOIN "BotState" s ON s.key = $11 AND l.id IS NOT NULL`;

export async function takeTurn(pool: pg.Pool, request: TakeTurnRequest): Promise<TakenTurn> {
  const { inbound } = request;
  const payload = inbound && (inbound.value !== undefined || inbound.channelData) ? { value: inbound.value, channelData: inbound.channelData } : null;
  let rows: TakeTurnRow[];
  try {
    ({ rows } = await preparedQuery<TakeTurnRow>(pool, 'ana_take_turn', TAKE_TURN, [
      request.conversationId,
      request.owner,
      request.leaseSeconds,
      inbound?.id ?? null,
      inbound?.senderId ?? null,
      inbound?.channel ?? null,
      inbound?.channelMessageId ?? null,
      inbound?.text ?? null,
      payload,
      inbound?.receivedAt ?? null,
      request.stateKey,
      request.knownETag ?? null,
    ]));
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new ConversationNotFoundError(request.conversationId);
    throw error;
  }
  const row = rows[0]!;
  const lease: LeasedConversation | null = row.id
    ? {
        id: row.id,
        status: row.status!,
        priority: row.priority!,
        contactId: row.contactId,
        contactFirstName: row.firstName,
        pending: (row.pending ?? []).map(toInbound),
      }
    : null;
  return {
    stored: row.stored ? toInbound(row.stored) : null,
    lease,
    state: lease && row.eTag ? { eTag: row.eTag, ...(row.data !== null ? { json: row.data } : {}) } : null,
  };
}

export interface StateWrite {
  key: string;
  /** JSON text of the state to store. */
  json: string;
  /** The eTag it was read with; undefined writes unconditionally (a new row, or "*"). */
  expectedETag?: string;
  newETag: string;
}

export interface TurnCompletion {
  conversationId: string;
  channel: Channel;
  inboundId: string;
  replies: OutboundDraft[];
  inboundStatus: 'processed' | 'failed';
  error?: string;
  outboundStatus: 'sent' | 'pending';
  /** The bot state to write first; when its eTag no longer matches, nothing of the turn is stored. */
  state?: StateWrite;
  /** Gives the lease back (the last message of the batch). */
  releaseFor?: string;
}

export interface CompletedTurn {
  /** False when the state's eTag did not match: nothing was written. */
  written: boolean;
  replies: StoredOutbound[];
  /** Unanswered inbound messages left (meaningful with releaseFor). */
  waiting: number;
}

const COMPLETE_TURN = `
WITH state AS (
  INSERT INTO "BotState" (key, data, "eTag", "updatedAt")
  SELECT $9::text, $10::jsonb, $12, now() WHERE $9::text IS NOT NULL
  ON CONFLICT (key) DO UPDATE SET data = EXCLUDED.data, "eTag" = EXCLUDED."eTag", "updatedAt" = now()
  WHERE $11::text IS NULL OR "BotState"."eTag" = $11
  RETURNING 1
), go AS (
  SELECT ($9::text IS NULL OR EXISTS (SELECT 1 FROM state)) AS ok
), done AS (
  UPDATE "Message" SET status = $3::"MessageStatus", error = $4, "updatedAt" = now() WHERE id = $2 AND (SELECT ok FROM go)
), touched AS (
  UPDATE "Conversation" SET "lastMessageAt" = now(), "updatedAt" = now(),
    "turnLockOwner" = CASE WHEN "turnLockOwner" = $13 THEN NULL ELSE "turnLockOwner" END,
    "turnLockUntil" = CASE WHEN "turnLockOwner" = $13 THEN NULL ELSE "turnLockUntil" END
  WHERE id = $1 AND (SELECT ok FROM go)
), drawn AS (
  SELECT nextval(pg_get_serial_sequence('"Message"', 'seq')) AS seq
  FROM generate_series(1, CASE WHEN (SELECT ok FROM go) THEN $8::int ELSE 0 END)
), numbered AS (
  -- The smallest seq goes to the first reply, whatever order the sequence was drawn in.
  SELECT seq, row_number() OVER (ORDER BY seq) - 1 AS ord FROM drawn
), inserted AS (
  INSERT INTO "Message" (id, seq, "conversationId", direction, "senderType", channel, text, payload, status, "createdAt", "updatedAt")
  SELECT r.id, n.seq, $1, 'outbound', 'bot', $5::"Channel", r.text, r.payload, $6::"MessageStatus", now(), now()
  FROM jsonb_to_recordset($7::jsonb) AS r(id text, ord int, text text, payload jsonb) JOIN numbered n ON n.ord = r.ord
  RETURNING id, seq::text AS seq, "createdAt"
)
SELECT (SELECT ok FROM go) AS written,
  (SELECT coalesce(json_agg(i), '[]'::json) FROM inserted i) AS replies,
  (SELECT count(*)::int FROM "Message" WHERE "conversationId" = $1 AND direction = 'inbound' AND status = 'received' AND id <> $2) AS waiting`;

/** One round trip and one commit for everything a turn leaves behind. */
export async function completeTurn(pool: pg.Pool, turn: TurnCompletion): Promise<CompletedTurn> {
  const drafts = turn.replies.map((reply, ord) => ({ id: reply.id, ord, text: reply.text ?? null, payload: replyPayload(reply, turn.inboundId) }));
  const { rows } = await preparedQuery<{ written: boolean; replies: { id: string; seq: string; createdAt: string }[]; waiting: number }>(pool, 'ana_complete_turn', COMPLETE_TURN, [
    turn.conversationId,
    turn.inboundId,
    turn.inboundStatus,
    turn.error ?? null,
    turn.channel,
    turn.outboundStatus,
    JSON.stringify(drafts),
    drafts.length,
    turn.state?.key ?? null,
    turn.state?.json ?? null,
    turn.state?.expectedETag ?? null,
    turn.state?.newETag ?? null,
    turn.releaseFor ?? null,
  ]);
  const row = rows[0]!;
  if (!row.written) return { written: false, replies: [], waiting: row.waiting };
  const stored = new Map(row.replies.map((reply) => [reply.id, reply]));
  return {
    written: true,
    waiting: row.waiting,
    replies: turn.replies.map((reply) => {
      const saved = stored.get(reply.id)!;
      return { ...reply, seq: saved.seq, replyToId: turn.inboundId, createdAt: new Date(saved.createdAt) };
    }),
  };
}

export function newInboundId(): string {
  return randomUUID();
}


function isForeignKeyViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23503';
}

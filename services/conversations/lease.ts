// The turn lease: a row lease on Conversation that lets one worker (of any app
// instance) run the turns of a conversation at a time. Advisory locks would be
// simpler on a real server, but on the embedded PGlite every pool connection
// shares one Postgres session, so they exclude nothing there; a row lease works
// on both. An expired lease (a crashed instance) is simply taken over.
import type { ConversationStatus, Priority } from '../db/generated/enums.ts';
import { toInbound, type InboundRow } from './messages.ts';
import type { Queryable, StoredInbound } from './types.ts';

export interface LeasedConversation {
  id: string;
  status: ConversationStatus;
  priority: Priority;
  contactId: string | null;
  contactFirstName: string | null;
  /** Inbound messages not yet answered, in arrival (seq) order. */
  pending: StoredInbound[];
}

interface LeaseRow {
  id: string;
  status: ConversationStatus;
  priority: Priority;
  contactId: string | null;
  firstName: string | null;
  pending: InboundRow[];
}

/** Takes the lease and, in the same round trip, loads the conversation and its unanswered messages; null while another worker holds it. */
export async function acquireTurnLease(db: Queryable, conversationId: string, owner: string, leaseSeconds = 30): Promise<LeasedConversation | null> {
  const { rows } = await db.query<LeaseRow>(
    `WITH lease AS (
       UPDATE "Conversation" SET "turnLockOwner" = $2, "turnLockUntil" = now() + make_interval(secs => $3)
       WHERE id = $1 AND ("turnLockUntil" IS NULL OR "turnLockUntil" < now() OR "turnLockOwner" = $2)
       RETURNING id, status, priority, "contactId"
     )
     SELECT l.id, l.status, l.priority, l."contactId", c."firstName",
       (SELECT coalesce(json_agg(m ORDER BY m.seq::bigint), '[]'::json) FROM (
          SELECT id, seq::text AS seq, "conversationId", text, payload, status, "createdAt" FROM "Message"
          WHERE "conversationId" = l.id AND direction = 'inbound' AND status = 'received' ORDER BY "Message".seq
        ) m) AS pending
     FROM lease l LEFT JOIN "Contact" c ON c.id = l."contactId"`,
    [conversationId, owner, leaseSeconds],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    status: row.status,
    priority: row.priority,
    contactId: row.contactId,
    contactFirstName: row.firstName,
    pending: row.pending.map(toInbound),
  };
}

/** Gives the lease back; returns how many messages arrived meanwhile and still wait for an answer. */
export async function releaseTurnLease(db: Queryable, conversationId: string, owner: string): Promise<number> {
  const { rows } = await db.query<{ waiting: number }>(
    `UPDATE "Conversation" SET "turnLockOwner" = NULL, "turnLockUntil" = NULL
     WHERE id = $1 AND "turnLockOwner" = $2
     RETURNING (SELECT count(*)::int FROM "Message" WHERE "conversationId" = $1 AND direction = 'inbound' AND status = 'received') AS waiting`,
    [conversationId, owner],
  );
  return rows[0]?.waiting ?? 0;
}

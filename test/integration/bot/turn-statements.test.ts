// The two statements of a turn: inbound stored first (deduplicated) with the
// lease and the state; state, replies, processed mark and lease release at the
// end, all or nothing on a stale eTag.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeTurn, createConversation, takeTurn, type TakeTurnRequest } from '../../../services/conversations/index.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

async function newConversation(): Promise<{ id: string; key: string }> {
  const conversation = await createConversation(db.prisma, 'rest', { id: `u-${randomUUID()}` });
  return { id: conversation.id, key: `rest/conversations/${conversation.id}/` };
}

function arrival(conversationId: string, text: string, channelMessageId?: string): NonNullable<TakeTurnRequest['inbound']> {
  return { id: randomUUID(), conversationId, channel: 'rest', text, channelMessageId };
}

describe('takeTurn / completeTurn', () => {
  it('stores the inbound, takes the lease, and a turn completes with replies, state and the lease given back', async () => {
    const { id, key } = await newConversation();
    const inbound = arrival(id, 'hola');
    const taken = await takeTurn(db.pool, { conversationId: id, owner: 'a', leaseSeconds: 30, inbound, stateKey: key });
    expect(taken.stored?.id).toBe(inbound.id);
    expect(taken.lease?.pending.map((message) => message.text)).toEqual(['hola']);
    expect(taken.state).toBeNull();
    // Another worker cannot take the lease meanwhile, but its message is stored all the same.
    const other = arrival(id, 'sigues ahí?');
    const blocked = await takeTurn(db.pool, { conversationId: id, owner: 'b', leaseSeconds: 30, inbound: other, stateKey: key });
    expect(blocked.stored?.id).toBe(other.id);
    expect(blocked.lease).toBeNull();

    const done = await completeTurn(db.pool, {
      conversationId: id,
      channel: 'rest',
      inboundId: inbound.id,
      replies: [{ id: randomUUID(), type: 'message', text: '¡Hola! Soy Ana' }],
      inboundStatus: 'processed',
      outboundStatus: 'sent',
      state: { key, json: JSON.stringify({ step: 1 }), newETag: 'e1' },
      releaseFor: 'a',
    });
    expect(done.written).toBe(true);
    expect(done.replies.map((reply) => reply.text)).toEqual(['¡Hola! Soy Ana']);
    expect(done.waiting).toBe(1);

    // The lease is free again: the other worker gets it with the waiting message and the state.
    const next = await takeTurn(db.pool, { conversationId: id, owner: 'b', leaseSeconds: 30, stateKey: key });
    expect(next.lease?.pending.map((message) => message.text)).toEqual(['sigues ahí?']);
    expect(next.state?.eTag).toBe('e1');
    expect(JSON.parse(next.state!.json!)).toEqual({ step: 1 });
    // A worker that already holds that eTag is not sent the data again.
    const known = await takeTurn(db.pool, { conversationId: id, owner: 'b', leaseSeconds: 30, stateKey: key, knownETag: 'e1' });
    expect(known.state).toEqual({ eTag: 'e1' });
  });

  it('takes no lease for a duplicate message and stores it once', async () => {
    const { id, key } = await newConversation();
    const messageId = `dup-${randomUUID()}`;
    const first = await takeTurn(db.pool, { conversationId: id, owner: 'a', leaseSeconds: 30, inbound: arrival(id, 'hola', messageId), stateKey: key });
    expect(first.stored).not.toBeNull();
    await completeTurn(db.pool, { conversationId: id, channel: 'rest', inboundId: first.stored!.id, replies: [], inboundStatus: 'processed', outboundStatus: 'sent', releaseFor: 'a' });
    const again = await takeTurn(db.pool, { conversationId: id, owner: 'a', leaseSeconds: 30, inbound: arrival(id, 'hola', messageId), stateKey: key });
    expect(again).toEqual({ stored: null, lease: null, state: null });
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM "Message" WHERE "channelMessageId" = $1`, [messageId]);
    expect(rows[0].n).toBe(1);
  });

  it('stores nothing of a turn whose state eTag is stale, and keeps the lease', async () => {
    const { id, key } = await newConversation();
    const inbound = arrival(id, 'quiero un préstamo');
    await takeTurn(db.pool, { conversationId: id, owner: 'a', leaseSeconds: 30, inbound, stateKey: key });
    await db.pool.query(`INSERT INTO "BotState" (key, data, "eTag", "updatedAt") VALUES ($1, '{"step":9}', 'theirs', now())`, [key]);
    const done = await completeTurn(db.pool, {
      conversationId: id,
      channel: 'rest',
      inboundId: inbound.id,
      replies: [{ id: randomUUID(), type: 'message', text: 'Claro' }],
      inboundStatus: 'processed',
      outboundStatus: 'sent',
      state: { key, json: '{"step":1}', expectedETag: 'mine', newETag: 'e2' },
      releaseFor: 'a',
    });
    expect(done.written).toBe(false);
    const { rows } = await db.pool.query(
      `SELECT (SELECT "eTag" FROM "BotState" WHERE key = $2) AS etag,
              (SELECT status::text FROM "Message" WHERE id = $3) AS status,
              (SELECT count(*)::int FROM "Message" WHERE "conversationId" = $1 AND direction = 'outbound') AS replies,
              (SELECT "turnLockOwner" FROM "Conversation" WHERE id = $1) AS owner`,
      [id, key, inbound.id],
    );
    expect(rows[0]).toEqual({ etag: 'theirs', status: 'received', replies: 0, owner: 'a' });
  });

  it('runs the named statements on many connections of one pool at once', async () => {
    const conversations = await Promise.all(Array.from({ length: 12 }, () => newConversation()));
    const taken = await Promise.all(conversations.map(({ id, key }) => takeTurn(db.pool, { conversationId: id, owner: 'a', leaseSeconds: 30, inbound: arrival(id, 'hola'), stateKey: key })));
    expect(taken.every((turn) => turn.lease?.pending.length === 1)).toBe(true);
  });
});

// Inbound messages waiting for a turn slot are stored together: one statement
// for all that arrive while the previous batch is being written, in order,
// each caller getting what storing it alone would have given.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationNotFoundError, createConversation, DuplicateMessageConflictError, InboundBatcher, recordInbounds } from '../../../services/conversations/index.ts';
import type { Queryable } from '../../../services/conversations/types.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

async function newConversation(): Promise<string> {
  return (await createConversation(db.prisma, 'rest', { id: `u-${randomUUID()}` })).id;
}

async function storedTexts(conversationId: string): Promise<string[]> {
  const { rows } = await db.pool.query<{ text: string }>(`SELECT text FROM "Message" WHERE "conversationId" = $1 ORDER BY seq`, [conversationId]);
  return rows.map((row) => row.text);
}

describe('recordInbounds', () => {
  it('stores many messages in order with their payloads, and settles duplicates and unknown conversations one by one', async () => {
    const [a, b] = [await newConversation(), await newConversation()];
    const other = await newConversation();
    const channelId = `wamid-${randomUUID()}`;
    const taken = `wamid-${randomUUID()}`;
    await recordInbounds(db.pool, [{ conversationId: other, channel: 'rest', channelMessageId: taken, text: 'de otra conversación' }]);

    const results = await recordInbounds(db.pool, [
      { conversationId: a, channel: 'rest', text: 'hola', channelMessageId: channelId },
      { conversationId: b, channel: 'rest', text: 'quiero un prestamo', value: { action: 'simulate' } },
      { conversationId: a, channel: 'rest', text: 'hola', channelMessageId: channelId },
      { conversationId: a, channel: 'rest', text: '80 mil' },
      { conversationId: a, channel: 'rest', text: 'robado', channelMessageId: taken },
    ]);
    const [first, second, repeated, third, conflict] = results;
    expect(first).toMatchObject({ status: 'fulfilled', value: { duplicate: false, message: { text: 'hola', status: 'received' } } });
    expect(second).toMatchObject({ status: 'fulfilled', value: { duplicate: false, message: { text: 'quiero un prestamo', value: { action: 'simulate' } } } });
    // The repeated channel id inside the same batch is the same message, not a second one.
    expect(repeated.status === 'fulfilled' && first.status === 'fulfilled' && repeated.value.message.id === first.value.message.id && repeated.value.duplicate).toBe(true);
    expect(third).toMatchObject({ status: 'fulfilled', value: { duplicate: false } });
    expect(conflict).toMatchObject({ status: 'rejected', reason: expect.any(DuplicateMessageConflictError) });
    expect(await storedTexts(a)).toEqual(['hola', '80 mil']);
    expect(await storedTexts(b)).toEqual(['quiero un prestamo']);
    if (first.status === 'fulfilled' && third.status === 'fulfilled') expect(BigInt(third.value.message.seq)).toBeGreaterThan(BigInt(first.value.message.seq));
  });

  it('fails only the message whose conversation does not exist', async () => {
    const a = await newConversation();
    const [ok, missing] = await recordInbounds(db.pool, [
      { conversationId: a, channel: 'rest', text: 'sigo aquí' },
      { conversationId: randomUUID(), channel: 'rest', text: 'nadie' },
    ]);
    expect(ok).toMatchObject({ status: 'fulfilled', value: { message: { text: 'sigo aquí' } } });
    expect(missing).toMatchObject({ status: 'rejected', reason: expect.any(ConversationNotFoundError) });
    expect(await storedTexts(a)).toEqual(['sigo aquí']);
  });
});

describe('InboundBatcher', () => {
  it('stores a lone message at once and groups the ones that arrive while a batch is being written', async () => {
    const statements: number[] = [];
    const counting: Queryable = {
      query: (text, values) => {
        if (text.includes('unnest')) statements.push((values?.[0] as unknown[]).length);
        return db.pool.query(text, values);
      },
    };
    const batcher = new InboundBatcher(counting);
    const conversation = await newConversation();
    await batcher.record({ conversationId: conversation, channel: 'rest', text: 'primero' });
    expect(statements).toEqual([1]);

    const texts = Array.from({ length: 30 }, (_, i) => `mensaje ${i}`);
    const recorded = await Promise.all(texts.map((text) => batcher.record({ conversationId: conversation, channel: 'rest', text })));
    expect(recorded.map((r) => r.message.text)).toEqual(texts);
    // The first of the thirty goes alone (nothing was being written); the other 29 wait for it and go together.
    expect(statements).toEqual([1, 1, 29]);
    expect(await storedTexts(conversation)).toEqual(['primero', ...texts]);
  });

  it('rejects every message of a batch whose statement failed, and goes on with the next', async () => {
    let fail = true;
    const flaky: Queryable = {
      query: (text, values) => {
        if (fail && text.includes('unnest')) {
          fail = false;
          return Promise.reject(new Error('connection lost'));
        }
        return db.pool.query(text, values);
      },
    };
    const batcher = new InboundBatcher(flaky);
    const conversation = await newConversation();
    const lost = batcher.record({ conversationId: conversation, channel: 'rest', text: 'se pierde la conexión' });
    const next = batcher.record({ conversationId: conversation, channel: 'rest', text: 'reintento' });
    await expect(lost).rejects.toThrow('connection lost');
    await expect(next).resolves.toMatchObject({ message: { text: 'reintento' } });
  });
});

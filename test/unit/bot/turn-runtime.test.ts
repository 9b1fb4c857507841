// The turn runtime's in-memory parts: the slots that bound turns in flight and
// the storage that serves a turn's state from the lease statement.
import { describe, expect, it } from 'vitest';
import { Slots } from '../../../bot/runtime/slots.ts';
import { TurnStateStorage } from '../../../bot/runtime/turn-storage.ts';
import type { Queryable } from '../../../services/conversations/types.ts';

const noDatabase: Queryable = {
  query: () => Promise.reject(new Error('this test expects no database round trip')),
};

describe('Slots', () => {
  it('lets `size` holders in at once and hands freed slots to waiters in arrival order', async () => {
    const slots = new Slots(2);
    expect(slots.tryTake()).toBe(true);
    expect(slots.tryTake()).toBe(true);
    expect(slots.tryTake()).toBe(false);
    const order: string[] = [];
    const first = slots.take().then(() => order.push('first'));
    const second = slots.take().then(() => order.push('second'));
    slots.give();
    await first;
    expect(order).toEqual(['first']);
    slots.give();
    await second;
    expect(order).toEqual(['first', 'second']);
    // Both slots are held again (by the two waiters): nothing is free.
    expect(slots.tryTake()).toBe(false);
  });
});

describe('TurnStateStorage', () => {
  const key = 'rest/conversations/c1/';

  it('serves the state the lease statement returned and captures the write for the finishing statement', async () => {
    const storage = new TurnStateStorage(noDatabase);
    storage.begin(key, { eTag: 'e1', json: JSON.stringify({ memory: { name: 'Ana' } }) });
    const items = await storage.read([key]);
    expect(items[key]).toEqual({ memory: { name: 'Ana' }, eTag: 'e1' });
    const item = { ...items[key], memory: { name: 'Luis' } };
    await storage.write({ [key]: item });
    const write = storage.finish(key)!;
    expect(write).toMatchObject({ key, expectedETag: 'e1', json: JSON.stringify({ memory: { name: 'Luis' } }) });
    // The bot's object now carries the eTag the write will store, as after a real write.
    expect(item.eTag).toBe(write.newETag);
  });

  it('skips the write when the state did not change', async () => {
    const storage = new TurnStateStorage(noDatabase);
    storage.begin(key, { eTag: 'e1', json: JSON.stringify({ step: 1 }) });
    const items = await storage.read([key]);
    await storage.write({ [key]: items[key]! });
    expect(storage.finish(key)).toBeUndefined();
  });

  it('remembers the written state so the next lease statement need not ship it again', async () => {
    const storage = new TurnStateStorage(noDatabase);
    storage.begin(key, null);
    expect(await storage.read([key])).toEqual({});
    await storage.write({ [key]: { step: 1 } });
    const write = storage.finish(key)!;
    expect(write.expectedETag).toBeUndefined();
    storage.written(write);
    expect(storage.knownETag(key)).toBe(write.newETag);
    // The lease statement found the same eTag and sent no data: the cached JSON is used.
    storage.begin(key, { eTag: write.newETag });
    expect(await storage.read([key])).toEqual({ [key]: { step: 1, eTag: write.newETag } });
  });

  it('drops a forgotten state from the cache', () => {
    const storage = new TurnStateStorage(noDatabase);
    storage.begin(key, { eTag: 'e1', json: '{}' });
    storage.finish(key);
    storage.forget(key);
    expect(storage.knownETag(key)).toBeUndefined();
    expect(() => storage.begin(key, { eTag: 'e1' })).toThrow(/not cached/);
  });
});

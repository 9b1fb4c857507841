// Bot state in Postgres with optimistic concurrency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStorage, StaleStateError } from '../../../bot/runtime/storage.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe('PostgresStorage', () => {
  it('reads back what it wrote, with an eTag', async () => {
    const storage = new PostgresStorage(db.pool);
    await storage.write({ 'a/1': { step: 1 } });
    const items = await storage.read(['a/1', 'missing']);
    expect(items['a/1']).toMatchObject({ step: 1 });
    expect(typeof items['a/1']!.eTag).toBe('string');
    expect(items.missing).toBeUndefined();
  });

  it('rejects a write carrying a stale eTag and keeps the newer state', async () => {
    const storage = new PostgresStorage(db.pool);
    await storage.write({ 'b/1': { step: 1 } });
    const first = (await storage.read(['b/1']))['b/1']!;
    const second = (await storage.read(['b/1']))['b/1']!;
    await storage.write({ 'b/1': { ...first, step: 2 } });
    await expect(storage.write({ 'b/1': { ...second, step: 3 } })).rejects.toBeInstanceOf(StaleStateError);
    expect((await storage.read(['b/1']))['b/1']).toMatchObject({ step: 2 });
  });

  it('lets a writer save twice in a row with the object it holds', async () => {
    const storage = new PostgresStorage(db.pool);
    await storage.write({ 'c/1': { step: 1 } });
    const item = (await storage.read(['c/1']))['c/1']!;
    item.step = 2;
    await storage.write({ 'c/1': item });
    item.step = 3;
    await storage.write({ 'c/1': item });
    expect((await storage.read(['c/1']))['c/1']).toMatchObject({ step: 3 });
  });

  it('writes unconditionally with eTag "*" and deletes', async () => {
    const storage = new PostgresStorage(db.pool);
    await storage.write({ 'd/1': { step: 1 } });
    await storage.write({ 'd/1': { step: 9, eTag: '*' } });
    expect((await storage.read(['d/1']))['d/1']).toMatchObject({ step: 9 });
    await storage.delete(['d/1']);
    expect(await storage.read(['d/1'])).toEqual({});
  });
});

// botbuilder Storage over the BotState table. Writes are optimistic: an item
// carrying the eTag it was read with only replaces a row that still has that
// eTag, so a stale write (another worker saved in between) throws instead of
// silently losing the other worker's changes. eTag "*" (or none) writes anyway.
import { randomUUID } from 'node:crypto';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import type { Queryable } from '../../services/conversations/types.ts';

export class StaleStateError extends Error {
  constructor(readonly key: string) {
    super(`Bot state "${key}" was changed by someone else since it was read (eTag mismatch)`);
    this.name = 'StaleStateError';
  }
}

export class PostgresStorage implements Storage {
  constructor(private readonly db: Queryable) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const { rows } = await this.db.query<{ key: string; data: StoreItem; eTag: string }>(
      `SELECT key, data, "eTag" FROM "BotState" WHERE key = ANY($1::text[])`,
      [keys],
    );
    const items: StoreItems = {};
    for (const row of rows) items[row.key] = { ...row.data, eTag: row.eTag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(Object.entries(changes).map(([key, item]) => this.writeOne(key, item as StoreItem)));
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length) await this.db.query(`DELETE FROM "BotState" WHERE key = ANY($1::text[])`, [keys]);
  }

  private async writeOne(key: string, item: StoreItem): Promise<void> {
    const { eTag: expected, ...data } = item;
    const unconditional = expected === undefined || expected === null || expected === '*';
    const { rows } = await this.db.query(
      `INSERT INTO "BotState" (key, data, "eTag", "updatedAt") VALUES ($1, $2::jsonb, $3, now())
       ON CONFLICT (key) DO UPDATE SET data = EXCLUDED.data, "eTag" = EXCLUDED."eTag", "updatedAt" = now()
       WHERE $4::boolean OR "BotState"."eTag" = $5
       RETURNING "eTag"`,
      [key, JSON.stringify(data), randomUUID(), unconditional, unconditional ? null : String(expected)],
    );
    if (rows.length === 0) throw new StaleStateError(key);
    // The caller's object now stands for the row just written: a second save in the same turn stays valid.
    item.eTag = (rows[0] as { eTag: string }).eTag;
  }
}

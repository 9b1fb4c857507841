// Named (prepared) statements for the turn's hot path: Postgres parses and
// plans them once per connection instead of on every turn, which is most of a
// small statement's cost on the embedded PGlite.
//
// The embedded PGlite serves every pooled connection from ONE Postgres
// session, so a statement name must be unique per connection, not only per
// statement: each client gets its own suffix. A suffix freed by a closed
// client is reused, after dropping the statements its predecessor left in the
// shared session, so the session does not collect statements forever.
import type pg from 'pg';

interface ClientTag {
  suffix: number;
  /** The statements a previous holder of this suffix may have left are dropped. */
  clean: boolean;
}

const tags = new WeakMap<pg.PoolClient, ClientTag>();
const watchedPools = new WeakSet<pg.Pool>();
const freeSuffixes: number[] = [];
let nextSuffix = 0;

function tagOf(pool: pg.Pool, client: pg.PoolClient): ClientTag {
  if (!watchedPools.has(pool)) {
    watchedPools.add(pool);
    pool.on('remove', (removed) => {
      const tag = tags.get(removed as pg.PoolClient);
      if (tag) freeSuffixes.push(tag.suffix);
    });
  }
  let tag = tags.get(client);
  if (!tag) {
    const reused = freeSuffixes.pop();
    tag = { suffix: reused ?? nextSuffix++, clean: reused === undefined };
    tags.set(client, tag);
  }
  return tag;
}

/** Runs `text` as the named statement `name` on a pooled connection. */
export async function preparedQuery<R extends object>(pool: pg.Pool, name: string, text: string, values: unknown[]): Promise<{ rows: R[]; rowCount: number | null }> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const tag = tagOf(pool, client);
    const statement = `${name}_${tag.suffix}`;
    if (!tag.clean) {
      const { rows } = await client.query<{ name: string }>(`SELECT name FROM pg_prepared_statements WHERE name LIKE '%\\_' || $1::text`, [String(tag.suffix)]);
      for (const row of rows) await client.query(`DEALLOCATE ${client.escapeIdentifier(row.name)}`);
      tag.clean = true;
    }
    return await client.query<R>({ name: statement, text, values });
  } catch (error) {
    // A connection that failed mid-protocol is not handed to the next caller.
    if (!isSqlError(error)) broken = error as Error;
    throw error;
  } finally {
    client.release(broken);
  }
}

function isSqlError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' && (error as { code: string }).code.length === 5;
}

// Database work per turn, read from Postgres' own counters (pg_stat_database)
// before and after a load: transactions and rows touched. It answers "how many
// round trips and writes does one turn cost" without touching Ana's code.
import pg from 'pg';

export interface DbCounters {
  commits: number;
  rollbacks: number;
  inserted: number;
  updated: number;
  deleted: number;
  fetched: number;
}

export async function readDbCounters(url: string): Promise<DbCounters> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Statistics are cached per transaction; clear them so we read fresh figures.
    await client.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await client.query<{ [K in keyof DbCounters]: string }>(
      `SELECT xact_commit AS commits, xact_rollback AS rollbacks, tup_inserted AS inserted, tup_updated AS updated, tup_deleted AS deleted, tup_fetched AS fetched
       FROM pg_stat_database WHERE datname = current_database()`,
    );
    const row = rows[0]!;
    return { commits: Number(row.commits), rollbacks: Number(row.rollbacks), inserted: Number(row.inserted), updated: Number(row.updated), deleted: Number(row.deleted), fetched: Number(row.fetched) };
  } finally {
    await client.end();
  }
}

export function perTurn(before: DbCounters, after: DbCounters, turns: number): DbCounters {
  const per = (key: keyof DbCounters): number => (after[key] - before[key]) / Math.max(1, turns);
  return { commits: per('commits'), rollbacks: per('rollbacks'), inserted: per('inserted'), updated: per('updated'), deleted: per('deleted'), fetched: per('fetched') };
}

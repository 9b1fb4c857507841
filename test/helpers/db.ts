// Every test file gets its own database with the migrations applied: an
// in-memory PGlite by default, or a fresh database on the server named by
// DATABASE_URL (dropped afterwards).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../services/db/database.ts';
import { migrate } from '../../services/db/migrator.ts';

export type TestDatabase = Database;

export const serverUrl = process.env.DATABASE_URL;

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const url = serverUrl ? await createServerDatabase(serverUrl) : undefined;
  const db = await openDatabase({ databaseUrl: url?.url });
  if (options.migrate !== false) await migrate(db.url);
  return {
    ...db,
    close: async () => {
      await db.close();
      await url?.drop();
    },
  };
}

async function createServerDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ana_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

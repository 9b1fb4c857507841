// The benchmarks' statement profile charges each batch's time to its statement,
// named prepared statements included (recognised by the name their Parse gave).
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGliteWireServer, StatementProfile } from '../../../services/db/pglite-wire-server.mjs';

describe('statement profile of the embedded wire server', () => {
  let db: PGlite;
  let server: PGliteWireServer;
  const profile = new StatementProfile();
  let client: pg.Client;

  beforeAll(async () => {
    db = await PGlite.create();
    server = new PGliteWireServer(db, { profile });
    const port = await server.start();
    client = new pg.Client({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres` });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await server?.stop();
    await db?.close();
  });

  it('counts calls and time per statement text, simple, extended and named alike', async () => {
    await client.query('CREATE TABLE note (id int)');
    for (let i = 0; i < 3; i++) await client.query('INSERT INTO note VALUES ($1)', [i]);
    for (let i = 0; i < 4; i++) await client.query({ name: 'count_notes', text: 'SELECT count(*)   FROM note', values: [] });

    const report = profile.report();
    const byText = new Map(report.map((entry) => [entry.text, entry]));
    expect(byText.get('CREATE TABLE note (id int)')?.calls).toBe(1);
    expect(byText.get('INSERT INTO note VALUES ($1)')?.calls).toBe(3);
    // The named statement is parsed once and then only bound by name: all four calls count.
    expect(byText.get('SELECT count(*) FROM note')?.calls).toBe(4);
    for (const entry of report) expect(entry.totalMs).toBeGreaterThanOrEqual(0);
    expect(report.map((entry) => entry.totalMs)).toEqual([...report.map((entry) => entry.totalMs)].sort((a, b) => b - a));
  });
});

// The embedded database serves many connections from one PGlite session: each
// connection's batch runs whole, and a transaction excludes the others.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedDatabase, type EmbeddedServer } from '../../../services/db/embedded.ts';
import { createTestDatabase } from '../../helpers/db.ts';

describe('embedded Postgres wire server', () => {
  let server: EmbeddedServer;
  const clients: pg.Client[] = [];
  const connect = async () => {
    const client = new pg.Client({ connectionString: server.url });
    client.on('error', () => {});
    await client.connect();
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startEmbeddedDatabase();
    const setup = await connect();
    await setup.query('CREATE TABLE ledger (id serial PRIMARY KEY, amount int NOT NULL)');
  });
  afterAll(async () => {
    for (const client of clients) await client.end().catch(() => {});
    await server?.stop();
  });

  it('never mixes the parameterised statements of concurrent connections', async () => {
    const pool = await Promise.all(Array.from({ length: 16 }, () => connect()));
    const answers = await Promise.all(
      pool.flatMap((client, c) => Array.from({ length: 100 }, (_, i) => client.query({ rowMode: "array", text: 'SELECT $1::int * 1000 + $2::int AS n, $3::text AS tag', values: [c, i, `c${c}`] }).then((r) => ({ c, i, row: r.rows[0] })))),
    );
    for (const { c, i, row } of answers) expect(row).toEqual([c * 1000 + i, `c${c}`]);
  });

  it('serves concurrent Prisma writes without mixing their statements', async () => {
    // Upserts and creates as a new conversation does them: the stock
    // pglite-socket server interleaved these statements ("portal does not exist").
    const db = await createTestDatabase();
    try {
      const created = await Promise.all(
        Array.from({ length: 24 }, async (_, i) => {
          await db.prisma.channelIdentity.upsert({ where: { channel_externalId: { channel: 'rest', externalId: `u${i}` } }, create: { channel: 'rest', externalId: `u${i}` }, update: {} });
          return db.prisma.contact.create({ data: { displayName: `Cliente ${i}`, email: `c${i}@example.com` } });
        }),
      );
      created.forEach((contact, i) => expect(contact).toMatchObject({ displayName: `Cliente ${i}`, email: `c${i}@example.com` }));
      expect(await db.prisma.contact.count()).toBe(24);
    } finally {
      await db.close();
    }
  });

  it('lets no other connection in while one is inside a transaction', async () => {
    const writer = await connect();
    const reader = await connect();
    await writer.query('BEGIN');
    await writer.query('INSERT INTO ledger (amount) VALUES ($1)', [100]);
    let readerDone = false;
    const read = reader.query('SELECT count(*)::int AS n FROM ledger').then((r) => ((readerDone = true), r.rows[0].n as number));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(readerDone).toBe(false);
    await writer.query('INSERT INTO ledger (amount) VALUES ($1)', [50]);
    await writer.query('COMMIT');
    expect(await read).toBe(2);
  });

  it('rolls back the transaction of a connection that vanishes', async () => {
    const quitter = await connect();
    const other = await connect();
    await quitter.query('BEGIN');
    await quitter.query('INSERT INTO ledger (amount) VALUES (1), (2), (3)');
    (quitter as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    const { rows } = await other.query('SELECT count(*)::int AS n FROM ledger');
    expect(rows[0].n).toBe(2);
  });
});

// One way into the database for the whole process: a `pg` pool and a Prisma
// client over it (driver adapter), whether Postgres is a real server
// (DATABASE_URL) or the embedded PGlite served on a loopback port.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/client.ts';
import { runningInstance, startEmbeddedDatabase, type EmbeddedServer } from './embedded.ts';

export type { PrismaClient } from './generated/client.ts';

export interface Database {
  prisma: PrismaClient;
  pool: pg.Pool;
  url: string;
  engine: 'server' | 'embedded' | 'embedded-shared';
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string;
  /** Where the embedded database lives; undefined keeps it in memory. */
  dataDir?: string;
  embeddedPort?: number;
  poolSize?: number;
  /**
   * A CLI command may run while the server owns the embedded database: it then
   * connects to the server's loopback port instead of opening the files.
   */
  shareRunningInstance?: boolean;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return connect(options.databaseUrl, 'server', options.poolSize);

  const running = options.dataDir && options.shareRunningInstance ? runningInstance(options.dataDir) : undefined;
  if (running) return connect(`postgresql://postgres:postgres@127.0.0.1:${running.port}/postgres`, 'embedded-shared', options.poolSize);

  const embedded = await startEmbeddedDatabase({ dataDir: options.dataDir, port: options.embeddedPort });
  try {
    return await connect(embedded.url, 'embedded', options.poolSize, embedded);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

async function connect(url: string, engine: Database['engine'], poolSize = 10, embedded?: EmbeddedServer): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection must not crash the process.
  pool.on('error', () => {});
  await pool.query('SELECT 1');
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  let closing: Promise<void> | undefined;
  return {
    prisma,
    pool,
    url,
    engine,
    close: () =>
      (closing ??= (async () => {
        await prisma.$disconnect();
        if (!pool.ended) await pool.end();
        await embedded?.stop();
      })()),
  };
}

// Runs PGlite (Postgres compiled to WebAssembly, with pgvector) on its own
// thread and serves it on a loopback port with the Postgres wire protocol, so
// the app uses the same `pg`/Prisma path as with a real server and the
// database work runs on the second core. Plain JS: workers do not go through tsx.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import fs, { writeFileSync } from 'node:fs';
import { cacheFileSizes } from './file-size-cache.mjs';
import { PGliteWireServer, StatementProfile } from './pglite-wire-server.mjs';

const { dataDir, port, maxConnections } = workerData;
cacheFileSizes(fs);

try {
  const db = await PGlite.create({ dataDir, extensions: { vector } });
  // ANA_DB_STATEMENT_PROFILE=<file>: a benchmarking aid, writes the time per statement at close.
  const profileFile = process.env.ANA_DB_STATEMENT_PROFILE;
  const profile = profileFile ? new StatementProfile() : null;
  const server = new PGliteWireServer(db, { host: '127.0.0.1', port, maxConnections, profile });
  const boundPort = await server.start();
  parentPort.postMessage({ type: 'ready', port: boundPort });

  parentPort.on('message', async (message) => {
    if (message?.type !== 'close') return;
    try {
      await server.stop();
      await db.close();
      if (profile) writeFileSync(profileFile, JSON.stringify(profile.report(), null, 1));
      parentPort.postMessage({ type: 'closed' });
    } catch (error) {
      parentPort.postMessage({ type: 'error', message: String(error?.stack ?? error) });
    }
  });
} catch (error) {
  parentPort.postMessage({ type: 'error', message: String(error?.stack ?? error) });
}

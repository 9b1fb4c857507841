// Liveness (the process answers) and readiness (the database answers and every
// migration is applied): what a load balancer or orchestrator asks.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { Database } from '../db/database.ts';
import { pendingMigrations } from '../db/migrator.ts';

const Readiness = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('not_ready')]),
  database: Type.Object({ ok: Type.Boolean(), engine: Type.String(), error: Type.Optional(Type.String()) }),
  migrations: Type.Object({ ok: Type.Boolean(), pending: Type.Array(Type.String()) }),
});

export const healthRoutes: FastifyPluginAsync<{ db: Database }> = async (app, { db }) => {
  app.get('/healthz', { schema: { tags: ['health'], response: { 200: Type.Object({ status: Type.Literal('ok') }) } } }, async () => ({ status: 'ok' as const }));

  app.get('/readyz', { schema: { tags: ['health'], response: { 200: Readiness, 503: Readiness } } }, async (_request, reply) => {
    let database: { ok: boolean; engine: string; error?: string } = { ok: true, engine: db.engine };
    let pending: string[] = [];
    try {
      await db.pool.query('SELECT 1');
      pending = await pendingMigrations(db.pool);
    } catch (error) {
      database = { ok: false, engine: db.engine, error: 'database unreachable' };
      reply.log.warn({ err: error }, 'readiness check failed');
    }
    const ready = database.ok && pending.length === 0;
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', database, migrations: { ok: pending.length === 0 && database.ok, pending } });
  });
};

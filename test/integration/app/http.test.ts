import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAna, type RunningAna } from '../../../app/start.ts';
import { createApiToken } from '../../../services/auth/tokens.ts';
import { loadConfig } from '../../../services/config/env.ts';
import { requireRole } from '../../../services/http/auth.ts';
import { createLogger } from '../../../services/logging/logger.ts';
import { Type } from 'typebox';

describe('HTTP foundation', () => {
  let ana: RunningAna;
  const logLines: string[] = [];

  beforeAll(async () => {
    const sink = new Writable({ write: (chunk, _enc, done) => (logLines.push(String(chunk)), done()) });
    ana = await startAna({
      config: loadConfig({ ANA_DATA_DIR: mkdtempSync(join(tmpdir(), 'ana-http-')), ANA_ADMIN_TOKEN: 'admin-token-for-automation-0001' }),
      logger: createLogger('info', sink),
      inMemory: true,
      seed: false,
      listen: false,
      modules: [
        {
          name: 'probe',
          async register(app, context) {
            app.post('/v1/probe', {
              preHandler: requireRole(context.verifyToken, 'curator'),
              schema: { body: Type.Object({ amount: Type.Number({ minimum: 1 }), phone: Type.String() }, { additionalProperties: false }) },
            }, async (request) => ({ ok: true, who: request.principal?.role }));
          },
        },
      ],
    });
  });
  afterAll(async () => ana?.stop());

  it('answers /healthz and /readyz with the database and migrations', async () => {
    expect((await ana.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await ana.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', database: { ok: true, engine: 'embedded' }, migrations: { ok: true, pending: [] } });
  });

  it('reports not ready when a migration is pending', async () => {
    await ana.context.db.pool.query(`UPDATE "_prisma_migrations" SET finished_at = NULL`);
    const ready = await ana.app.inject({ url: '/readyz' });
    await ana.context.db.pool.query(`UPDATE "_prisma_migrations" SET finished_at = now()`);
    expect(ready.statusCode).toBe(503);
    expect(ready.json().migrations.pending.length).toBeGreaterThan(0);
  });

  it('serves the OpenAPI document at /docs', async () => {
    const doc = await ana.app.inject({ url: '/docs/json' });
    expect(doc.statusCode).toBe(200);
    expect(doc.json().paths).toHaveProperty('/readyz');
  });

  it('needs a token, checks roles, and honours ANA_ADMIN_TOKEN', async () => {
    const body = { amount: 5, phone: '+525550000001' };
    expect((await ana.app.inject({ method: 'POST', url: '/v1/probe', payload: body })).statusCode).toBe(401);
    const advisor = await createApiToken(ana.context.db.prisma, { name: 'adv', role: 'advisor' });
    const forbidden = await ana.app.inject({ method: 'POST', url: '/v1/probe', payload: body, headers: { authorization: `Bearer ${advisor.token}` } });
    expect(forbidden.statusCode).toBe(403);
    const admin = await ana.app.inject({ method: 'POST', url: '/v1/probe', payload: body, headers: { authorization: 'Bearer admin-token-for-automation-0001' } });
    expect(admin.statusCode).toBe(200);
    expect(admin.json()).toEqual({ ok: true, who: 'admin' });
  });

  it('answers 400 with a message that says what is wrong', async () => {
    const response = await ana.app.inject({ method: 'POST', url: '/v1/probe', payload: { amount: 0 }, headers: { authorization: 'Bearer admin-token-for-automation-0001' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/amount must be >= 1/);
    expect(response.json().message).toMatch(/must have required property 'phone'/);
  });

  it('gives every response a request id and keeps tokens and personal data out of the logs', async () => {
    const response = await ana.app.inject({ method: 'POST', url: '/v1/probe?t=secret-in-query', payload: { amount: 5, phone: '+525559999999' }, headers: { authorization: 'Bearer admin-token-for-automation-0001', 'x-request-id': 'req-123' } });
    expect(response.headers['x-request-id']).toBe('req-123');
    const logs = logLines.join('');
    expect(logs).toContain('req-123');
    expect(logs).not.toContain('admin-token-for-automation-0001');
    expect(logs).not.toContain('secret-in-query');
    expect(logs).not.toContain('+525559999999');
  });

  it('answers 404 with the route that was asked for', async () => {
    const response = await ana.app.inject({ url: '/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.json().message).toBe('No route GET /nope');
  });
});

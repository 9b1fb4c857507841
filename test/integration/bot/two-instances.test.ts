// Two app instances on one database receive interleaved messages of the same
// conversation: every message is answered exactly once, and in arrival order.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAna, type RunningAna } from '../../../app/start.ts';
import { conversationModule } from '../../../channels/rest/index.ts';
import { createApiToken } from '../../../services/auth/tokens.ts';
import { loadConfig } from '../../../services/config/env.ts';
import { startEmbeddedDatabase, type EmbeddedServer } from '../../../services/db/embedded.ts';
import { migrate } from '../../../services/db/migrator.ts';

let database: EmbeddedServer;
let instances: RunningAna[] = [];
let token: string;

beforeAll(async () => {
  database = await startEmbeddedDatabase();
  await migrate(database.url);
  const config = loadConfig({ DATABASE_URL: database.url, PII_ENCRYPTION_KEY: randomBytes(32).toString('hex'), LOG_LEVEL: 'silent', ANA_DATA_DIR: mkdtempSync(join(tmpdir(), 'ana-two-')) });
  for (let i = 0; i < 2; i++) instances.push(await startAna({ config, seed: false, listen: false, modules: [conversationModule] }));
  token = (await createApiToken(instances[0]!.context.db.prisma, { name: 'two instances', role: 'advisor' })).token;
});

afterAll(async () => {
  for (const ana of instances) await ana.stop();
  instances = [];
  await database?.stop();
});

describe('two app instances, one conversation', () => {
  it('answers every interleaved message once and in order', async () => {
    const headers = { authorization: `Bearer ${token}` };
    const created = await instances[0]!.app.inject({ method: 'POST', url: '/v1/conversations', headers, payload: { user: { id: 'two-instances-user' } } });
    const { id } = created.json() as { id: string };
    const texts = ['hola', 'gracias', 'que requisitos piden', 'hola', 'patito azul', 'gracias', 'hola', 'que es el CAT', 'gracias', 'hola', 'gracias', 'hola'];

    const responses = await Promise.all(
      texts.map((text, i) =>
        instances[i % 2]!.app.inject({ method: 'POST', url: `/v1/conversations/${id}/messages`, headers, payload: { text, messageId: `m${i}` } }),
      ),
    );
    for (const response of responses) {
      expect(response.statusCode).toBe(200);
      expect((response.json() as { replies: unknown[] }).replies.length).toBeGreaterThan(0);
    }

    const { rows } = await instances[1]!.context.db.pool.query<{ seq: string; direction: string; status: string; replyTo: string | null; id: string }>(
      `SELECT id, seq::text AS seq, direction, status, payload->>'replyToId' AS "replyTo" FROM "Message" WHERE "conversationId" = $1 ORDER BY "Message".seq`,
      [id],
    );
    const inbound = rows.filter((row) => row.direction === 'inbound');
    const outbound = rows.filter((row) => row.direction === 'outbound');
    expect(inbound).toHaveLength(texts.length);
    expect(inbound.every((row) => row.status === 'processed')).toBe(true);

    // Answered once: the callers received exactly the replies stored.
    const received = responses.reduce((total, response) => total + (response.json() as { replies: unknown[] }).replies.length, 0);
    expect(outbound).toHaveLength(received);

    // In order: the replies, read in storage order, answer the inbound messages in their arrival order.
    const position = new Map(inbound.map((row, index) => [row.id, index]));
    const answeredInOrder = outbound.map((row) => position.get(row.replyTo!)!);
    expect(answeredInOrder).toEqual([...answeredInOrder].sort((a, b) => a - b));
    expect(new Set(answeredInOrder).size).toBe(texts.length);
  });
});

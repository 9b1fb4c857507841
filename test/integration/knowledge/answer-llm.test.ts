import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, createChatModel } from '../../../knowledge/answer.ts';
import { createEmbeddingProvider, reindexArticle } from '../../../knowledge/ingest.ts';
import { createArticle, SYSTEM_AUTHOR } from '../../../knowledge/store.ts';
import { listUnanswered } from '../../../knowledge/unanswered.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.ts';

interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
}

/** A local OpenAI-compatible server (chat.completions shape); replies with whatever `reply` decides. */
function fakeOpenAI(reply: (request: ChatRequest) => string): Promise<{ server: Server; url: string; requests: ChatRequest[] }> {
  const requests: ChatRequest[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404).end();
        return;
      }
      const request = JSON.parse(raw) as ChatRequest;
      requests.push(request);
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: 'chatcmpl-test', object: 'chat.completion', created: 1_700_000_000, model: request.model,
          choices: [{ index: 0, message: { role: 'assistant', content: reply(request) }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
        }),
      );
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, requests })));
}

describe('answers phrased by an LLM through LangChain', () => {
  let db: TestDatabase;
  let fake: Awaited<ReturnType<typeof fakeOpenAI>>;
  const embeddings = createEmbeddingProvider({ openaiApiKey: undefined, openaiBaseUrl: undefined });

  beforeAll(async () => {
    db = await createTestDatabase();
    fake = await fakeOpenAI((request) => {
      const human = request.messages.at(-1)!.content;
      return human.includes('domingo') ? 'NO_ESTA_EN_LOS_PASAJES' : 'Sí 🙌 puedes pagar en cualquier tienda Kiosko Lunar con tu referencia [1].';
    });
    const article = await createArticle(db.prisma, {
      title: 'Pagos en tiendas Kiosko Lunar', status: 'published',
      body: '## ¿Dónde pago?\n\nPuedes pagar en cualquier tienda Kiosko Lunar con tu referencia de pago. Se refleja en 24 horas.',
    }, SYSTEM_AUTHOR);
    await reindexArticle({ pool: db.pool, prisma: db.prisma, embeddings }, article.id);
  });
  afterAll(async () => {
    fake?.server.close();
    await db?.close();
  });

  it('answers only from the retrieved passages and cites the article', async () => {
    const chat = createChatModel({ openaiApiKey: 'sk-test', openaiBaseUrl: fake.url })!;
    const answer = await answerQuestion({ pool: db.pool, embeddings, chat }, { question: 'puedo pagar en kiosko lunar?', audience: 'customer' });
    expect(answer).toEqual({
      kind: 'answer',
      text: 'Sí 🙌 puedes pagar en cualquier tienda Kiosko Lunar con tu referencia.\n\nFuente: Pagos en tiendas Kiosko Lunar',
      sources: [{ articleId: expect.any(String), title: 'Pagos en tiendas Kiosko Lunar', slug: expect.any(String) }],
    });
    const sent = fake.requests.at(-1)!;
    expect(sent.messages[0]!.content).toContain('SOLO la información de los pasajes');
    expect(sent.messages.at(-1)!.content).toContain('[1] Pagos en tiendas Kiosko Lunar');
  });

  it('says it does not know when the passages do not contain the answer, and records the question', async () => {
    const chat = createChatModel({ openaiApiKey: 'sk-test', openaiBaseUrl: fake.url })!;
    const answer = await answerQuestion({ pool: db.pool, embeddings, chat }, { question: 'puedo pagar en kiosko lunar el domingo?', audience: 'customer' });
    expect(answer).toEqual({ kind: 'unknown' });
    expect((await listUnanswered(db.prisma)).map((q) => q.question)).toEqual(['puedo pagar en kiosko lunar el domingo?']);
  });
});

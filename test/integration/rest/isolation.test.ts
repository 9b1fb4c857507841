// Many customers at once: every reply belongs to the conversation that asked,
// and every conversation's transcript holds only its own messages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './harness.ts';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(async () => {
  await api?.stop();
});

describe('concurrent conversations', () => {
  it('never mixes the replies or transcripts of different customers', async () => {
    const customers = Array.from({ length: 24 }, (_, i) => ({ amount: 50_000 + i * 1_000 }));
    const results = await Promise.all(
      customers.map(async ({ amount }) => {
        const id = await api.start();
        await api.send(id, { text: 'hola' });
        const answer = await api.say(id, `quiero simular un credito de ${amount} pesos a 24 meses con pagos fijos`);
        return { id, amount, answer };
      }),
    );

    const money = (amount: number) => `$${amount.toLocaleString('en-US')}`;
    for (const { id, amount, answer } of results) {
      expect(answer, `conversation ${id}`).toContain(money(amount));
      for (const other of customers) if (other.amount !== amount) expect(answer).not.toContain(money(other.amount));

      const transcript = await api.ana.app.inject({ method: 'GET', url: `/v1/conversations/${id}`, headers: { authorization: `Bearer ${api.token}` } });
      const texts = (transcript.json().messages as { text?: string }[]).map((m) => m.text ?? '').join('\n');
      expect(texts).toContain(`${amount} pesos`);
      for (const other of customers) if (other.amount !== amount) expect(texts).not.toContain(`${other.amount} pesos`);
    }
  });
});

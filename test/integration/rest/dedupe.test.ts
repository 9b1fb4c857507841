// A channel that retries a message (same messageId) gets the original answer;
// the bot processes it once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './harness.ts';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(async () => {
  await api?.stop();
});

describe('deduplication on the channel message id', () => {
  it('answers a repeated messageId with the original replies and stores it once', async () => {
    const id = await api.start();
    const first = await api.send(id, { text: 'quiero simular un credito', messageId: 'm-1' });
    const again = await api.send(id, { text: 'quiero simular un credito', messageId: 'm-1' });
    expect(again).toEqual(first);
    const transcript = (await api.ana.app.inject({ method: 'GET', url: `/v1/conversations/${id}`, headers: { authorization: `Bearer ${api.token}` } })).json();
    expect(transcript.messages.filter((m: { direction: string }) => m.direction === 'inbound')).toHaveLength(1);
    expect(transcript.messages.filter((m: { direction: string }) => m.direction === 'outbound')).toHaveLength(first.replies.length);
    // The dialog did not advance twice: the next answer is the amount the first question asked for.
    expect(await api.say(id, '100 mil')).toMatch(/plazo/);
  });

  it('answers concurrent retries of the same message once', async () => {
    const id = await api.start();
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => api.send(id, { text: 'hola', messageId: 'same' })));
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    const rows = await api.ana.context.db.prisma.message.count({ where: { conversationId: id, direction: 'outbound' } });
    expect(rows).toBe(a!.replies.length);
  });

  it('keeps the same messageId of two conversations apart', async () => {
    const one = await api.start();
    const two = await api.start();
    const a = await api.send(one, { text: 'hola', messageId: '1' });
    const b = await api.send(two, { text: 'quiero hablar con un asesor', messageId: '1' });
    expect(a.conversation.status).toBe('bot');
    expect(b.conversation.status).toBe('handoff');
  });
});

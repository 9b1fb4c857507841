// The conversation API's contract: auth, validation, 201/200/404, transcript.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './harness.ts';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(async () => {
  await api?.stop();
});

describe('conversation API', () => {
  it('greets: Ana introduces herself with suggested actions and asks the name', async () => {
    const id = await api.start();
    const body = await api.send(id, { text: 'hola' });
    expect(body.conversation).toEqual({ id, status: 'bot' });
    const all = body.replies.map((r) => r.text).join('\n');
    expect(all).toContain('Soy Ana, la asistente virtual de Club Cash In');
    expect(all).toContain('¿Cómo te llamas?');
    expect(body.replies.at(-1)!.suggestedActions!.map((a) => a.value)).toContain('simulate_credit');
  });

  it('needs a valid token', async () => {
    const response = await api.ana.app.inject({ method: 'POST', url: '/v1/conversations', payload: { user: { id: 'x' } } });
    expect(response.statusCode).toBe(401);
    const wrong = await api.ana.app.inject({ method: 'POST', url: '/v1/conversations', headers: { authorization: 'Bearer nope' }, payload: { user: { id: 'x' } } });
    expect(wrong.statusCode).toBe(401);
  });

  it('answers 400 without text or value, and 404 for an unknown conversation', async () => {
    const id = await api.start();
    const headers = { authorization: `Bearer ${api.token}` };
    const empty = await api.ana.app.inject({ method: 'POST', url: `/v1/conversations/${id}/messages`, headers, payload: {} });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toMatch(/text.*value/);
    const unknown = await api.ana.app.inject({ method: 'POST', url: '/v1/conversations/00000000-0000-0000-0000-000000000000/messages', headers, payload: { text: 'hola' } });
    expect(unknown.statusCode).toBe(404);
    const noTranscript = await api.ana.app.inject({ method: 'GET', url: '/v1/conversations/nope', headers });
    expect(noTranscript.statusCode).toBe(404);
    const badUser = await api.ana.app.inject({ method: 'POST', url: '/v1/conversations', headers, payload: { user: {} } });
    expect(badUser.statusCode).toBe(400);
  });

  it('returns the transcript in order with timestamps and status', async () => {
    const id = await api.start();
    await api.send(id, { text: 'hola' });
    await api.send(id, { value: 'human_agent' });
    const response = await api.ana.app.inject({ method: 'GET', url: `/v1/conversations/${id}`, headers: { authorization: `Bearer ${api.token}` } });
    expect(response.statusCode).toBe(200);
    const transcript = response.json();
    expect(transcript.status).toBe('handoff');
    expect(transcript.messages[0]).toMatchObject({ direction: 'inbound', text: 'hola' });
    expect(transcript.messages[1].direction).toBe('outbound');
    const seqs = transcript.messages.map((m: { seq: string }) => Number(m.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(Date.parse(transcript.messages[0].timestamp)).not.toBeNaN();
  });

  it('exposes the NLU parse', async () => {
    const response = await api.ana.app.inject({ method: 'POST', url: '/v1/nlu/parse', headers: { authorization: `Bearer ${api.token}` }, payload: { text: 'quiero simular un credito de 100 mil a 24 meses' } });
    expect(response.statusCode).toBe(200);
    const parsed = response.json();
    expect(parsed.intent.name).toBe('simulate_credit');
    expect(parsed.entities).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'amount', value: 100000 }), expect.objectContaining({ type: 'term_months', value: 24 })]));
  });
});

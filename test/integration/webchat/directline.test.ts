// The self-hosted Direct Line 3.0 endpoint, driven by Microsoft's own client
// (botframework-directlinejs) over the WebSocket stream and over polling, plus
// the protocol's edges (tokens, watermarks, 401/403/404) over plain HTTP.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DirectLine } from 'botframework-directlinejs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DirectLineCredentials, TOKEN_LIFETIME_SECONDS } from '../../../channels/webchat/tokens.ts';
import { collect, createClient, post, startWebchatApp, type SeenActivity as Activity, type WebchatTestApp } from './helpers.ts';

interface TokenResponse {
  conversationId: string;
  token: string;
  expires_in: number;
}

describe('Direct Line 3.0 endpoint', () => {
  let web: WebchatTestApp;
  const clients: DirectLine[] = [];

  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const res = await fetch(`${web.directLineUrl}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> };
  };
  const generate = async () => (await call('POST', '/tokens/generate')).body as unknown as TokenResponse;
  const client = (options: Parameters<typeof createClient>[0]) => {
    const created = createClient({ domain: web.directLineUrl, ...options });
    clients.push(created);
    return created;
  };
  const secret = () => readFileSync(join(web.dataDir, 'directline-secret'), 'utf8').trim();

  beforeAll(async () => {
    web = await startWebchatApp();
  });
  afterAll(async () => {
    for (const c of clients) c.end();
    await web?.ana.stop();
  });

  it('issues a conversation-scoped JWT to the landing page without any secret', async () => {
    const res = await call('POST', '/tokens/generate');
    expect(res.status).toBe(200);
    const { conversationId, token, expires_in } = res.body as unknown as TokenResponse;
    expect(expires_in).toBe(1800);
    expect(conversationId).toMatch(/^[0-9a-f]{48}$/);
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    // Web Chat and directlinejs take the user id from the token's `user` claim.
    expect(claims).toMatchObject({ conv: conversationId, user: expect.stringMatching(/^dl_/) });
    expect(claims.exp - claims.iat).toBe(TOKEN_LIFETIME_SECONDS);
  });

  it('keeps the signing secret in the data directory, readable by the owner only', () => {
    expect(secret().length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(web.dataDir, 'directline-secret')).mode & 0o077).toBe(0);
  });

  it('starts a conversation: 201 with the token, its lifetime and a stream URL on this host', async () => {
    const { conversationId, token } = await generate();
    const res = await call('POST', '/conversations', token, { user: { id: 'whoever' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ conversationId, expires_in: 1800 });
    const streamUrl = new URL(res.body.streamUrl as string);
    expect(streamUrl.protocol).toBe('ws:');
    expect(streamUrl.host).toBe(new URL(web.url).host);
    expect(streamUrl.pathname).toBe(`/v3/directline/conversations/${conversationId}/stream`);
    expect(streamUrl.searchParams.get('t')).toBeTruthy();
  });

  it('chats over the WebSocket stream: echo with clientActivityID, typing, then Ana with imBack buttons', async () => {
    const { token } = await generate();
    const dl = client({ token, webSocket: true });
    const inbox = collect(dl);
    const id = await post(dl, { text: 'hola', channelData: { clientActivityID: 'client-1' } });

    const echo = await inbox.waitFor((a) => a.channelData?.clientActivityID === 'client-1');
    expect(echo).toMatchObject({ id, type: 'message', text: 'hola', from: { role: 'user', id: expect.stringMatching(/^dl_/) } });
    expect(Date.parse(echo.timestamp!)).not.toBeNaN();
    const menu = await inbox.waitFor((a) => a.from.role === 'bot' && a.type === 'message' && !!a.suggestedActions);
    expect(menu.from).toEqual({ id: 'ana', name: 'Ana', role: 'bot' });
    expect(menu.suggestedActions!.actions).toEqual([
      { type: 'messageBack', title: 'Simular un préstamo', displayText: 'Simular un préstamo', text: 'Simular un préstamo', value: 'simulate_credit' },
      { type: 'imBack', title: 'Quiero invertir', value: 'Quiero invertir' },
    ]);

    // Now that the stream is surely open: Ana "types" before she answers.
    await post(dl, { text: 'Quiero invertir', channelData: { clientActivityID: 'client-2' } });
    const answer = await inbox.waitFor((a) => /rinde/.test(a.text ?? ''));
    const typing = inbox.seen.findIndex((a) => a.type === 'typing' && inbox.seen.indexOf(a) > inbox.seen.indexOf(menu));
    expect(typing).toBeGreaterThan(-1);
    expect(typing).toBeLessThan(inbox.seen.indexOf(answer));
    expect(inbox.seen[typing]!.from).toMatchObject({ id: 'ana', role: 'bot' });

    // The bot got the user from the token, the Direct Line id and the client's id.
    const turn = web.turns.handled.at(-1)!;
    expect(turn).toMatchObject({ channel: 'webchat', text: 'Quiero invertir', channelData: { clientActivityID: 'client-2' } });
    expect(turn.user.id).toBe(echo.from.id);
  });

  it('chats over polling with the same activities', async () => {
    const { token } = await generate();
    const dl = client({ token, webSocket: false, pollingInterval: 200 });
    const inbox = collect(dl);
    // What Web Chat posts for a tapped messageBack button.
    await post(dl, { text: 'Simular un préstamo', value: 'simulate_credit', channelData: { clientActivityID: 'poll-1', messageBack: { displayText: 'Simular un préstamo' } } } as never);
    const echo = await inbox.waitFor((a) => a.channelData?.clientActivityID === 'poll-1');
    // The echo keeps what the bubble shows; the bot read the value.
    expect(echo).toMatchObject({ text: 'Simular un préstamo', value: 'simulate_credit', channelData: { messageBack: { displayText: 'Simular un préstamo' } } });
    expect(web.turns.handled.at(-1)).toMatchObject({ text: 'Simular un préstamo', value: 'simulate_credit' });
    const reply = await inbox.waitFor((a) => a.from.role === 'bot' && /Cuánto necesitas/.test(a.text ?? ''));
    expect(reply.type).toBe('message');
  });

  it('resumes from a watermark and replays the whole history without one', async () => {
    const { conversationId, token } = await generate();
    const first = client({ token, webSocket: true });
    const inbox = collect(first);
    await post(first, { text: 'hola', channelData: { clientActivityID: 'wm-1' } });
    await inbox.waitFor((a) => !!a.suggestedActions);
    const history = await call('GET', `/conversations/${conversationId}/activities`, token);
    const watermark = history.body.watermark as string;
    expect((history.body.activities as Activity[]).map((a) => a.text)).toEqual(['hola', '¡Hola! Soy Ana, de Club Cash In 👋', '¿En qué te ayudo?']);

    await post(first, { text: 'Quiero invertir', channelData: { clientActivityID: 'wm-2' } });
    await inbox.waitFor((a) => /rinde/.test(a.text ?? ''));
    first.end();

    // A reload: the same conversation, fresh token, stream from the watermark.
    const refreshed = (await call('POST', '/tokens/refresh', token)).body as unknown as TokenResponse;
    const resumed = client({ token: refreshed.token, conversationId, watermark, webSocket: true });
    const later = collect(resumed);
    await later.waitFor((a) => /rinde/.test(a.text ?? ''));
    expect(later.seen.filter((a) => a.type === 'message').map((a) => a.text)).toEqual(['Quiero invertir', 'Invertir con nosotros rinde hasta 18% anual.']);

    const replay = client({ token: refreshed.token, conversationId, webSocket: false, pollingInterval: 200 });
    const all = collect(replay);
    await all.waitFor((a) => /rinde/.test(a.text ?? ''));
    expect(all.seen.map((a) => a.text)).toEqual(['hola', '¡Hola! Soy Ana, de Club Cash In 👋', '¿En qué te ayudo?', 'Quiero invertir', 'Invertir con nosotros rinde hasta 18% anual.']);
    expect(all.seen[0]!.channelData).toEqual({ clientActivityID: 'wm-1' });
  });

  it('reconnects after the server drops the stream and misses nothing', async () => {
    const { conversationId, token } = await generate();
    // random: 0 makes directlinejs retry after its shortest delay (3 s).
    const dl = client({ token, webSocket: true, random: () => 0 } as never);
    const inbox = collect(dl);
    await post(dl, { text: 'hola', channelData: { clientActivityID: 'drop-1' } });
    await inbox.waitFor((a) => !!a.suggestedActions);
    for (const socket of web.ana.app.websocketServer.clients) socket.terminate();
    // Posted while no stream is open: the answer arrives on the new stream, from the watermark.
    await post(dl, { text: 'Quiero invertir', channelData: { clientActivityID: 'drop-2' } });
    await inbox.waitFor((a) => /rinde/.test(a.text ?? ''));
    const messages = inbox.seen.filter((a) => a.type === 'message').map((a) => a.text);
    // Seen once under heavy load: more messages than this conversation has. The message says where they came from.
    const trace = JSON.stringify(inbox.seen.map((a) => [a.id, a.text]));
    expect(new Set(inbox.seen.map((a) => a.conversation?.id)), trace).toEqual(new Set([conversationId]));
    expect(messages, trace).toEqual(['hola', '¡Hola! Soy Ana, de Club Cash In 👋', '¿En qué te ayudo?', 'Quiero invertir', 'Invertir con nosotros rinde hasta 18% anual.']);
  });

  it('processes a message posted twice once, and answers with the same id', async () => {
    const { conversationId, token } = await generate();
    const activity = { type: 'message', text: 'hola', from: { id: 'x' }, channelData: { clientActivityID: 'twice' } };
    const once = await call('POST', `/conversations/${conversationId}/activities`, token, activity);
    const again = await call('POST', `/conversations/${conversationId}/activities`, token, activity);
    expect(again.body.id).toBe(once.body.id);
    const history = await call('GET', `/conversations/${conversationId}/activities`, token);
    expect((history.body.activities as Activity[]).filter((a) => a.from.role === 'user')).toHaveLength(1);
  });

  it('refreshes a token for the same conversation and user', async () => {
    const { conversationId, token } = await generate();
    const res = await call('POST', '/tokens/refresh', token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ conversationId, expires_in: 1800 });
    const claims = (t: string) => JSON.parse(Buffer.from(t.split('.')[1]!, 'base64url').toString());
    expect(claims(res.body.token as string).user).toBe(claims(token).user);
  });

  it('gives a fresh stream URL on reconnect, carrying the watermark', async () => {
    const { conversationId, token } = await generate();
    const res = await call('GET', `/conversations/${conversationId}?watermark=42`, token);
    expect(res.status).toBe(200);
    expect(new URL(res.body.streamUrl as string).searchParams.get('watermark')).toBe('42');
  });

  it('answers 401 without credentials and 403 for bad, foreign or expired tokens, also on the socket', async () => {
    const a = await generate();
    const b = await generate();
    expect((await call('GET', `/conversations/${a.conversationId}/activities`)).status).toBe(401);
    expect((await call('GET', `/conversations/${a.conversationId}/activities`, 'not.a.token')).status).toBe(403);
    expect((await call('GET', `/conversations/${a.conversationId}/activities`, b.token)).status).toBe(403);
    expect((await call('POST', `/conversations/${a.conversationId}/activities`, b.token, { type: 'message', text: 'hola' })).status).toBe(403);

    const past = new DirectLineCredentials(secret(), () => Math.floor(Date.now() / 1000) - TOKEN_LIFETIME_SECONDS - 60);
    const expired = past.issue(a.conversationId, 'dl_someone').token;
    expect((await call('GET', `/conversations/${a.conversationId}/activities`, expired)).status).toBe(403);
    expect((await call('GET', `/conversations/${a.conversationId}`, expired)).status).toBe(403);
    // ...but a returning visitor may still exchange it for a fresh one.
    expect((await call('POST', '/tokens/refresh', expired)).status).toBe(200);
    expect((await call('POST', '/tokens/refresh', 'forged.token.here')).status).toBe(403);
    expect((await call('POST', '/tokens/generate', b.token)).status).toBe(403);

    const handshake = (token: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(`${web.url.replace('http', 'ws')}/v3/directline/conversations/${a.conversationId}/stream?t=${encodeURIComponent(token)}`);
        socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        socket.on('open', () => (socket.close(), resolve(101)));
      });
    expect(await handshake(expired)).toBe(403);
    expect(await handshake(b.token)).toBe(403);
    expect(await handshake(a.token)).toBe(101);
  });

  it('answers 404 for a conversation it never started, and serves the secret holder', async () => {
    const key = secret();
    const unknown = 'f'.repeat(48);
    expect((await call('GET', `/conversations/${unknown}/activities`, key)).status).toBe(404);
    const started = await call('POST', '/conversations', key, { user: { id: 'dl_partner_user' } });
    expect(started.status).toBe(201);
    const conversationId = started.body.conversationId as string;
    const posted = await call('POST', `/conversations/${conversationId}/activities`, key, { type: 'message', text: 'hola', from: { id: 'crm-42', name: 'Lupita' } });
    expect(posted.status).toBe(200);
    const history = await call('GET', `/conversations/${conversationId}/activities`, key);
    expect((history.body.activities as Activity[])[0]).toMatchObject({ from: { id: 'crm-42', role: 'user' }, text: 'hola' });
    expect(web.turns.handled.at(-1)!.user).toEqual({ id: 'crm-42', name: 'Lupita' });
  });

  it('ends a closed conversation with 404 (directlinejs: "conversation ended")', async () => {
    const { conversationId, token } = await generate();
    await call('POST', `/conversations/${conversationId}/activities`, token, { type: 'message', text: 'hola' });
    await web.ana.context.db.prisma.conversation.update({ where: { channel_externalId: { channel: 'webchat', externalId: conversationId } }, data: { status: 'closed' } });
    expect((await call('GET', `/conversations/${conversationId}/activities`, token)).status).toBe(404);
    expect((await call('POST', '/tokens/refresh', token)).status).toBe(404);
  });
});

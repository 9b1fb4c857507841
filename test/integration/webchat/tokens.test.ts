// Direct Line credentials and the activity mapping, without a server.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromStoredMessage, toCardAction, toInboundMessage } from '../../../channels/webchat/activities.ts';
import { DirectLineCredentials, RESUME_WINDOW_SECONDS, resolveDirectLineSecret, TOKEN_LIFETIME_SECONDS } from '../../../channels/webchat/tokens.ts';

const SECRET = 'a-secret-long-enough-for-the-tests-0123456789';

describe('Direct Line credentials', () => {
  let clock = 1_800_000_000;
  const credentials = new DirectLineCredentials(SECRET, () => clock);

  it('verifies its own tokens and rejects tampered or foreign ones', () => {
    const conversationId = credentials.newConversationId();
    const { token } = credentials.issue(conversationId, 'dl_me');
    expect(credentials.check(token)).toMatchObject({ ok: true, claims: { conv: conversationId, user: 'dl_me', exp: clock + TOKEN_LIFETIME_SECONDS } });

    const [header, , signature] = token.split('.');
    const forgedBody = Buffer.from(JSON.stringify({ iss: 'ana-directline', conv: conversationId, user: 'dl_someone_else', iat: clock, exp: clock + 99999 })).toString('base64url');
    expect(credentials.check(`${header}.${forgedBody}.${signature}`)).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(new DirectLineCredentials('another-secret-entirely-0123456789abcdef').check(token)).toMatchObject({ ok: false });
    expect(credentials.check('nonsense')).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('expires tokens after 30 minutes, still refreshable within the resume window', () => {
    const { token } = credentials.issue(credentials.newConversationId(), 'dl_me');
    clock += TOKEN_LIFETIME_SECONDS;
    expect(credentials.check(token)).toMatchObject({ ok: false, reason: 'expired' });
    expect(credentials.checkForRefresh(token)?.user).toBe('dl_me');
    clock += RESUME_WINDOW_SECONDS;
    expect(credentials.checkForRefresh(token)).toBeUndefined();
  });

  it('tells its conversation ids from made-up ones', () => {
    const id = credentials.newConversationId();
    expect(credentials.isOurConversationId(id)).toBe(true);
    expect(credentials.isOurConversationId(`${id.slice(0, 47)}${id.endsWith('0') ? '1' : '0'}`)).toBe(false);
    expect(credentials.isOurConversationId('../../etc/passwd')).toBe(false);
    expect(credentials.isOurConversationId(id)).toBe(true);
    expect(new DirectLineCredentials('another-secret-entirely-0123456789abcdef').isOurConversationId(id)).toBe(false);
  });

  it('knows the secret by value only', () => {
    expect(credentials.isSecret(SECRET)).toBe(true);
    expect(credentials.isSecret(`${SECRET}x`)).toBe(false);
  });

  it('takes DIRECTLINE_SECRET when set, otherwise keeps one generated secret in the data directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ana-dl-secret-'));
    expect(resolveDirectLineSecret(dir, { DIRECTLINE_SECRET: SECRET })).toBe(SECRET);
    expect(() => resolveDirectLineSecret(dir, { DIRECTLINE_SECRET: 'short' })).toThrow(/32 characters/);
    const generated = resolveDirectLineSecret(dir, {});
    expect(generated.length).toBeGreaterThanOrEqual(32);
    expect(resolveDirectLineSecret(dir, {})).toBe(generated);
    expect(readFileSync(join(dir, 'directline-secret'), 'utf8').trim()).toBe(generated);
  });
});

describe('activity mapping', () => {
  it('renders a coded button as messageBack and a plain one as imBack', () => {
    expect(toCardAction({ title: 'Simular un crédito', value: 'simulate_credit' })).toEqual({
      type: 'messageBack',
      title: 'Simular un crédito',
      displayText: 'Simular un crédito',
      text: 'Simular un crédito',
      value: 'simulate_credit',
    });
    expect(toCardAction({ title: 'Sí', value: 'Sí' })).toEqual({ type: 'imBack', title: 'Sí', value: 'Sí' });
  });

  it('round-trips a posted message through the stored row into the echo Web Chat waits for', () => {
    const inbound = toInboundMessage('conv1', { id: 'dl_me', name: 'Lupita' }, {
      type: 'message',
      text: 'Simular un crédito',
      value: 'simulate_credit',
      from: { id: 'spoofed' },
      channelData: { clientActivityID: 'c-1', messageBack: { displayText: 'Simular un crédito' } },
    });
    expect(inbound).toMatchObject({ channel: 'webchat', conversationExternalId: 'conv1', user: { id: 'dl_me', name: 'Lupita' }, channelMessageId: 'conv1:c-1' });
    // Stored the way services/conversations stores an inbound message.
    const echo = fromStoredMessage('conv1', {
      id: 'm1',
      seq: 12n,
      direction: 'inbound',
      senderType: 'contact',
      senderId: 'contact-uuid',
      text: inbound.text ?? null,
      payload: { value: inbound.value, channelData: inbound.channelData },
      createdAt: new Date('2026-01-01T12:00:00Z'),
    });
    expect(echo).toEqual({
      type: 'message',
      id: 'conv1|0000012',
      timestamp: '2026-01-01T12:00:00.000Z',
      channelId: 'webchat',
      conversation: { id: 'conv1' },
      text: 'Simular un crédito',
      value: 'simulate_credit',
      from: { id: 'dl_me', role: 'user' },
      channelData: { clientActivityID: 'c-1', messageBack: { displayText: 'Simular un crédito' } },
    });
  });

  it('renders stored replies from Ana and from an advisor', () => {
    const row = { id: 'm2', seq: 13n, direction: 'outbound' as const, senderId: null, text: '¿Cuánto necesitas?', createdAt: new Date() };
    const fromAna = fromStoredMessage('conv1', { ...row, senderType: 'bot', payload: { type: 'message', replyToId: 'm1', suggestedActions: [{ title: '50 mil', value: '50 mil' }] } });
    expect(fromAna).toMatchObject({ from: { id: 'ana', name: 'Ana', role: 'bot' }, suggestedActions: { actions: [{ type: 'imBack', title: '50 mil', value: '50 mil' }] }, inputHint: 'expectingInput' });
    const fromAdvisor = fromStoredMessage('conv1', { ...row, senderType: 'advisor', senderId: 'u7', payload: { senderName: 'Carlos' } });
    expect(fromAdvisor.from).toEqual({ id: 'advisor:u7', name: 'Carlos', role: 'bot' });
  });
});

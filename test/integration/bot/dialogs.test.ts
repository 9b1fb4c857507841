// Multi-turn conversations with Ana through the conversation API, the way an
// integrator sees them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { turnProcessorFor } from '../../../bot/shared-processor.ts';
import { startApiHarness, type ApiHarness } from '../rest/harness.ts';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(async () => {
  await api?.stop();
});

describe('credit simulation dialog', () => {
  it('asks only for what is missing and answers with the figures', async () => {
    const id = await api.start();
    const first = await api.send(id, { text: 'quiero simular un credito de 80 mil' });
    expect(first.replies.map((r) => r.text).join()).toMatch(/plazo/);
    expect(first.replies.map((r) => r.text).join()).not.toMatch(/cuánto dinero/i);
    expect(await api.say(id, '24 meses')).toMatch(/¿Cómo prefieres pagar\?/);
    const result = await api.say(id, 'me da igual');
    expect(result).toContain('$80,000 a 24 meses con pagos fijos');
    expect(result).toMatch(/Pago mensual: \$\d{1,3}(,\d{3})*\.\d{2} MXN/);
    expect(result).toMatch(/Total a pagar: \$\d{1,3}(,\d{3})*\.\d{2} MXN/);
    expect(result).toMatch(/CAT \d+\.\d% sin IVA, informativo/);
    const comparison = await api.say(id, 'si');
    expect(comparison).toMatch(/Pagos fijos: .*\n.*Pagos decrecientes: .*\n.*solo intereses: /i);
  });

  it('takes corrections of a slot already given', async () => {
    const id = await api.start();
    await api.say(id, 'quiero simular un credito de 80 mil a 24 meses');
    expect(await api.say(id, 'mejor a 36 meses')).toContain('36 meses');
    const result = await api.say(id, 'no, que sean 100 mil');
    expect(result).toContain('Va, lo cambio: $100,000');
    expect(await api.say(id, 'pagos fijos')).toContain('$100,000 a 36 meses con pagos fijos');
  });

  it('answers a digression and resumes the flow with its question', async () => {
    const id = await api.start();
    await api.say(id, 'quiero simular un credito de 80 mil');
    const digression = await api.say(id, 'cuales son los requisitos');
    expect(digression).toMatch(/Retomando/);
    expect(digression.split('\n').at(-1)).toMatch(/plazo/);
    expect(await api.say(id, '12 meses')).toMatch(/¿Cómo prefieres pagar\?/);
  });

  it('cancels the flow and starts over on request', async () => {
    const id = await api.start();
    await api.say(id, 'quiero simular un credito');
    expect(await api.say(id, 'cancelar')).toMatch(/lo dejamos aquí/);
    expect(await api.say(id, '24 meses')).not.toMatch(/¿Cómo prefieres pagar\?/);
    await api.say(id, 'simular credito de 50 mil');
    expect(await api.say(id, 'empezar de nuevo')).toMatch(/empezamos de nuevo/);
  });

  it('rejects a term the business does not offer and suggests close ones', async () => {
    const id = await api.start();
    const body = await api.send(id, { text: 'simula un credito de 100 mil a 7 meses' });
    const last = body.replies.at(-1)!;
    expect(last.text).toMatch(/No manejamos plazo de 7 meses/);
    expect(last.suggestedActions!.map((a) => a.value)).toEqual(['6 meses', '12 meses', '18 meses']);
  });
});

describe('understanding', () => {
  it('offers an advisor after two misunderstandings in a row, and "sí" hands off', async () => {
    const id = await api.start();
    expect(await api.say(id, 'patito azul')).toMatch(/no te entendí/);
    expect(await api.say(id, 'qwerty zxcv')).toMatch(/¿Quieres que te comunique con un asesor\?/);
    const yes = await api.send(id, { text: 'sí' });
    expect(yes.conversation.status).toBe('handoff');
  });

  it('greets once with an introduction, then as an old friend', async () => {
    const id = await api.start();
    expect(await api.say(id, 'hola')).toContain('Soy Ana');
    await api.say(id, 'Juan');
    expect(await api.say(id, 'hola')).toContain('¡Hola de nuevo, Juan!');
  });
});

describe('handoff', () => {
  it('human_agent hands off, says what happens next, then the bot stays silent', async () => {
    const id = await api.start();
    const handoff = await api.send(id, { text: 'quiero hablar con un asesor' });
    expect(handoff.conversation.status).toBe('handoff');
    expect(handoff.replies[0]!.text).toMatch(/asesor .* responder aquí mismo/);
    expect(handoff.replies[0]!.text).toMatch(/horario/);
    const silent = await api.send(id, { text: 'hola? sigues ahí?' });
    expect(silent.replies).toEqual([]);
    expect(silent.conversation.status).toBe('handoff');
    const transcript = (await api.ana.app.inject({ method: 'GET', url: `/v1/conversations/${id}`, headers: { authorization: `Bearer ${api.token}` } })).json();
    expect(transcript.messages.at(-1)).toMatchObject({ direction: 'inbound', text: 'hola? sigues ahí?' });
  });

  it('a complaint is handed off with high priority and empathy', async () => {
    const id = await api.start();
    const body = await api.send(id, { text: 'estoy muy molesto, me cobraron de mas y nadie me responde' });
    expect(body.conversation.status).toBe('handoff');
    expect(body.replies[0]!.text).toMatch(/Lamento/);
    const row = await api.ana.context.db.prisma.conversation.findUniqueOrThrow({ where: { id } });
    expect(row.priority).toBe('high');
  });
});

describe('coming soon', () => {
  it('says honestly the option is being prepared and offers an advisor', async () => {
    const id = await api.start();
    const body = await api.send(id, { value: 'book_appointment' });
    expect(body.replies[0]!.text).toMatch(/preparando/);
    expect(body.replies[0]!.suggestedActions!.map((a) => a.value)).toEqual(['affirm', 'deny']);
    expect(await api.say(id, 'no')).toMatch(/sin problema/i);
  });
});

describe('name memory', () => {
  it('remembers the name across a REST conversation and another channel of the same phone', async () => {
    const rest = await api.start({ phone: '55 1111 2222' });
    await api.say(rest, 'hola');
    expect(await api.say(rest, 'me llamo Mariana')).toContain('Mucho gusto, Mariana');
    const contact = await api.ana.context.db.prisma.contact.findUniqueOrThrow({ where: { phoneE164: '+525511112222' } });
    expect(contact.firstName).toBe('Mariana');

    const processor = turnProcessorFor(api.ana.context);
    const webchat = await processor.handle({
      channel: 'webchat',
      conversationExternalId: 'wc-conversation-1',
      user: { id: 'wc-user-1', phone: '+52 55 1111 2222' },
      text: 'hola',
    });
    const text = webchat.replies.map((r) => r.text).join('\n');
    expect(text).toContain('Hola, Mariana');
    expect(text).not.toContain('¿Cómo te llamas?');
  });
});

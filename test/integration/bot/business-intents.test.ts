// Investment, investor lead, marketplace and knowledge-base answers through
// the conversation API, with the CRM rows they must leave behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../../bot/format.ts';
import { loadBusinessConfig } from '../../../services/config/business.ts';
import { simulateInvestment } from '../../../services/investment/calculator.ts';
import { startBusinessHarness, type BusinessHarness } from './business-harness.ts';

let api: BusinessHarness;
beforeAll(async () => {
  api = await startBusinessHarness();
});
afterAll(async () => {
  await api?.stop();
});

describe('simulate_investment and invest', () => {
  it('simulates, compares the modes and turns the investor into a lead with an advisor', async () => {
    const id = await api.start({ name: 'Sofía Torres', phone: '55 4444 3333' });
    expect(await api.say(id, 'cuanto ganaria si invierto 100 mil')).toMatch(/¿A qué plazo\?/);
    const result = await api.say(id, '12 meses');
    const expected = simulateInvestment({ amount: 100000, termMonths: 12, mode: 'monthly_payout' }, loadBusinessConfig());
    expect(result).toContain('Si inviertes $100,000.00 MXN a 12 meses');
    expect(result).toContain(`ISR retenido: ${formatMoney(expected.totals.isrWithheld)}`);
    expect(result).toContain(`Ganancia neta: ${formatMoney(expected.totals.netInterest)}`);
    const comparison = await api.say(id, 'sí');
    expect(comparison).toMatch(/Cobrar cada mes: ganancia neta .*\n.*Reinvertir: ganancia neta/);
    const invest = await api.send(id, { value: 'invest' });
    expect(invest.replies.map((r) => r.text).join('\n')).toMatch(/correo/);
    const done = await api.say(id, 'sofia.torres@example.com');
    expect(done).toMatch(/registré tu interés en invertir \$100,000/);

    const prisma = api.ana.context.db.prisma;
    const contact = await prisma.contact.findUniqueOrThrow({ where: { phoneE164: '+525544443333' } });
    expect(contact.email).toBe('sofia.torres@example.com');
    const lead = await prisma.lead.findFirstOrThrow({ where: { contactId: contact.id }, include: { assignedAdvisor: true } });
    expect(lead).toMatchObject({ source: 'ana', channel: 'rest', conversationId: id });
    expect(done).toContain(lead.assignedAdvisor!.name);
    const opportunity = await prisma.opportunity.findFirstOrThrow({ where: { contactId: contact.id } });
    expect(opportunity).toMatchObject({ product: 'investment', termMonths: 12, assignedAdvisorId: lead.assignedAdvisorId });
    expect(opportunity.amount?.toString()).toBe('100000');
    expect(await prisma.task.count({ where: { contactId: contact.id, assigneeId: lead.assignedAdvisorId } })).toBe(1);
  });

  it('reinvesting is understood, and a correction in the middle is taken', async () => {
    const id = await api.start();
    const first = await api.say(id, 'quiero simular una inversion de 50 mil a 6 meses reinvirtiendo');
    expect(first).toContain('Si inviertes $50,000.00 MXN a 6 meses');
    expect(first).toMatch(/reinvirtiendo tus intereses/);
    expect(first).toMatch(/Recibes al final/);
    const other = await api.start();
    expect(await api.say(other, 'cuanto ganaria si invierto 200 mil')).toMatch(/plazo/);
    expect(await api.say(other, 'no, mejor 300 mil')).toMatch(/Va, lo cambio: \$300,000/);
    expect(await api.say(other, '24 meses')).toContain('Si inviertes $300,000.00 MXN a 24 meses');
  });
});

describe('marketplace', () => {
  it('shows cars with photo and financing, and "me interesa" opens a vehicle opportunity', async () => {
    const id = await api.start();
    const body = await api.send(id, { text: 'tienen nissan 2020 de menos de 300 mil' });
    const [cards, next] = body.replies;
    expect(cards!.text).toMatch(/autos? Nissan del 2020 en adelante de hasta \$300,000/);
    expect(cards!.text).toMatch(/Ejemplo: enganche de \$[\d,]+\.\d{2} MXN y 36 pagos de \$[\d,]+\.\d{2} MXN/);
    expect(cards!.attachments!.length).toBeGreaterThan(0);
    const hero = cards!.attachments![0]!.content as { title: string; images: { url: string }[]; buttons: { value: string }[] };
    expect(hero.title).toMatch(/Nissan .* 20(2\d)/);
    expect(hero.images[0]!.url).toBeTruthy();
    const interest = next!.suggestedActions!.find((a) => a.value.startsWith('marketplace:'))!;
    expect(interest.value).toBe(hero.buttons[0]!.value);

    expect((await api.send(id, { value: interest.value })).replies.map((r) => r.text).join('\n')).toMatch(/nombre completo/);
    expect(await api.say(id, 'Pedro Gómez')).toMatch(/celular/);
    const done = await api.say(id, '5566667777');
    expect(done).toMatch(/registré tu interés en el Nissan/);

    const prisma = api.ana.context.db.prisma;
    const vehicleId = interest.value.slice('marketplace:'.length);
    const opportunity = await prisma.opportunity.findFirstOrThrow({ where: { catalogVehicleId: vehicleId }, include: { contact: true, lead: true } });
    expect(opportunity.product).toBe('vehicle');
    expect(opportunity.contact.phoneE164).toBe('+525566667777');
    expect(opportunity.lead).toMatchObject({ channel: 'rest', conversationId: id });
    expect(opportunity.assignedAdvisorId).toBeTruthy();
  });
});

describe('faq from the knowledge base', () => {
  it('answers with the article as source', async () => {
    const id = await api.start();
    const answer = await api.say(id, 'que documentos necesito');
    const source = answer.match(/Fuente: (.+)$/)?.[1];
    expect(source).toMatch(/[Dd]ocumentos/);
    expect(await api.ana.context.db.prisma.article.count({ where: { title: source!, status: 'published' } })).toBe(1);
  });

  it('answers a question in the middle of a credit simulation, then the flow resumes', async () => {
    const id = await api.start();
    await api.say(id, 'quiero simular un credito de 80 mil');
    const digression = await api.say(id, 'que documentos necesito');
    expect(digression).toMatch(/Fuente: /);
    expect(digression).toMatch(/Retomando/);
    expect(digression.split('\n').at(-1)).toMatch(/plazo/);
    expect(await api.say(id, '24 meses')).toMatch(/¿Cómo prefieres pagar\?/);
    expect(await api.say(id, 'fijos')).toContain('$80,000 a 24 meses con pagos fijos');
  });
});

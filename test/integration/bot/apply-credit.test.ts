// The Tranki application through the conversation API: Ana asks only for what
// is missing, prequalifies the car and the lead lands in the CRM with its
// advisor and call-back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBusinessHarness, type BusinessHarness } from './business-harness.ts';

let api: BusinessHarness;
beforeAll(async () => {
  api = await startBusinessHarness();
});
afterAll(async () => {
  await api?.stop();
});

describe('apply_credit', () => {
  it('collects the details, prequalifies and creates the lead with an advisor and a call-back', async () => {
    const id = await api.start();
    expect(await api.say(id, 'quiero solicitar un credito')).toMatch(/nombre completo/);
    expect(await api.say(id, 'Juan Pérez López')).toMatch(/celular/);
    expect(await api.say(id, '55 1234 5678')).toMatch(/correo/);
    expect(await api.say(id, 'juan.perez@example.com')).toMatch(/marca, el modelo y el año/);
    expect(await api.say(id, 'un nissan versa 2019')).toMatch(/ganas al mes/);
    expect(await api.say(id, '25 mil')).toMatch(/otras deudas/);
    const result = await api.say(id, 'ninguna');
    expect(result).toMatch(/Nissan Versa 2019/);
    expect(result).toMatch(/precalificado hasta por \$\d{1,3}(,\d{3})*\.00 MXN a \d+ meses/);
    expect(result).toMatch(/te va a llamar (hoy|mañana|el) /);

    const prisma = api.ana.context.db.prisma;
    const contact = await prisma.contact.findUniqueOrThrow({ where: { phoneE164: '+525512345678' } });
    expect(contact).toMatchObject({ email: 'juan.perez@example.com', firstName: 'Juan' });
    const lead = await prisma.lead.findFirstOrThrow({ where: { contactId: contact.id }, include: { assignedAdvisor: true } });
    expect(lead).toMatchObject({ source: 'ana', channel: 'rest', conversationId: id });
    expect(lead.assignedAdvisor?.name).toBeTruthy();
    expect(result).toContain(lead.assignedAdvisor!.name);
    const opportunity = await prisma.opportunity.findFirstOrThrow({ where: { contactId: contact.id } });
    expect(opportunity.product).toBe('credit');
    expect(opportunity.assignedAdvisorId).toBe(lead.assignedAdvisorId);
    expect(result).toContain(`$${Number(opportunity.amount).toLocaleString('en-US')}.00 MXN`);
    const task = await prisma.task.findFirstOrThrow({ where: { contactId: contact.id } });
    expect(task.assigneeId).toBe(lead.assignedAdvisorId);
    const prequalification = await prisma.prequalification.findFirstOrThrow({ where: { conversationId: id } });
    expect(prequalification.contactId).toBe(contact.id);
  });

  it('keeps an amount and a term said out of turn as the credit wanted, not an investment', async () => {
    const id = await api.start();
    expect(await api.say(id, 'quiero un prestamo')).toMatch(/nombre completo/);
    const amount = await api.say(id, '80 mil');
    expect(amount).toMatch(/Anotado: buscas \$80,000\.00 MXN 👍/);
    expect(amount).toMatch(/nombre completo/);
    const term = await api.say(id, 'a 24 meses');
    expect(term).toMatch(/Anotado: buscas \$80,000\.00 MXN a 24 meses 👍/);
    expect(term).not.toMatch(/invier/i);
    expect(await api.say(id, 'mejor a 18 meses')).toMatch(/Va, lo cambio: el crédito que buscas, \$80,000\.00 MXN a 18 meses/);
    expect(await api.say(id, 'Marta Ruiz')).toMatch(/celular/);
    expect(await api.say(id, '55 2222 3333')).toMatch(/correo/);
    expect(await api.say(id, 'no tengo')).toMatch(/marca, el modelo y el año/);
    expect(await api.say(id, 'nissan versa 2019')).toMatch(/ganas al mes/);
    expect(await api.say(id, '30 mil')).toMatch(/otras deudas/);
    expect(await api.say(id, 'ninguna')).toMatch(/precalificad|revisar tu caso/);

    const prisma = api.ana.context.db.prisma;
    const contact = await prisma.contact.findUniqueOrThrow({ where: { phoneE164: '+525522223333' } });
    const prequalification = await prisma.prequalification.findFirstOrThrow({ where: { conversationId: id } });
    expect(prequalification.inputs).toMatchObject({ requestedAmount: '80000.00', requestedTermMonths: 18 });
    const opportunity = await prisma.opportunity.findFirstOrThrow({ where: { contactId: contact.id } });
    expect(Number(opportunity.amount)).toBe(80_000);
  });

  it('says a correction and a new detail of the credit wanted back once', async () => {
    const id = await api.start();
    await api.say(id, 'quiero un prestamo');
    await api.say(id, '80 mil');
    const both = await api.say(id, 'mejor 90 mil a 24 meses');
    expect(both).toMatch(/Va, lo cambio: el crédito que buscas, \$90,000\.00 MXN a 24 meses 👍/);
    expect(both).not.toMatch(/Anotado/);
  });

  it('skips what the contact already gave, suggests models the guide knows and takes a correction', async () => {
    const id = await api.start({ name: 'Laura', phone: '55 7777 8888' });
    const first = await api.say(id, 'me urge una lana y tengo mi carro pagado');
    expect(first).not.toMatch(/nombre completo|celular/);
    expect(first).toMatch(/correo/);
    expect(await api.say(id, 'no tengo')).toMatch(/marca, el modelo y el año/);
    const unknown = await api.send(id, { text: 'un nissan tsuru 2016' });
    expect(unknown.replies.map((r) => r.text).join('\n')).toMatch(/No encontré el Nissan Tsuru 2016/);
    expect(unknown.replies.at(-1)!.suggestedActions!.map((a) => a.value)).toContain('versa');
    expect(await api.say(id, 'versa')).toMatch(/ganas al mes/);
    expect(await api.say(id, '30 mil')).toMatch(/otras deudas/);
    const corrected = await api.say(id, 'ah y mi correo es laura.m@example.com');
    expect(corrected).toMatch(/Va, lo cambio: tu correo, laura.m@example.com|otras deudas/);
    const result = await api.say(id, '2 mil');
    expect(result).toMatch(/Nissan Versa 2016/);
    expect(result).toMatch(/Laura/);
    const contact = await api.ana.context.db.prisma.contact.findUniqueOrThrow({ where: { phoneE164: '+525577778888' } });
    expect(contact.email).toBe('laura.m@example.com');
    expect(await api.ana.context.db.prisma.lead.count({ where: { contactId: contact.id, source: 'ana' } })).toBe(1);
  });

  it('says plainly why when the application is declined, with no call-back', async () => {
    const id = await api.start({ name: 'Mario', phone: '55 6666 1111', email: 'mario@example.com' });
    await api.say(id, 'quiero solicitar un credito con mi toyota corolla 2018');
    await api.say(id, '6 mil');
    const result = await api.say(id, '5 mil');
    expect(result).toMatch(/no podemos ofrecerte el crédito/);
    expect(result).toMatch(/•/);
    const contact = await api.ana.context.db.prisma.contact.findUniqueOrThrow({ where: { phoneE164: '+525566661111' } });
    expect(await api.ana.context.db.prisma.task.count({ where: { contactId: contact.id } })).toBe(0);
    expect((await api.send(id, { text: 'si' })).conversation.status).toBe('handoff');
  });

  it('can be cancelled in the middle', async () => {
    const id = await api.start();
    await api.say(id, 'quiero solicitar un credito');
    expect(await api.say(id, 'cancelar')).toMatch(/lo dejamos aquí/);
    expect(await api.say(id, 'Juan Pérez')).not.toMatch(/celular/);
  });
});

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
});

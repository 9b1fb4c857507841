// The business services against a real (embedded) Postgres with the seed, at
// a fixed `now`: Wednesday 2025-06-11, 10:30 in Mexico City.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../../prisma/seed/index.ts';
import { loadBusinessConfig } from '../../../services/config/business.ts';
import { listContactLoans, getLoanSummary } from '../../../services/credit/loans.ts';
import { reportPayment } from '../../../services/credit/payments.ts';
import { captureLead } from '../../../services/crm/leads.ts';
import { getTimeline } from '../../../services/crm/timeline.ts';
import { capacityFromPrequalification, expressInterest, searchCatalog } from '../../../services/marketplace/catalog.ts';
import { prequalifyVehicle, VehicleNotInGuideError } from '../../../services/scoring/prequalification.ts';
import { createPiiCipher, generatePiiKey } from '../../../services/security/pii.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.ts';

const NOW = new Date('2025-06-11T16:30:00Z');
const business = loadBusinessConfig();
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDatabase(db.prisma, { pii: createPiiCipher(generatePiiKey()), now: NOW, log: () => {} });
});
afterAll(async () => db?.close());

describe('lead capture', () => {
  it('creates contact, lead with UTM, opportunity, advisor on shift with the skill and a call-back in business hours', async () => {
    const result = await captureLead(
      db.prisma,
      { name: 'Rosa Elena Campos', phone: '55 8765 4321', email: 'Rosa.Campos@Example.com', product: 'investment', amount: '250000', source: 'landing_form', utm: { source: 'facebook', medium: 'cpc', campaign: 'inversion-junio' }, message: 'Quiero invertir' },
      { now: NOW },
    );
    expect(result.contact).toMatchObject({ phoneE164: '+525587654321', email: 'rosa.campos@example.com', firstName: 'Rosa', lastName: 'Elena Campos' });
    expect(result.lead).toMatchObject({ source: 'landing_form', utmSource: 'facebook', utmMedium: 'cpc', utmCampaign: 'inversion-junio', status: 'new' });
    expect(result.opportunity).toMatchObject({ product: 'investment', stage: 'new' });
    expect(result.opportunity.amount?.toString()).toBe('250000');
    // Investment skill: Jorge (09–14, 15–19 Mon–Thu) and Ricardo (Tue–Fri 11–20). At 10:30 only Jorge is on shift.
    expect(result.advisor).toMatchObject({ name: 'Jorge Ramírez', basis: 'on_shift_with_skill' });
    expect(result.task).toMatchObject({ kind: 'callback', assigneeId: result.advisor!.id, status: 'open' });
    expect(result.task!.dueAt.toISOString()).toBe('2025-06-11T18:30:00.000Z');

    const timeline = await getTimeline(db.prisma, result.contact.id);
    expect(timeline.map((e) => e.kind).sort()).toEqual(['lead', 'opportunity']);
    expect(await db.prisma.note.count({ where: { contactId: result.contact.id } })).toBe(1);
  });

  it('recognises the same person on WhatsApp and keeps one opportunity per product', async () => {
    const again = await captureLead(
      db.prisma,
      { phone: '5215587654321@s.whatsapp.net', channel: 'whatsapp', externalId: '5215587654321@s.whatsapp.net', product: 'investment', source: 'ana' },
      { now: NOW },
    );
    expect(again.contact.email).toBe('rosa.campos@example.com');
    expect(await db.prisma.opportunity.count({ where: { contactId: again.contact.id, product: 'investment' } })).toBe(1);
    expect(await db.prisma.lead.count({ where: { contactId: again.contact.id } })).toBe(2);
    expect(again.task).toBeNull(); // the first call-back is still open
    const credit = await captureLead(db.prisma, { phone: '+52 55 8765 4321', product: 'credit', source: 'ana', channel: 'whatsapp' }, { now: NOW });
    expect(credit.opportunity.product).toBe('credit');
    expect(await db.prisma.opportunity.count({ where: { contactId: again.contact.id } })).toBe(2);
    expect(await db.prisma.channelIdentity.count({ where: { contactId: again.contact.id, channel: 'whatsapp' } })).toBe(1);
  });

  it('spreads the load: the next credit lead goes to another on-shift advisor', async () => {
    const first = await captureLead(db.prisma, { phone: '5511110001', product: 'credit', source: 'ana' }, { now: NOW });
    const second = await captureLead(db.prisma, { phone: '5511110002', product: 'credit', source: 'ana' }, { now: NOW });
    expect(first.advisor?.basis).toBe('on_shift_with_skill');
    expect(second.advisor?.id).not.toBe(first.advisor?.id);
  });

  it('rejects a lead without a usable phone or e-mail', async () => {
    await expect(captureLead(db.prisma, { phone: '123', product: 'credit', source: 'ana' }, { now: NOW })).rejects.toThrow(/phone/);
    await expect(captureLead(db.prisma, { name: 'Nadie', product: 'credit', source: 'ana' }, { now: NOW })).rejects.toThrow(/required/);
  });
});

describe('prequalification', () => {
  it('values the car from the guide regardless of case and accents, and stores the decision', async () => {
    const contact = await db.prisma.contact.findUniqueOrThrow({ where: { email: 'rosa.campos@example.com' } });
    const stored = await prequalifyVehicle(
      { prisma: db.prisma, business },
      { brand: 'NISSÁN', model: 'Versa', year: 2019, monthlyIncome: '35000', monthlyDebts: '3000', bureauScore: 720, contactId: contact.id },
      NOW,
    );
    expect(stored.vehicle).toMatchObject({ brand: 'nissan', model: 'versa', year: 2019 });
    expect(stored.decision).toBe('prequalified');
    expect(stored.maxAmount.lte(stored.vehicle.referenceValue.times('0.70'))).toBe(true);
    const row = await db.prisma.prequalification.findUniqueOrThrow({ where: { id: stored.id } });
    expect(row).toMatchObject({ ruleVersion: business.scoring.ruleVersion, grade: 'A', decision: 'prequalified' });
    expect(row.inputs).toMatchObject({ vehicle: { brand: 'nissan', model: 'versa', year: 2019 }, monthlyIncome: '35000.00', bureauScore: 720 });
    expect((await getTimeline(db.prisma, contact.id)).some((e) => e.kind === 'prequalification')).toBe(true);

    const capacity = await capacityFromPrequalification(db.prisma, business, stored.id);
    expect(capacity?.maxMonthlyPayment.toFixed(2)).toBe('9250.00'); // 35 % of 35,000 − 3,000
  });

  it('accepts nicknames and spacing variants', async () => {
    const mazda = await prequalifyVehicle({ prisma: db.prisma, business }, { brand: 'mazda', model: 'Mazda3', year: 2020, monthlyIncome: 40000 }, NOW);
    expect(mazda.vehicle.model).toBe('mazda 3');
    const vw = await prequalifyVehicle({ prisma: db.prisma, business }, { brand: 'VW', model: 'jetta', year: 2020, monthlyIncome: 40000 }, NOW);
    expect(vw.vehicle.brand).toBe('volkswagen');
  });

  it('says clearly when the car is not in the guide', async () => {
    const attempt = prequalifyVehicle({ prisma: db.prisma, business }, { brand: 'nissan', model: 'skyline', year: 2020, monthlyIncome: 40000 }, NOW);
    await expect(attempt).rejects.toBeInstanceOf(VehicleNotInGuideError);
    await expect(attempt).rejects.toThrow(/versa/);
  });
});

describe('loan summaries', () => {
  it('computes a constructed loan by hand', async () => {
    const contact = await db.prisma.contact.create({ data: { phoneE164: '+525599990000' } });
    const installment = { principal: '1000.00', interest: '100.00', vat: '16.00', fees: '34.00', amount: '1150.00' };
    const loan = await db.prisma.loan.create({
      data: {
        contractNumber: 'TEST-0001', contactId: contact.id, principal: '3000.00', monthlyRate: '0.033333', termMonths: 3, scheme: 'decreasing',
        status: 'current', paymentReference: '90000001', clabe: '646180000090000001',
        installments: {
          create: [
            { number: 1, dueDate: new Date('2025-04-15'), ...installment, paidAmount: '1150.00', status: 'paid' },
            { number: 2, dueDate: new Date('2025-05-15'), ...installment },
            { number: 3, dueDate: new Date('2025-06-15'), ...installment, paidAmount: '200.00', status: 'partial' },
          ],
        },
      },
    });
    const summary = (await getLoanSummary(db.prisma, loan.id, { now: NOW }))!;
    expect(summary.status).toBe('overdue');
    expect(summary.overdue).toMatchObject({ days: 27, installments: 1, since: '2025-05-15' });
    expect(summary.overdue.amount.toFixed(2)).toBe('1150.00');
    // 2000 principal − 50 prepaid on #3 (its 150 of charges go first)
    expect(summary.principalOutstanding.toFixed(2)).toBe('1950.00');
    expect(summary.accruedUnpaid.toFixed(2)).toBe('150.00');
    expect(summary.outstandingBalance.toFixed(2)).toBe('2100.00');
    expect(summary.nextPayment).toMatchObject({ number: 3, dueDate: '2025-06-15' });
    expect(summary.nextPayment!.amount.toFixed(2)).toBe('950.00');
    // On the due day itself the installment is due, not yet overdue.
    const onDueDay = (await getLoanSummary(db.prisma, loan.id, { now: new Date('2025-06-15T18:00:00Z') }))!;
    expect(onDueDay.overdue.installments).toBe(1);
    // #3's charges are already covered by its partial payment.
    expect(onDueDay.accruedUnpaid.toFixed(2)).toBe('150.00');
    expect(onDueDay.outstandingBalance.toFixed(2)).toBe('2100.00');
  });

  it('reads the seeded stories: overdue 12 and 45 days, paid off, pending, two loans', async () => {
    const byEmail = async (email: string) => listContactLoans(db.prisma, (await db.prisma.contact.findUniqueOrThrow({ where: { email } })).id, { now: NOW });
    const [eduardo] = await byEmail('eduardo.flores@example.com');
    expect(eduardo).toMatchObject({ status: 'overdue', overdue: { days: 12, installments: 1 }, installmentsPaid: 5 });
    const installments = await db.prisma.installment.findMany({ where: { loanId: eduardo!.loanId }, orderBy: { number: 'asc' } });
    expect(eduardo!.overdue.amount.toFixed(2)).toBe(installments[5]!.amount.toFixed(2));
    const principalLeft = installments.slice(5).reduce((sum, i) => sum + Number(i.principal), 0);
    expect(eduardo!.principalOutstanding.toFixed(2)).toBe(principalLeft.toFixed(2));

    const [karla] = await byEmail('karla.gomez@example.com');
    expect(karla).toMatchObject({ status: 'overdue', overdue: { days: 45 } });
    expect(karla!.overdue.installments).toBeGreaterThanOrEqual(2);

    const [arturo] = await byEmail('arturo.diaz@example.com');
    expect(arturo).toMatchObject({ status: 'paid_off', nextPayment: null });
    expect(arturo!.outstandingBalance.isZero()).toBe(true);

    const [fernando] = await byEmail('fernando.reyes@example.com');
    expect(fernando!.status).toBe('pending');

    const luis = await byEmail('luisfernando.perez@example.com');
    expect(luis.map((l) => l.contractNumber)).toEqual(['CCI-2025-000103', 'CCI-2025-000111']);
    expect(luis.every((l) => l.status === 'current' && l.nextPayment !== null && l.overdue.amount.isZero())).toBe(true);
  });

  it('records a reported payment as pending, with audit and timeline', async () => {
    const loan = await db.prisma.loan.findUniqueOrThrow({ where: { contractNumber: 'CCI-2025-000105' } });
    const payment = await reportPayment(db.prisma, { loanId: loan.id, amount: '5000', paidAt: NOW, method: 'SPEI', reference: 'ABC123', reportedBy: { actorType: 'customer' } }, NOW);
    expect(payment).toMatchObject({ status: 'pending', method: 'spei', reference: 'ABC123' });
    expect(await db.prisma.auditLog.count({ where: { action: 'payment.reported', entityId: payment.id } })).toBe(1);
    await expect(reportPayment(db.prisma, { loanId: loan.id, amount: '-1', paidAt: NOW, method: 'spei', reportedBy: { actorType: 'customer' } }, NOW)).rejects.toThrow(/amount/);
  });
});

describe('marketplace', () => {
  it('filters by brand, years and price, paginates and keeps the total', async () => {
    const all = await searchCatalog(db.prisma, business, { pageSize: 50 }, NOW);
    expect(all.total).toBeGreaterThan(10);
    expect(all.items.every((c, i, a) => i === 0 || a[i - 1]!.price.lte(c.price))).toBe(true);
    const nissan = await searchCatalog(db.prisma, business, { brand: 'NISSAN', yearMin: 2020, yearMax: 2022 }, NOW);
    expect(nissan.total).toBeGreaterThan(0);
    expect(nissan.items.every((c) => c.brand === 'nissan' && c.year >= 2020 && c.year <= 2022)).toBe(true);

    const pages = [1, 2, 3].map((page) => searchCatalog(db.prisma, business, { page, pageSize: 5 }, NOW));
    const ids = (await Promise.all(pages)).flatMap((p) => p.items.map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(all.items.slice(0, 15).map((c) => c.id));
    const first = await pages[0]!;
    expect(first).toMatchObject({ page: 1, pageSize: 5, total: all.total, totalPages: Math.ceil(all.total / 5) });
    await expect(searchCatalog(db.prisma, business, { pageSize: 51 }, NOW)).rejects.toThrow(/pageSize/);
  });

  it('shows only cars within the prequalified capacity, with their financing', async () => {
    const within = await searchCatalog(db.prisma, business, { maxAmount: 250000, maxMonthlyPayment: 9000, pageSize: 50 }, NOW);
    expect(within.total).toBeGreaterThan(0);
    for (const card of within.items) {
      expect(card.price.lte(250000)).toBe(true);
      expect(card.financing!.monthlyPayment.lte(9000)).toBe(true);
      expect(card.financing!.financedAmount.toFixed(2)).toBe(card.price.times('0.8').toFixed(2));
      expect(card.financing!.termMonths).toBe(36);
    }
    const all = await searchCatalog(db.prisma, business, { pageSize: 50 }, NOW);
    expect(within.total).toBeLessThan(all.total);
  });

  it('"me interesa" opens a vehicle opportunity with an advisor', async () => {
    const contact = await db.prisma.contact.findUniqueOrThrow({ where: { email: 'rosa.campos@example.com' } });
    const { items } = await searchCatalog(db.prisma, business, { pageSize: 1 }, NOW);
    const result = await expressInterest(db.prisma, business, { contactId: contact.id, vehicleId: items[0]!.id }, NOW);
    expect(result.opportunity).toMatchObject({ product: 'vehicle', catalogVehicleId: items[0]!.id });
    expect(result.advisor?.name).toMatch(/Mariana López|Ricardo Mendoza/);
    expect((await getTimeline(db.prisma, contact.id)).some((e) => e.kind === 'vehicle_interest')).toBe(true);
  });
});

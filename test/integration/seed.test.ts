import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase, type SeedSummary } from '../../prisma/seed/index.ts';
import { CURP_PATTERN, clabeCheckDigit, curpCheckDigit } from '../../prisma/seed/identity.ts';
import { createPiiCipher, generatePiiKey } from '../../services/security/pii.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

// A fixed "now" keeps every relative date of the seed deterministic.
const NOW = new Date('2025-06-15T16:00:00Z');
const TODAY = new Date('2025-06-15T00:00:00Z');
const DAY_MS = 86_400_000;

let db: TestDatabase;
const pii = createPiiCipher(generatePiiKey());
let first: SeedSummary;

async function tableCounts(): Promise<Record<string, number>> {
  const p = db.prisma;
  return {
    users: await p.user.count(),
    advisorProfiles: await p.advisorProfile.count(),
    priceGuide: await p.vehiclePriceGuide.count(),
    catalog: await p.catalogVehicle.count(),
    contacts: await p.contact.count(),
    vehicles: await p.vehicle.count(),
    loans: await p.loan.count(),
    installments: await p.installment.count(),
    payments: await p.payment.count(),
    investors: await p.investor.count(),
    investments: await p.investment.count(),
    allocations: await p.investmentAllocation.count(),
    settlements: await p.settlement.count(),
  };
}

beforeAll(async () => {
  db = await createTestDatabase();
  first = await seedDatabase(db.prisma, { now: NOW, pii, log: () => {} });
});

afterAll(async () => {
  await db?.close();
});

describe('seedDatabase', () => {
  it('seeds what the summary promises', async () => {
    expect(first).toEqual({ advisors: 4, priceGuide: first.priceGuide, catalogVehicles: 30, customers: 10, loans: 11, investors: 3, investments: 4 });
    expect(first.priceGuide).toBeGreaterThan(250);
    const counts = await tableCounts();
    expect(counts).toMatchObject({ users: 5, advisorProfiles: 4, priceGuide: first.priceGuide, catalog: 30, contacts: 13, vehicles: 11, loans: 11, investors: 3, investments: 4 });
    expect(await db.prisma.user.count({ where: { role: 'advisor', passwordHash: null, email: { endsWith: '@clubcashin.example' } } })).toBe(4);
  });

  it('changes nothing when it runs again', async () => {
    const before = await tableCounts();
    const snapshot = await db.prisma.loan.findMany({ orderBy: { contractNumber: 'asc' }, include: { installments: true, payments: true } });
    const lines: string[] = [];
    const second = await seedDatabase(db.prisma, { now: NOW, pii, log: (line) => lines.push(line) });
    expect(second).toEqual(first);
    expect(await tableCounts()).toEqual(before);
    expect(await db.prisma.loan.findMany({ orderBy: { contractNumber: 'asc' }, include: { installments: true, payments: true } })).toEqual(snapshot);
    expect(lines.length).toBeGreaterThanOrEqual(5);
  });

  it('amortises every disbursed loan exactly and keeps each installment consistent', async () => {
    const loans = await db.prisma.loan.findMany({ include: { installments: { orderBy: { number: 'asc' } } } });
    for (const loan of loans) {
      if (loan.status === 'pending') {
        expect(loan.disbursedAt).toBeNull();
        continue;
      }
      expect(loan.installments).toHaveLength(loan.termMonths);
      const principal = loan.installments.reduce((sum, i) => sum.plus(i.principal.toString()), new Decimal(0));
      expect(principal.toFixed(2), loan.contractNumber).toBe(new Decimal(loan.principal.toString()).toFixed(2));
      for (const i of loan.installments) {
        const parts = new Decimal(i.principal.toString()).plus(i.interest.toString()).plus(i.vat.toString()).plus(i.fees.toString());
        expect(parts.toFixed(2)).toBe(new Decimal(i.amount.toString()).toFixed(2));
        expect(new Decimal(i.vat.toString()).toFixed(2)).toBe(new Decimal(i.interest.toString()).times('0.16').toFixed(2, Decimal.ROUND_HALF_UP));
      }
      expect(loan.disbursedAt!.getTime()).toBeLessThan(NOW.getTime());
      expect(loan.paymentReference).toMatch(/^\d+$/);
      expect(loan.clabe).toMatch(/^\d{18}$/);
      expect(clabeCheckDigit(loan.clabe.slice(0, 17))).toBe(loan.clabe[17]);
    }
  });

  it('tells each loan story relative to now', async () => {
    const loans = await db.prisma.loan.findMany({ include: { installments: { orderBy: { number: 'asc' } }, payments: true } });
    const byStatus = (status: string) => loans.filter((l) => l.status === status);
    expect(byStatus('current').length).toBeGreaterThanOrEqual(4);
    expect(byStatus('paid_off')).toHaveLength(2);
    expect(byStatus('pending')).toHaveLength(1);

    const daysOverdue = byStatus('overdue').map((loan) => {
      const unpaidPastDue = loan.installments.filter((i) => i.status !== 'paid' && i.dueDate < TODAY);
      expect(unpaidPastDue.length).toBeGreaterThan(0);
      expect(unpaidPastDue.every((i) => i.status === 'overdue' && i.paidAt === null)).toBe(true);
      return (TODAY.getTime() - unpaidPastDue[0]!.dueDate.getTime()) / DAY_MS;
    });
    expect(daysOverdue.sort((a, b) => a - b)).toEqual([12, 45]);

    for (const loan of byStatus('current')) {
      expect(loan.installments.filter((i) => i.dueDate < TODAY).every((i) => i.status === 'paid')).toBe(true);
      expect(loan.installments.some((i) => i.status === 'pending')).toBe(true);
    }
    for (const loan of byStatus('paid_off')) expect(loan.installments.every((i) => i.status === 'paid')).toBe(true);

    for (const loan of loans) {
      const paid = loan.installments.filter((i) => i.status === 'paid');
      expect(loan.payments).toHaveLength(paid.length);
      expect(loan.payments.every((p) => p.method === 'spei' && p.status === 'applied' && p.paidAt.getTime() <= NOW.getTime())).toBe(true);
    }

    const owners = await db.prisma.contact.findMany({ where: { loans: { some: {} } }, include: { _count: { select: { loans: true } } } });
    expect(owners.filter((c) => c._count.loans === 2)).toHaveLength(1);
    expect(new Set(loans.map((l) => l.scheme))).toEqual(new Set(['fixed', 'decreasing', 'interest_only']));
  });

  it('stores national ids and birth dates encrypted, and they decrypt to well-formed values', async () => {
    const contacts = await db.prisma.contact.findMany();
    for (const contact of contacts) {
      expect(contact.phoneE164).toMatch(/^\+52\d{10}$/);
      expect(contact.email).toMatch(/@example\.com$/);
      const curp = pii.decrypt(contact.nationalIdEncrypted!);
      expect(contact.nationalIdEncrypted).not.toContain(curp);
      expect(curp).toMatch(CURP_PATTERN);
      expect(curpCheckDigit(curp.slice(0, 17))).toBe(curp[17]);
      expect(contact.nationalIdHash).toBe(pii.lookupHash(curp));
      const birthDate = pii.decrypt(contact.birthDateEncrypted!);
      expect(birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(contact.birthDateEncrypted).not.toContain(birthDate);
    }
  });

  it('spreads every investment over seeded loans without over-funding any', async () => {
    const investments = await db.prisma.investment.findMany({ include: { allocations: true, settlements: true } });
    for (const investment of investments) {
      const allocated = investment.allocations.reduce((sum, a) => sum.plus(a.amount.toString()), new Decimal(0));
      expect(allocated.toFixed(2)).toBe(new Decimal(investment.amount.toString()).toFixed(2));
      expect(investment.status).toBe('active');
      for (const s of investment.settlements) {
        expect(s.periodEnd < TODAY).toBe(true);
        expect(new Decimal(s.grossInterest.toString()).minus(s.isrWithheld.toString()).toFixed(2)).toBe(new Decimal(s.netAmount.toString()).toFixed(2));
      }
    }
    expect(investments.flatMap((i) => i.settlements).length).toBeGreaterThan(0);

    const loans = await db.prisma.loan.findMany({ include: { allocations: true } });
    for (const loan of loans) {
      const funded = loan.allocations.reduce((sum, a) => sum.plus(a.amount.toString()), new Decimal(0));
      expect(funded.lessThanOrEqualTo(loan.principal.toString())).toBe(true);
    }
  });

  it('lends at most three quarters of the pledged car\'s guide value, on an approved application', async () => {
    const loans = await db.prisma.loan.findMany({ include: { vehicle: true, application: true } });
    for (const loan of loans) {
      const ratio = new Decimal(loan.principal.toString()).dividedBy(loan.vehicle!.estimatedValue!.toString());
      expect(ratio.lessThanOrEqualTo('0.75'), loan.contractNumber).toBe(true);
      expect(loan.application).toMatchObject({ status: 'approved', termMonths: loan.termMonths, scheme: loan.scheme });
    }
  });

  it('refreshes the price guide, which is reference data', async () => {
    const where = { brand_model_year: { brand: 'nissan', model: 'march', year: 2020 } };
    const original = await db.prisma.vehiclePriceGuide.findUniqueOrThrow({ where });
    await db.prisma.vehiclePriceGuide.update({ where, data: { referenceValue: '1.00' } });
    await seedDatabase(db.prisma, { now: NOW, pii, log: () => {} });
    expect((await db.prisma.vehiclePriceGuide.findUniqueOrThrow({ where })).referenceValue.toFixed(2)).toBe(original.referenceValue.toFixed(2));
  });

  it('prices the guide by depreciation and the catalog near the guide', async () => {
    const versa = await db.prisma.vehiclePriceGuide.findMany({ where: { brand: 'nissan', model: 'versa' }, orderBy: { year: 'asc' } });
    expect(versa.map((row) => row.year)).toEqual(Array.from({ length: 14 }, (_, i) => 2012 + i));
    const values = versa.map((row) => Number(row.referenceValue));
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeGreaterThan(values[i - 1]!);
    expect(values.every((v) => v % 100 === 0)).toBe(true);

    const catalog = await db.prisma.catalogVehicle.findMany();
    expect(catalog.filter((v) => v.status === 'reserved')).toHaveLength(2);
    expect(catalog.filter((v) => v.status === 'sold')).toHaveLength(1);
    for (const vehicle of catalog) {
      const guide = await db.prisma.vehiclePriceGuide.findUniqueOrThrow({ where: { brand_model_year: { brand: vehicle.brand, model: vehicle.model, year: vehicle.year } } });
      const ratio = Number(vehicle.price) / Number(guide.referenceValue);
      expect(ratio).toBeGreaterThan(0.9);
      expect(ratio).toBeLessThan(1.1);
      expect(vehicle.photos[0]).toMatch(/^\/img\/catalog\/[a-z0-9-]+\.svg$/);
    }
  });
});

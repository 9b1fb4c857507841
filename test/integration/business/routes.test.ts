// The business API end to end through Fastify: validation messages, honeypot,
// rate limits, auth and roles.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessModule } from '../../../app/business-module.ts';
import { startAna, type RunningAna } from '../../../app/start.ts';
import { createApiToken } from '../../../services/auth/tokens.ts';
import { loadConfig } from '../../../services/config/env.ts';

let ana: RunningAna;
let adminToken: string;
let advisorToken: string;
let curatorToken: string;
const outside = { remoteAddress: '203.0.113.7' };

beforeAll(async () => {
  ana = await startAna({
    config: loadConfig({ LOG_LEVEL: 'silent', ANA_DATA_DIR: mkdtempSync(join(tmpdir(), 'ana-business-')) }),
    inMemory: true,
    seed: true,
    listen: false,
    modules: [businessModule],
  });
  const prisma = ana.context.db.prisma;
  adminToken = (await createApiToken(prisma, { name: 'admin', role: 'admin' })).token;
  advisorToken = (await createApiToken(prisma, { name: 'advisor', role: 'advisor' })).token;
  curatorToken = (await createApiToken(prisma, { name: 'curator', role: 'curator' })).token;
});
afterAll(async () => ana?.stop());

const post = (url: string, payload: object, remoteAddress = '198.51.100.1') => ana.app.inject({ method: 'POST', url, payload, remoteAddress });
const staffGet = (url: string, token?: string) => ana.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('simulations', () => {
  it('returns the schedule, totals and CAT with money as two-decimal strings', async () => {
    const response = await post('/v1/simulations/credit', { amount: 100000, termMonths: 12, scheme: 'fixed', monthlyRate: 0.035, startDate: '2025-06-11T16:30:00Z' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.schedule).toHaveLength(12);
    expect(body.schedule[0]).toMatchObject({ n: 1, dueDate: '2025-07-11' });
    for (const field of ['payment', 'interest', 'vat', 'principal', 'fees', 'balance']) expect(body.schedule[0][field]).toMatch(/^\d+\.\d{2}$/);
    expect(body.schedule[11].balance).toBe('0.00');
    expect(body.totals.payment).toMatch(/^\d+\.\d{2}$/);
    expect(Number(body.cat)).toBeGreaterThan(42); // 3.5 % a month is > 42 % a year before fees
  });

  it('says what is wrong: bad amount, unknown scheme, term not offered', async () => {
    const badAmount = await post('/v1/simulations/credit', { amount: -5, termMonths: 12, scheme: 'fixed' });
    expect(badAmount.statusCode).toBe(400);
    expect(badAmount.json().message).toMatch(/amount/);
    const badScheme = await post('/v1/simulations/credit', { amount: 50000, termMonths: 12, scheme: 'balloon' });
    expect(badScheme.statusCode).toBe(400);
    expect(badScheme.json().message).toMatch(/scheme/);
    const badTerm = await post('/v1/simulations/credit', { amount: 50000, termMonths: 13, scheme: 'fixed' });
    expect(badTerm.statusCode).toBe(400);
    expect(badTerm.json()).toMatchObject({ field: 'termMonths', code: 'not_allowed' });
    const tooSmall = await post('/v1/simulations/credit', { amount: 500, termMonths: 12, scheme: 'fixed' });
    expect(tooSmall.json()).toMatchObject({ statusCode: 400, field: 'amount' });
  });

  it('compares the three schemes and both investment modes', async () => {
    const compare = await post('/v1/simulations/credit/compare', { amount: 100000, termMonths: 24 });
    expect(compare.json().schemes.map((s: { scheme: string }) => s.scheme)).toEqual(['fixed', 'decreasing', 'interest_only']);
    const investment = await post('/v1/simulations/investment', { amount: 100000, termMonths: 12 });
    expect(investment.statusCode).toBe(200);
    expect(investment.json().comparison.map((c: { mode: string }) => c.mode)).toEqual(['monthly_payout', 'compound']);
    const one = await post('/v1/simulations/investment', { amount: 100000, termMonths: 12, mode: 'compound' });
    expect(one.json().totals.netInterest).toMatch(/^\d+\.\d{2}$/);
  });
});

describe('prequalification and marketplace', () => {
  it('prequalifies a car from the guide and answers 422 for an unknown one', async () => {
    const ok = await post('/v1/prequalifications', { vehicle: { brand: 'Toyota', model: 'Corolla', year: 2021 }, monthlyIncome: 45000, monthlyDebts: 5000, bureauScore: 690 });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ decision: 'prequalified', grade: 'B', vehicle: { brand: 'toyota', model: 'corolla' } });
    expect(ok.json().maxAmount).toMatch(/^\d+\.00$/);
    const unknown = await post('/v1/prequalifications', { vehicle: { brand: 'Toyota', model: 'Supra', year: 2021 }, monthlyIncome: 45000 });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'vehicle_not_in_guide' });

    const capped = await ana.app.inject({ url: `/v1/marketplace/vehicles?prequalificationId=${ok.json().id}&pageSize=50`, remoteAddress: '198.51.100.2' });
    expect(capped.statusCode).toBe(200);
    for (const card of capped.json().items) expect(Number(card.price)).toBeLessThanOrEqual(Number(ok.json().maxAmount));
  });

  it('lists the catalog paginated and refuses pages over 50', async () => {
    const page = await ana.app.inject({ url: '/v1/marketplace/vehicles?brand=nissan&page=1&pageSize=2' });
    expect(page.json()).toMatchObject({ page: 1, pageSize: 2 });
    expect(page.json().items).toHaveLength(2);
    expect(page.json().items[0]).toMatchObject({ brand: 'nissan', financing: { termMonths: 36 } });
    expect((await ana.app.inject({ url: '/v1/marketplace/vehicles?pageSize=51' })).statusCode).toBe(400);
    expect((await ana.app.inject({ url: '/v1/marketplace/vehicles?yearMin=2023&yearMax=2020' })).json()).toMatchObject({ statusCode: 400, field: 'yearMin' });
  });
});

describe('lead capture', () => {
  const lead = { name: 'Mónica Salas', phone: '55 4444 3322', product: 'credit', amount: 80000, consent: true, utmSource: 'google', utmCampaign: 'auto-empeño' };

  it('stores the lead in the CRM with its advisor', async () => {
    const response = await post('/v1/leads', lead, '198.51.100.10');
    expect(response.statusCode).toBe(202);
    const stored = await ana.context.db.prisma.lead.findFirstOrThrow({ where: { contact: { phoneE164: '+525544443322' } }, include: { opportunities: true } });
    expect(stored).toMatchObject({ source: 'landing_form', utmSource: 'google', utmCampaign: 'auto-empeño' });
    expect(stored.assignedAdvisorId).not.toBeNull();
    expect(stored.opportunities[0]).toMatchObject({ product: 'credit' });
  });

  it('answers a filled honeypot like a success and stores nothing', async () => {
    const response = await post('/v1/leads', { ...lead, phone: '55 4444 9999', website: 'http://spam.example' }, '198.51.100.11');
    expect(response.statusCode).toBe(202);
    expect(await ana.context.db.prisma.contact.count({ where: { phoneE164: '+525544449999' } })).toBe(0);
  });

  it('validates: consent, a phone or an e-mail, a real phone', async () => {
    const noConsent = await post('/v1/leads', { ...lead, consent: false }, '198.51.100.12');
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().message).toMatch(/consent/);
    const { phone: _p, ...noContact } = lead;
    expect((await post('/v1/leads', noContact, '198.51.100.12')).statusCode).toBe(400);
    const badPhone = await post('/v1/leads', { ...lead, phone: '1234567' }, '198.51.100.12');
    expect(badPhone.json()).toMatchObject({ statusCode: 400, field: 'phone' });
  });

  it('rate limits the form per IP', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await post('/v1/leads', { ...lead, phone: `55 3333 000${i}` }, outside.remoteAddress)).statusCode);
    expect(codes).toEqual([202, 202, 202, 202, 202, 429]);
    expect((await post('/v1/leads', { ...lead, phone: '55 3333 0010' }, '198.51.100.99')).statusCode).toBe(202);
  });
});

describe('staff routes', () => {
  it('need a token (401) with the right role (403)', async () => {
    expect((await staffGet('/v1/staff/contacts')).statusCode).toBe(401);
    expect((await staffGet('/v1/staff/contacts', 'ana_not_a_token')).statusCode).toBe(401);
    expect((await staffGet('/v1/staff/contacts', curatorToken)).statusCode).toBe(403);
    expect((await staffGet('/v1/staff/leads', advisorToken)).statusCode).toBe(200);
  });

  it('search contacts, show the timeline, and decrypt PII only for admins', async () => {
    const found = await staffGet('/v1/staff/contacts?q=hernández', advisorToken);
    expect(found.json().items.map((c: { email: string }) => c.email)).toContain('alejandro.hernandez@example.com');
    const id = found.json().items[0].id;
    const asAdvisor = (await staffGet(`/v1/staff/contacts/${id}`, advisorToken)).json();
    expect(asAdvisor.pii).toBeUndefined();
    expect(asAdvisor).not.toHaveProperty('birthDateEncrypted');
    expect(asAdvisor.hasBirthDate).toBe(true);
    expect(Array.isArray(asAdvisor.timeline)).toBe(true);
    const asAdmin = (await staffGet(`/v1/staff/contacts/${id}`, adminToken)).json();
    expect(asAdmin.pii).toMatchObject({ birthDate: '1985-03-14' });
    expect(asAdmin.pii.nationalId).toMatch(/^HEGA850314H/);
    expect(await ana.context.db.prisma.auditLog.count({ where: { action: 'contact.pii.read', entityId: id } })).toBe(1);
    expect((await staffGet('/v1/staff/contacts/00000000-0000-4000-8000-000000000000', adminToken)).statusCode).toBe(404);
    expect((await staffGet('/v1/staff/contacts/not-a-uuid', adminToken)).statusCode).toBe(400);
  });

  it('list opportunities and read a loan with installments and payments', async () => {
    const opportunities = await staffGet('/v1/staff/opportunities?product=credit', advisorToken);
    expect(opportunities.json().items.every((o: { product: string }) => o.product === 'credit')).toBe(true);
    const loan = await ana.context.db.prisma.loan.findUniqueOrThrow({ where: { contractNumber: 'CCI-2025-000105' } });
    const body = (await staffGet(`/v1/staff/loans/${loan.id}`, advisorToken)).json();
    expect(body).toMatchObject({ contractNumber: 'CCI-2025-000105', status: 'overdue', overdue: { days: 12 } });
    expect(body.outstandingBalance).toMatch(/^\d+\.\d{2}$/);
    expect(body.installments).toHaveLength(24);
  });
});

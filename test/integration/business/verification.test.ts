// Loan data is disclosed only to a verified conversation, and verification
// cannot be bypassed: wrong WhatsApp number, guessing, someone else's contract.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../../prisma/seed/index.ts';
import {
  loanForConversation,
  loansForConversation,
  normalizeBirthDate,
  verifyByContract,
  verifyBySenderPhone,
  type VerificationDeps,
} from '../../../services/credit/verification.ts';
import { createPiiCipher, generatePiiKey } from '../../../services/security/pii.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.ts';

const NOW = new Date('2025-06-11T16:30:00Z');
const minutesLater = (m: number) => new Date(NOW.getTime() + m * 60_000);
let db: TestDatabase;
let deps: VerificationDeps;

beforeAll(async () => {
  db = await createTestDatabase();
  const pii = createPiiCipher(generatePiiKey());
  await seedDatabase(db.prisma, { pii, now: NOW, log: () => {} });
  deps = { prisma: db.prisma, pii };
});
afterAll(async () => db?.close());

async function whatsappConversation(jid: string): Promise<string> {
  const identity = await db.prisma.channelIdentity.create({ data: { channel: 'whatsapp', externalId: jid } });
  const conversation = await db.prisma.conversation.create({ data: { channel: 'whatsapp', externalId: `wa-${jid}`, channelIdentityId: identity.id } });
  return conversation.id;
}

async function webConversation(id: string): Promise<string> {
  return (await db.prisma.conversation.create({ data: { channel: 'webchat', externalId: id } })).id;
}

describe('birth dates as customers write them', () => {
  it.each([
    ['14/03/1985', '1985-03-14'],
    ['14-3-85', '1985-03-14'],
    ['14 de marzo de 1985', '1985-03-14'],
    ['14 DE MARZO DEL 1985', '1985-03-14'],
    ['14 mar 1985', '1985-03-14'],
    ['14/mar/1985', '1985-03-14'],
    ['1985-03-14', '1985-03-14'],
    ['2 de julio de 1978', '1978-07-02'],
    ['17/01/05', '2005-01-17'],
  ])('%s → %s', (text, iso) => expect(normalizeBirthDate(text, NOW)).toBe(iso));

  it.each(['31/02/1985', '03/14/1985', 'ayer', '14 de marzzo de 1985', ''])('%s is not a date', (text) => expect(normalizeBirthDate(text, NOW)).toBeNull());
});

describe('identity verification', () => {
  it('WhatsApp: the sender number of a borrower verifies and discloses only their loans', async () => {
    const conversationId = await whatsappConversation('5218150000103@s.whatsapp.net'); // Luis Fernando, two loans
    expect(await loansForConversation(deps, { conversationId, now: NOW })).toEqual({ status: 'not_verified' });
    const outcome = await verifyBySenderPhone(deps, { conversationId, now: NOW });
    expect(outcome).toMatchObject({ status: 'verified', method: 'whatsapp_number' });
    const disclosed = await loansForConversation(deps, { conversationId, now: NOW });
    expect(disclosed.status).toBe('ok');
    if (disclosed.status === 'ok') expect(disclosed.loans.map((l) => l.contractNumber)).toEqual(['CCI-2025-000103', 'CCI-2025-000111']);
    // Someone else's contract is not reachable from this verified conversation.
    expect(await loanForConversation(deps, { conversationId, loan: { contractNumber: 'CCI-2025-000101' }, now: NOW })).toEqual({ status: 'not_found' });
    const own = await loanForConversation(deps, { conversationId, loan: { contractNumber: 'cci-2025-000111' }, now: NOW });
    expect(own.status === 'ok' && own.payment.clabe).toMatch(/^646180\d{12}$/);
    // The verification expires.
    expect(await loansForConversation(deps, { conversationId, now: minutesLater(31) })).toEqual({ status: 'not_verified' });
  });

  it('WhatsApp: an unknown number must use the second factor', async () => {
    const conversationId = await whatsappConversation('5215500000000@s.whatsapp.net');
    expect(await verifyBySenderPhone(deps, { conversationId, now: NOW })).toEqual({ status: 'needs_second_factor' });
    expect(await loansForConversation(deps, { conversationId, now: NOW })).toEqual({ status: 'not_verified' });
    // Not a guess: the second factor still has its three tries.
    expect(await verifyByContract(deps, { conversationId, contractNumber: 'CCI-2025-000102', birthDate: '01/01/1990', now: NOW })).toEqual({ status: 'failed', attemptsLeft: 2 });
  });

  it('a borrower\'s number claimed on web chat does not verify', async () => {
    const conversationId = await webConversation('web-claims-whatsapp');
    // The conversation row says web chat, whatever the caller claims.
    expect(await verifyBySenderPhone(deps, { conversationId, channel: 'whatsapp', senderId: '+528150000103', now: NOW })).toEqual({ status: 'needs_second_factor' });
    expect(await loansForConversation(deps, { conversationId, now: NOW })).toEqual({ status: 'not_verified' });
  });

  it('contract + birth date verifies, in any usual format', async () => {
    const conversationId = await webConversation('web-alejandro');
    const outcome = await verifyByContract(deps, { conversationId, contractNumber: 'cci 2025 000101', birthDate: '14 de marzo de 1985', now: NOW });
    expect(outcome).toMatchObject({ status: 'verified', method: 'contract_birthdate' });
    const disclosed = await loansForConversation(deps, { conversationId, now: NOW });
    expect(disclosed.status === 'ok' && disclosed.loans.map((l) => l.contractNumber)).toEqual(['CCI-2025-000101']);
  });

  it('another customer\'s contract with your own birth date fails', async () => {
    const conversationId = await webConversation('web-impostor');
    // Guadalupe's birth date (1990-12-12) against Alejandro's contract.
    const outcome = await verifyByContract(deps, { conversationId, contractNumber: 'CCI-2025-000101', birthDate: '12/12/1990', now: NOW });
    expect(outcome).toEqual({ status: 'failed', attemptsLeft: 2 });
    expect(await loansForConversation(deps, { conversationId, now: NOW })).toEqual({ status: 'not_verified' });
  });

  it('guessing locks the conversation after three failures, even with the right answer, and it is audited without PII', async () => {
    const conversationId = await webConversation('web-guesser');
    const guess = (birthDate: string, minute: number, contractNumber = 'CCI-2025-000104') =>
      verifyByContract(deps, { conversationId, contractNumber, birthDate, now: minutesLater(minute) });
    expect(await guess('01/01/1980', 0)).toEqual({ status: 'failed', attemptsLeft: 2 });
    // An unknown contract fails the same way: no hint about which contracts exist.
    expect(await guess('01/01/1980', 1, 'CCI-2099-999999')).toEqual({ status: 'failed', attemptsLeft: 1 });
    // An unreadable date is not counted.
    expect(await guess('no me acuerdo', 2)).toEqual({ status: 'invalid_birth_date' });
    const third = await guess('02/01/1980', 3);
    expect(third.status).toBe('locked');
    const right = await guess('21/05/1988', 4);
    expect(right).toMatchObject({ status: 'locked' });
    expect(right.status === 'locked' && right.until.toISOString()).toBe(minutesLater(33).toISOString());
    expect(await loansForConversation(deps, { conversationId, now: minutesLater(4) })).toEqual({ status: 'not_verified' });
    // After the lock the right answer works.
    expect(await guess('21/05/1988', 34)).toMatchObject({ status: 'verified' });

    const attempts = await db.prisma.identityVerificationAttempt.findMany({ where: { conversationId } });
    expect(attempts.length).toBe(5);
    const audits = await db.prisma.auditLog.findMany({ where: { entity: 'conversation', entityId: conversationId } });
    expect(audits.map((a) => a.action).sort()).toEqual([
      'identity.verification.failed',
      'identity.verification.failed',
      'identity.verification.failed',
      'identity.verification.refused_locked',
      'identity.verification.succeeded',
    ]);
    const text = JSON.stringify(audits);
    expect(text).not.toMatch(/1988|1980|CCI-2025-000104|\+52/);
  });

  it('the lock follows the contract into a new conversation', async () => {
    const target = 'CCI-2025-000110'; // Adriana, born 1979-02-03
    for (let i = 0; i < 3; i++) {
      const conversationId = await webConversation(`web-rotating-${i}`);
      await verifyByContract(deps, { conversationId, contractNumber: target, birthDate: `0${i + 1}/01/1970`, now: minutesLater(i) });
    }
    const fresh = await webConversation('web-rotating-fresh');
    expect(await verifyByContract(deps, { conversationId: fresh, contractNumber: target, birthDate: '03/02/1979', now: minutesLater(5) })).toMatchObject({ status: 'locked' });
    expect(await verifyByContract(deps, { conversationId: fresh, contractNumber: target, birthDate: '03/02/1979', now: minutesLater(40) })).toMatchObject({ status: 'verified' });
  });
});

/**
 * Identity verification before any loan is disclosed to a customer.
 *
 * Two ways to prove who you are:
 * - WhatsApp: the number WhatsApp itself reports for the conversation (the
 *   channel identity, never a number typed in the chat) equals the phone of a
 *   borrower. That grants that borrower's loans.
 * - Anywhere else, or when the number does not match: the contract number and
 *   the date of birth of that contract's holder (compared with the decrypted
 *   `birthDateEncrypted`). That grants the holder's loans.
 *
 * Guessing is bounded: `maxFailures` failed attempts within `failureWindowMinutes`
 * lock the lookup for `lockMinutes`, for the conversation and, separately,
 * for the targeted borrower (so switching conversations does not reset the
 * count against one contract). An unknown contract fails exactly like a wrong
 * date, so the answers do not reveal which contracts exist. A date we cannot
 * read is not an attempt: we just ask again.
 *
 * Every attempt is an IdentityVerificationAttempt row and an AuditLog entry
 * without personal data. A verification lasts `verifiedForMinutes`; the loan
 * functions below check it themselves, so no caller can skip it.
 */
import { audit } from '../audit/audit.ts';
import type { PrismaClient } from '../db/database.ts';
import type { Channel } from '../db/generated/client.ts';
import type { PiiCipher } from '../security/pii.ts';
import { toE164 } from '../crm/phone.ts';
import { listContactLoans, type LoanSummary } from './loans.ts';
import { DEFAULT_PAYMENT_SETTINGS, paymentInstructions, type PaymentInstructions, type PaymentSettings } from './payments.ts';

export interface VerificationSettings {
  maxFailures: number;
  failureWindowMinutes: number;
  lockMinutes: number;
  verifiedForMinutes: number;
}

export const DEFAULT_VERIFICATION_SETTINGS: VerificationSettings = {
  maxFailures: 3,
  failureWindowMinutes: 30,
  lockMinutes: 30,
  verifiedForMinutes: 30,
};

export interface VerificationDeps {
  prisma: PrismaClient;
  pii: PiiCipher;
  timeZone?: string;
  settings?: Partial<VerificationSettings>;
  payments?: PaymentSettings;
}

export type VerificationMethod = 'whatsapp_number' | 'contract_birthdate';

export type VerificationOutcome =
  | { status: 'verified'; contactId: string; method: VerificationMethod }
  /** The WhatsApp number is not a borrower's (or this is not WhatsApp): ask for contract + birth date. */
  | { status: 'needs_second_factor' }
  /** We could not read the date; nothing was counted. */
  | { status: 'invalid_birth_date' }
  | { status: 'failed'; attemptsLeft: number }
  | { status: 'locked'; until: Date };

/** Refused while locked: recorded and audited, but not counted as a guess. */
const LOCKED = 'locked';
const MINUTE = 60_000;

function settingsOf(deps: VerificationDeps): VerificationSettings {
  return { ...DEFAULT_VERIFICATION_SETTINGS, ...deps.settings };
}

// ─── Birth dates ─────────────────────────────────────────────────────

const MONTHS: Record<string, number> = {
  enero: 1, ene: 1, febrero: 2, feb: 2, marzo: 3, mar: 3, abril: 4, abr: 4, mayo: 5, may: 5, junio: 6, jun: 6,
  julio: 7, jul: 7, agosto: 8, ago: 8, septiembre: 9, setiembre: 9, sept: 9, sep: 9, set: 9,
  octubre: 10, oct: 10, noviembre: 11, nov: 11, diciembre: 12, dic: 12,
};

function validIso(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "85" → 1985, "05" → 2005: nobody with a loan was born in the future. */
function fullYear(text: string, now: Date): number {
  const year = Number(text);
  if (text.length !== 2) return year;
  const century = now.getUTCFullYear() % 100;
  return year > century ? 1900 + year : 2000 + year;
}

/**
 * A date of birth as customers write it, to ISO "YYYY-MM-DD", or null.
 * Day first, as in Mexico: "12/03/1985", "12-03-85", "12.3.1985",
 * "12 de marzo de 1985", "12 marzo 85", "12/mar/1985"; also ISO "1985-03-12".
 */
export function normalizeBirthDate(text: string, now = new Date()): string | null {
  const clean = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(clean);
  if (m) return validIso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{2}|\d{4})$/.exec(clean);
  if (m) return validIso(fullYear(m[3]!, now), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\s*(?:de\s+|[-/.\s])\s*([a-z]+)\.?\s*(?:de(?:l)?\s+|[-/.,\s])\s*(\d{2}|\d{4})$/.exec(clean);
  if (m && MONTHS[m[2]!]) return validIso(fullYear(m[3]!, now), MONTHS[m[2]!]!, Number(m[1]));
  return null;
}

// ─── Attempts and locks ──────────────────────────────────────────────

async function lockedUntil(deps: VerificationDeps, where: { conversationId: string } | { contactId: string }, now: Date): Promise<Date | null> {
  const s = settingsOf(deps);
  const failures = await deps.prisma.identityVerificationAttempt.findMany({
    where: { ...where, success: false, method: 'contract_birthdate', createdAt: { gt: new Date(now.getTime() - (s.failureWindowMinutes + s.lockMinutes) * MINUTE), lte: now } },
    orderBy: { createdAt: 'asc' },
    select: { createdAt: true },
  });
  // Any run of maxFailures failures within the window locks from its last one.
  let until: Date | null = null;
  for (let last = s.maxFailures - 1; last < failures.length; last++) {
    const first = failures[last - s.maxFailures + 1]!.createdAt;
    const end = failures[last]!.createdAt;
    if (end.getTime() - first.getTime() <= s.failureWindowMinutes * MINUTE) {
      const candidate = new Date(end.getTime() + s.lockMinutes * MINUTE);
      if (candidate > now && (!until || candidate > until)) until = candidate;
    }
  }
  return until;
}

async function recentFailures(deps: VerificationDeps, conversationId: string, now: Date): Promise<number> {
  const s = settingsOf(deps);
  return deps.prisma.identityVerificationAttempt.count({
    where: { conversationId, success: false, method: 'contract_birthdate', createdAt: { gt: new Date(now.getTime() - s.failureWindowMinutes * MINUTE), lte: now } },
  });
}

async function record(
  deps: VerificationDeps,
  attempt: { conversationId: string; contactId: string | null; method: VerificationMethod | typeof LOCKED; success: boolean; now: Date; detail: Record<string, unknown> },
): Promise<void> {
  await deps.prisma.identityVerificationAttempt.create({
    data: { conversationId: attempt.conversationId, contactId: attempt.contactId, method: attempt.method, success: attempt.success, createdAt: attempt.now },
  });
  const action = attempt.method === LOCKED ? 'identity.verification.refused_locked' : attempt.success ? 'identity.verification.succeeded' : 'identity.verification.failed';
  await audit(deps.prisma, {
    actorType: 'customer',
    action,
    entity: 'conversation',
    entityId: attempt.conversationId,
    after: { method: attempt.method, ...attempt.detail },
  });
}

// ─── Verifying ───────────────────────────────────────────────────────

export interface SenderCheck {
  conversationId: string;
  /** As the channel adapter reported it (activity.channelId / from.id); used when the conversation row does not say. */
  channel?: Channel;
  senderId?: string;
  now?: Date;
}

/**
 * WhatsApp only: the sender's number, as WhatsApp reports it, must be a
 * borrower's phone. The conversation row, when it exists, is the authority on
 * channel and sender.
 */
export async function verifyBySenderPhone(deps: VerificationDeps, check: SenderCheck): Promise<VerificationOutcome> {
  const now = check.now ?? new Date();
  const conversation = await deps.prisma.conversation.findUnique({ where: { id: check.conversationId }, include: { channelIdentity: true } });
  const channel = conversation?.channel ?? check.channel;
  const senderId = conversation ? conversation.channelIdentity?.externalId : check.senderId;
  if (channel !== 'whatsapp' || !senderId) return { status: 'needs_second_factor' };
  const phoneE164 = toE164(senderId);
  const contact = phoneE164 ? await deps.prisma.contact.findUnique({ where: { phoneE164 }, select: { id: true, _count: { select: { loans: true } } } }) : null;
  const success = !!contact && contact._count.loans > 0;
  await record(deps, { conversationId: check.conversationId, contactId: success ? contact.id : null, method: 'whatsapp_number', success, now, detail: {} });
  return success ? { status: 'verified', contactId: contact.id, method: 'whatsapp_number' } : { status: 'needs_second_factor' };
}

export interface ContractCheck {
  conversationId: string;
  contractNumber: string;
  birthDate: string;
  now?: Date;
}

/** "cci 2025 000101", "CCI-2025-000101" or the payment reference "2025000101". */
async function findLoanByContract(prisma: PrismaClient, text: string) {
  const compact = text.trim().toUpperCase().replace(/\s+/g, '');
  if (!compact || compact.length > 40) return null;
  const dashed = /^([A-Z]+)-?(\d{4})-?(\d+)$/.exec(compact);
  const candidates = [compact, dashed ? `${dashed[1]}-${dashed[2]}-${dashed[3]}` : compact];
  const byNumber = await prisma.loan.findFirst({ where: { contractNumber: { in: candidates } }, select: { id: true, contactId: true } });
  if (byNumber) return byNumber;
  const digits = compact.replace(/\D/g, '');
  return digits.length >= 6 ? prisma.loan.findFirst({ where: { paymentReference: digits }, select: { id: true, contactId: true } }) : null;
}

export async function verifyByContract(deps: VerificationDeps, check: ContractCheck): Promise<VerificationOutcome> {
  const now = check.now ?? new Date();
  const s = settingsOf(deps);
  const conversationLock = await lockedUntil(deps, { conversationId: check.conversationId }, now);
  const loan = await findLoanByContract(deps.prisma, check.contractNumber);
  const contractLock = loan ? await lockedUntil(deps, { contactId: loan.contactId }, now) : null;
  const until = [conversationLock, contractLock].filter((d): d is Date => d !== null).sort((a, b) => b.getTime() - a.getTime())[0];
  if (until) {
    await record(deps, { conversationId: check.conversationId, contactId: null, method: LOCKED, success: false, now, detail: { lockedUntil: until.toISOString() } });
    return { status: 'locked', until };
  }

  const given = normalizeBirthDate(check.birthDate, now);
  if (!given) return { status: 'invalid_birth_date' };

  let success = false;
  if (loan) {
    const contact = await deps.prisma.contact.findUnique({ where: { id: loan.contactId }, select: { birthDateEncrypted: true } });
    const stored = contact?.birthDateEncrypted ? normalizeBirthDate(deps.pii.decrypt(contact.birthDateEncrypted), now) : null;
    success = stored !== null && stored === given;
  }
  // A failure is charged to the targeted borrower too, so the lock follows the contract.
  await record(deps, {
    conversationId: check.conversationId,
    contactId: loan?.contactId ?? null,
    method: 'contract_birthdate',
    success,
    now,
    detail: success ? {} : { contractKnown: loan !== null },
  });
  if (success) return { status: 'verified', contactId: loan!.contactId, method: 'contract_birthdate' };

  const lockedNow = (await lockedUntil(deps, { conversationId: check.conversationId }, now)) ?? (loan ? await lockedUntil(deps, { contactId: loan.contactId }, now) : null);
  if (lockedNow) return { status: 'locked', until: lockedNow };
  return { status: 'failed', attemptsLeft: Math.max(s.maxFailures - (await recentFailures(deps, check.conversationId, now)), 0) };
}

/** The contact this conversation proved to be, while the verification lasts; else null. */
export async function verifiedContactId(deps: VerificationDeps, conversationId: string, now = new Date()): Promise<string | null> {
  const s = settingsOf(deps);
  const success = await deps.prisma.identityVerificationAttempt.findFirst({
    where: { conversationId, success: true, contactId: { not: null }, createdAt: { gt: new Date(now.getTime() - s.verifiedForMinutes * MINUTE), lte: now } },
    orderBy: { createdAt: 'desc' },
  });
  return success?.contactId ?? null;
}

// ─── Disclosure: only through a verified conversation ────────────────

export type Disclosure<T> = { status: 'not_verified' } | { status: 'not_found' } | ({ status: 'ok'; contactId: string } & T);

/** All loans of the verified contact (several → the bot lets the customer choose). */
export async function loansForConversation(
  deps: VerificationDeps,
  args: { conversationId: string; now?: Date },
): Promise<Disclosure<{ loans: LoanSummary[] }>> {
  const now = args.now ?? new Date();
  const contactId = await verifiedContactId(deps, args.conversationId, now);
  if (!contactId) return { status: 'not_verified' };
  const loans = await listContactLoans(deps.prisma, contactId, { now, timeZone: deps.timeZone });
  return { status: 'ok', contactId, loans };
}

/** One loan, by id or contract number, if it belongs to the verified contact. */
export async function loanForConversation(
  deps: VerificationDeps,
  args: { conversationId: string; loan: { id: string } | { contractNumber: string }; now?: Date },
): Promise<Disclosure<{ loan: LoanSummary; payment: PaymentInstructions }>> {
  const now = args.now ?? new Date();
  const contactId = await verifiedContactId(deps, args.conversationId, now);
  if (!contactId) return { status: 'not_verified' };
  const row = await deps.prisma.loan.findFirst({
    where: { contactId, ...('id' in args.loan ? { id: args.loan.id } : { contractNumber: args.loan.contractNumber.trim().toUpperCase() }) },
  });
  if (!row) return { status: 'not_found' };
  const loans = await listContactLoans(deps.prisma, contactId, { now, timeZone: deps.timeZone });
  const loan = loans.find((l) => l.loanId === row.id)!;
  return { status: 'ok', contactId, loan, payment: paymentInstructions(row, deps.payments ?? DEFAULT_PAYMENT_SETTINGS) };
}

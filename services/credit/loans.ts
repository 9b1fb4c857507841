/**
 * Where a loan stands on a given day — what Ana tells a (verified) customer
 * and what staff see: status, outstanding balance, next payment, overdue
 * amount and days. Figures come from the installments and an explicit `now`
 * (the business day is taken in the business time zone), never from the
 * loan's stored status alone, which a nightly job may not have refreshed yet.
 *
 * - An installment is *due* from its due date on, and *overdue* from the day
 *   after, while any of it is unpaid.
 * - Outstanding balance = principal still owed on installments not yet due
 *   + everything unpaid on installments already due (principal, interest, VAT
 *   and fees accrued). A prepayment on a future installment first covers its
 *   charges, then its principal.
 * - Days overdue count from the oldest unpaid overdue installment.
 *
 * This module does not check who is asking: the customer-facing entry points
 * live in verification.ts, which only hands out loans of a verified contact.
 */
import type { PrismaClient } from '../db/database.ts';
import type { Installment, Loan, LoanStatus } from '../db/generated/client.ts';
import { localDate, isoDate } from './dates.ts';
import { Decimal, ZERO, moneyString } from './money.ts';

type LoanRow = Pick<Loan, 'id' | 'contractNumber' | 'contactId' | 'principal' | 'status' | 'termMonths' | 'scheme' | 'paymentReference' | 'disbursedAt'>;
type InstallmentRow = Pick<Installment, 'number' | 'dueDate' | 'principal' | 'interest' | 'vat' | 'fees' | 'amount' | 'paidAmount'>;

export interface LoanSummary {
  loanId: string;
  contractNumber: string;
  contactId: string;
  /** Effective status on `asOf`: a current loan with unpaid past-due installments is overdue. */
  status: LoanStatus;
  principal: Decimal;
  /** Principal not yet repaid (including that of overdue installments). */
  principalOutstanding: Decimal;
  /** Unpaid interest, VAT and fees of installments already due. */
  accruedUnpaid: Decimal;
  /** What settles the loan today: principal outstanding + accrued unpaid. */
  outstandingBalance: Decimal;
  nextPayment: { number: number; dueDate: string; amount: Decimal } | null;
  overdue: { amount: Decimal; days: number; installments: number; since: string | null };
  installmentsPaid: number;
  installmentsTotal: number;
  termMonths: number;
  scheme: Loan['scheme'];
  paymentReference: string;
  vehicle: { brand: string; model: string; year: number } | null;
  /** The business day the figures are computed for (YYYY-MM-DD). */
  asOf: string;
}

const dec = (value: { toString(): string }): Decimal => new Decimal(value.toString());

function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

export function summarizeLoan(
  loan: LoanRow,
  installments: InstallmentRow[],
  now: Date,
  timeZone: string,
  vehicle: LoanSummary['vehicle'] = null,
): LoanSummary {
  const today = isoDate(localDate(now, timeZone));
  const sorted = [...installments].sort((a, b) => a.number - b.number);
  let principalOutstanding = ZERO;
  let accruedUnpaid = ZERO;
  let overdueAmount = ZERO;
  let overdueCount = 0;
  let overdueSince: string | null = null;
  let installmentsPaid = 0;
  let nextPayment: LoanSummary['nextPayment'] = null;

  for (const installment of sorted) {
    const dueDate = installment.dueDate.toISOString().slice(0, 10);
    const amount = dec(installment.amount);
    const paid = Decimal.min(dec(installment.paidAmount), amount);
    const unpaid = amount.minus(paid);
    if (unpaid.lte(0)) {
      installmentsPaid++;
      continue;
    }
    const principal = dec(installment.principal);
    const charges = amount.minus(principal);
    // Payments cover charges first, then principal.
    const principalPaid = Decimal.max(paid.minus(charges), ZERO);
    const principalUnpaid = principal.minus(principalPaid);
    principalOutstanding = principalOutstanding.plus(principalUnpaid);
    if (dueDate <= today) accruedUnpaid = accruedUnpaid.plus(unpaid.minus(principalUnpaid));
    if (dueDate < today) {
      overdueAmount = overdueAmount.plus(unpaid);
      overdueCount++;
      overdueSince ??= dueDate;
    } else if (!nextPayment) {
      nextPayment = { number: installment.number, dueDate, amount: unpaid };
    }
  }

  const settled = loan.status === 'paid_off' || loan.status === 'cancelled';
  let status: LoanStatus = loan.status;
  if (loan.status === 'current' || loan.status === 'overdue') status = overdueCount > 0 ? 'overdue' : 'current';
  if (settled) {
    principalOutstanding = ZERO;
    accruedUnpaid = ZERO;
    nextPayment = null;
  }
  return {
    loanId: loan.id,
    contractNumber: loan.contractNumber,
    contactId: loan.contactId,
    status,
    principal: dec(loan.principal),
    principalOutstanding,
    accruedUnpaid,
    outstandingBalance: principalOutstanding.plus(accruedUnpaid),
    nextPayment,
    overdue: settled
      ? { amount: ZERO, days: 0, installments: 0, since: null }
      : { amount: overdueAmount, days: overdueSince ? daysBetween(overdueSince, today) : 0, installments: overdueCount, since: overdueSince },
    installmentsPaid,
    installmentsTotal: sorted.length,
    termMonths: loan.termMonths,
    scheme: loan.scheme,
    paymentReference: loan.paymentReference,
    vehicle,
    asOf: today,
  };
}

export interface LoanQueryOptions {
  now?: Date;
  timeZone?: string;
}

const loanInclude = {
  installments: true,
  vehicle: { select: { brand: true, model: true, year: true } },
} as const;

export async function getLoanSummary(prisma: PrismaClient, loanId: string, options: LoanQueryOptions = {}): Promise<LoanSummary | null> {
  const loan = await prisma.loan.findUnique({ where: { id: loanId }, include: loanInclude });
  if (!loan) return null;
  return summarizeLoan(loan, loan.installments, options.now ?? new Date(), options.timeZone ?? 'America/Mexico_City', loan.vehicle);
}

/** The contact's loans, active ones first (overdue, current, pending), then settled ones. */
export async function listContactLoans(prisma: PrismaClient, contactId: string, options: LoanQueryOptions = {}): Promise<LoanSummary[]> {
  const loans = await prisma.loan.findMany({ where: { contactId }, include: loanInclude, orderBy: { createdAt: 'asc' } });
  const order: Record<LoanStatus, number> = { overdue: 0, current: 1, pending: 2, defaulted: 3, paid_off: 4, cancelled: 5 };
  return loans
    .map((loan) => summarizeLoan(loan, loan.installments, options.now ?? new Date(), options.timeZone ?? 'America/Mexico_City', loan.vehicle))
    .sort((a, b) => order[a.status] - order[b.status] || a.contractNumber.localeCompare(b.contractNumber));
}

/** API form: money as strings with two decimals. */
export function serializeLoanSummary(summary: LoanSummary) {
  return {
    ...summary,
    principal: moneyString(summary.principal),
    principalOutstanding: moneyString(summary.principalOutstanding),
    accruedUnpaid: moneyString(summary.accruedUnpaid),
    outstandingBalance: moneyString(summary.outstandingBalance),
    nextPayment: summary.nextPayment ? { ...summary.nextPayment, amount: moneyString(summary.nextPayment.amount) } : null,
    overdue: { ...summary.overdue, amount: moneyString(summary.overdue.amount) },
  };
}

// Turns the stories in the data files into concrete rows for a given `today`:
// when a loan was disbursed, its schedule, which installments are paid (and
// when), and which investor payouts have already happened. Pure functions, so
// the same `now` always gives the same rows.
import { Decimal } from 'decimal.js';
import {
  addDays,
  addMonths,
  businessHour,
  compareDates,
  disbursementForDueDate,
  monthlyDueDates,
  type CalendarDate,
} from './calendar.ts';
import type { SeedLoan } from './customers.ts';
import type { SeedInvestment } from './investors.ts';
import { buildSchedule, cents, type ScheduledInstallment } from './schedule.ts';

/** Mirrors the defaults of services/config/business.ts at the time of writing. */
export const SEED_LOAN_TERMS = {
  vatRate: new Decimal('0.16'),
  /** GPS tracking of the pledged car, in every installment. */
  monthlyGpsFee: new Decimal('299.00'),
  openingFeeRate: new Decimal('0.03'),
};
/** Provisional ISR withholding: a yearly rate on the invested capital, withheld monthly. */
export const SEED_ISR_ANNUAL_RATE = new Decimal('0.005');

export type LoanStatus = 'pending' | 'current' | 'overdue' | 'paid_off';
export type InstallmentStatus = 'pending' | 'paid' | 'overdue';

export interface PlannedInstallment extends ScheduledInstallment {
  dueDate: CalendarDate;
  status: InstallmentStatus;
  paidAt: Date | null;
}

export interface LoanPlan {
  status: LoanStatus;
  disbursedAt: Date | null;
  openingFee: Decimal;
  /** Empty while the loan is pending: the schedule starts on the disbursement day. */
  installments: PlannedInstallment[];
}

export function planLoan(loan: SeedLoan, today: CalendarDate): LoanPlan {
  const principal = new Decimal(loan.principal);
  const openingFee = cents(principal.times(SEED_LOAN_TERMS.openingFeeRate));
  const story = loan.story;
  if (story.kind === 'pending') return { status: 'pending', disbursedAt: null, openingFee, installments: [] };

  let disbursed: CalendarDate;
  let firstUnpaid = Number.POSITIVE_INFINITY;
  if (story.kind === 'current') disbursed = addDays(addMonths(today, -story.monthsAgo), -story.daysAgo);
  else if (story.kind === 'paid_off') disbursed = addMonths(today, -story.monthsAgo);
  else {
    const placed = disbursementForDueDate(addDays(today, -story.daysOverdue), story.installmentsPaid + 1);
    disbursed = placed.disbursed;
    firstUnpaid = placed.number;
  }

  const schedule = buildSchedule({
    principal,
    monthlyRate: new Decimal(loan.monthlyRate),
    termMonths: loan.termMonths,
    scheme: loan.scheme,
    vatRate: SEED_LOAN_TERMS.vatRate,
    monthlyFee: SEED_LOAN_TERMS.monthlyGpsFee,
  });
  const dueDates = monthlyDueDates(disbursed, loan.termMonths);
  const installments = schedule.map((installment, i): PlannedInstallment => {
    const dueDate = dueDates[i]!;
    const pastDue = compareDates(dueDate, today) < 0;
    const paid = story.kind === 'paid_off' || (pastDue && installment.number < firstUnpaid);
    const status: InstallmentStatus = paid ? 'paid' : pastDue ? 'overdue' : 'pending';
    // Customers pay on the due day or a little before it.
    const paidAt = paid ? businessHour(addDays(dueDate, -(installment.number % 3))) : null;
    return { ...installment, dueDate, status, paidAt };
  });

  const lastDue = dueDates[dueDates.length - 1]!;
  if (story.kind === 'paid_off' && compareDates(lastDue, today) >= 0) {
    throw new Error(`${loan.contractNumber} cannot be paid off: its last installment is due ${JSON.stringify(lastDue)}`);
  }
  if (story.kind === 'current' && compareDates(lastDue, today) < 0) {
    throw new Error(`${loan.contractNumber} cannot be current: its term ended ${JSON.stringify(lastDue)}`);
  }
  return { status: story.kind, disbursedAt: businessHour(disbursed), openingFee, installments };
}

export interface PlannedSettlement {
  number: number;
  periodStart: CalendarDate;
  periodEnd: CalendarDate;
  grossInterest: Decimal;
  isrWithheld: Decimal;
  netAmount: Decimal;
  paidAt: Date;
}

export interface InvestmentPlan {
  startedAt: Date;
  maturesAt: Date;
  /** Monthly payouts already made; compound investments pay at maturity only. */
  settlements: PlannedSettlement[];
}

export function planInvestment(investment: SeedInvestment, today: CalendarDate): InvestmentPlan {
  const started = addMonths(today, -investment.startedMonthsAgo);
  const amount = new Decimal(investment.amount);
  const settlements: PlannedSettlement[] = [];
  if (investment.mode === 'monthly_payout') {
    const grossInterest = cents(amount.times(investment.annualRate).dividedBy(12));
    const isrWithheld = Decimal.min(cents(amount.times(SEED_ISR_ANNUAL_RATE).dividedBy(12)), grossInterest);
    for (let number = 1; number <= investment.termMonths; number++) {
      const periodStart = addMonths(started, number - 1);
      const periodEnd = addDays(addMonths(started, number), -1);
      const payday = addDays(periodEnd, 1);
      if (compareDates(payday, today) >= 0) break;
      settlements.push({ number, periodStart, periodEnd, grossInterest, isrWithheld, netAmount: grossInterest.minus(isrWithheld), paidAt: businessHour(payday) });
    }
  }
  return { startedAt: businessHour(started), maturesAt: businessHour(addMonths(started, investment.termMonths)), settlements };
}

/**
 * Amortisation schedules for the three payment schemes.
 *
 * - Interest accrues on the outstanding balance at the monthly rate, per
 *   installment (not per day), rounded to cents half up; VAT is charged on that
 *   interest and rounded the same way.
 * - `fixed`: the Mexican-market convention, a constant installment of principal +
 *   interest (French annuity A = P·r / (1 − (1+r)^−n), rounded to cents); VAT on
 *   the interest and monthly fees are added on top, so the total due falls
 *   slightly month by month as interest (and its VAT) shrinks.
 * - `decreasing`: constant principal P/n (to cents), so interest and the total fall.
 * - `interest_only`: interest every month, all the principal in the last one.
 *
 * Whatever rounding leaves over is settled in the last installment: its
 * principal is the remaining balance, so principal paid sums exactly to P and
 * the final balance is exactly zero.
 */
import { Decimal, ONE, ZERO, cents } from './money.ts';

/** Same values as the `PaymentScheme` enum of the data model. */
export type PaymentScheme = 'fixed' | 'decreasing' | 'interest_only';
export const PAYMENT_SCHEMES: readonly PaymentScheme[] = ['fixed', 'decreasing', 'interest_only'];

export interface Installment {
  n: number;
  /** ISO calendar date (YYYY-MM-DD) in the business time zone. */
  dueDate: string;
  /** Total due: principal + interest + vat + fees. */
  payment: Decimal;
  interest: Decimal;
  vat: Decimal;
  principal: Decimal;
  fees: Decimal;
  /** Outstanding principal after this installment. */
  balance: Decimal;
}

export interface ScheduleTerms {
  principal: Decimal;
  monthlyRate: Decimal;
  termMonths: number;
  scheme: PaymentScheme;
  vatRate: Decimal;
  /** Fees charged in every installment (GPS, insurance), final prices. */
  monthlyFees: Decimal;
  dueDates: readonly string[];
}

/** Constant principal + interest installment of a French annuity, to cents. */
export function annuityPayment(principal: Decimal, monthlyRate: Decimal, termMonths: number): Decimal {
  if (monthlyRate.isZero()) return cents(principal.div(termMonths));
  const discount = ONE.minus(ONE.plus(monthlyRate).pow(-termMonths));
  return cents(principal.times(monthlyRate).div(discount));
}

/** Principal due in installment n (before the last), given this period's interest. */
type PrincipalRule = (interest: Decimal) => Decimal;

function principalRule(terms: ScheduleTerms): PrincipalRule {
  switch (terms.scheme) {
    case 'fixed': {
      const installment = annuityPayment(terms.principal, terms.monthlyRate, terms.termMonths);
      return (interest) => installment.minus(interest);
    }
    case 'decreasing': {
      const slice = cents(terms.principal.div(terms.termMonths));
      return () => slice;
    }
    case 'interest_only':
      return () => ZERO;
  }
}

export function buildSchedule(terms: ScheduleTerms): Installment[] {
  const principalDue = principalRule(terms);
  const installments: Installment[] = [];
  let balance = terms.principal;
  for (let n = 1; n <= terms.termMonths; n++) {
    const interest = cents(balance.times(terms.monthlyRate));
    const vat = cents(interest.times(terms.vatRate));
    const isLast = n === terms.termMonths;
    // Never more than what is owed: keeps balances non-negative for tiny loans.
    const principal = isLast ? balance : Decimal.min(Decimal.max(principalDue(interest), ZERO), balance);
    balance = balance.minus(principal);
    const fees = terms.monthlyFees;
    const payment = principal.plus(interest).plus(vat).plus(fees);
    installments.push({ n, dueDate: terms.dueDates[n - 1]!, payment, interest, vat, principal, fees, balance });
  }
  return installments;
}

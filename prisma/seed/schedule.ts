// A plain amortisation schedule for seeded loans: interest on the outstanding
// balance at the monthly rate, VAT on the interest, a fixed monthly fee (GPS),
// everything rounded to cents and the rounding residue absorbed by the last
// installment, so that the principal always adds up exactly.
import { Decimal } from 'decimal.js';

export type Scheme = 'fixed' | 'decreasing' | 'interest_only';

export interface ScheduleTerms {
  principal: Decimal;
  monthlyRate: Decimal;
  termMonths: number;
  scheme: Scheme;
  vatRate: Decimal;
  monthlyFee: Decimal;
}

export interface ScheduledInstallment {
  number: number;
  principal: Decimal;
  interest: Decimal;
  vat: Decimal;
  fees: Decimal;
  amount: Decimal;
}

export function cents(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** French system: the same principal-plus-interest payment every month. */
export function fixedPayment(principal: Decimal, monthlyRate: Decimal, termMonths: number): Decimal {
  if (monthlyRate.isZero()) return cents(principal.dividedBy(termMonths));
  const discount = new Decimal(1).minus(monthlyRate.plus(1).pow(-termMonths));
  return cents(principal.times(monthlyRate).dividedBy(discount));
}

export function buildSchedule(terms: ScheduleTerms): ScheduledInstallment[] {
  const { principal, monthlyRate, termMonths, scheme, vatRate, monthlyFee } = terms;
  const payment = fixedPayment(principal, monthlyRate, termMonths);
  const evenPrincipal = cents(principal.dividedBy(termMonths));
  const installments: ScheduledInstallment[] = [];
  let balance = principal;

  for (let number = 1; number <= termMonths; number++) {
    const interest = cents(balance.times(monthlyRate));
    const last = number === termMonths;
    let principalPart: Decimal;
    if (last) principalPart = balance;
    else if (scheme === 'fixed') principalPart = Decimal.min(payment.minus(interest), balance);
    else if (scheme === 'decreasing') principalPart = evenPrincipal;
    else principalPart = new Decimal(0);

    const vat = cents(interest.times(vatRate));
    installments.push({
      number,
      principal: principalPart,
      interest,
      vat,
      fees: monthlyFee,
      amount: principalPart.plus(interest).plus(vat).plus(monthlyFee),
    });
    balance = balance.minus(principalPart);
  }
  return installments;
}

/**
 * Payment capacity: the largest loan whose monthly payment fits what the
 * customer can pay. The payment is that of the `fixed` scheme's first
 * installment (the largest one: VAT on interest falls afterwards), with the
 * configured opening fee, VAT and monthly fees, exactly as `simulateCredit`
 * would quote it.
 */
import type { BusinessConfig } from '../config/business.ts';
import { Decimal, ONE, ZERO } from '../credit/money.ts';
import { simulateCredit } from '../credit/simulation.ts';

/** Any fixed date: only the first payment's amount matters here. */
const SIZING_START = new Date('2025-01-15T18:00:00Z');

export function firstFixedPayment(amount: Decimal, monthlyRate: Decimal, termMonths: number, config: BusinessConfig): Decimal {
  const simulation = simulateCredit({ amount, monthlyRate, termMonths, scheme: 'fixed', startDate: SIZING_START }, config);
  return simulation.monthlyPayment;
}

/** Payment per peso of amount, before monthly fees: (1+fee if financed)·(annuity factor + r·VAT). */
function paymentPerPeso(monthlyRate: Decimal, termMonths: number, config: BusinessConfig): Decimal {
  const { credit } = config;
  const annuity = monthlyRate.isZero()
    ? ONE.div(termMonths)
    : monthlyRate.div(ONE.minus(ONE.plus(monthlyRate).pow(-termMonths)));
  const financedFee = credit.openingFeeFinanced ? ONE.plus(credit.openingFeeRate) : ONE;
  return financedFee.times(annuity.plus(monthlyRate.times(credit.vatRate)));
}

/**
 * Largest multiple of `step` (and at most the configured maximum) whose first
 * payment is ≤ `capacity`; ZERO when not even the configured minimum fits.
 */
export function maxAmountForPayment(capacity: Decimal, monthlyRate: Decimal, termMonths: number, config: BusinessConfig): Decimal {
  const { credit, scoring } = config;
  const step = new Decimal(scoring.amountStep);
  const minimum = new Decimal(credit.minAmount);
  const fees = new Decimal(credit.monthlyGpsFee).plus(credit.monthlyInsuranceFee);
  const estimate = capacity.minus(fees).div(paymentPerPeso(monthlyRate, termMonths, config));
  let amount = Decimal.min(estimate, credit.maxAmount).div(step).floor().times(step);
  // The estimate ignores cent rounding; step down until the real quote fits.
  while (amount.gte(minimum) && firstFixedPayment(amount, monthlyRate, termMonths, config).gt(capacity)) {
    amount = amount.minus(step);
  }
  return amount.gte(minimum) ? amount : ZERO;
}

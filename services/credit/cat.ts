/**
 * CAT (Costo Anual Total) as Banxico defines it: the annual effective rate i
 * that equates what the customer receives with what the customer pays,
 *   Σ_j A_j·(1+i)^−t_j = Σ_k B_k·(1+i)^−t_k,  t in years (monthly: t_k = k/12),
 * WITHOUT VAT. A_0 is the amount disbursed net of fees paid up front; B_k is
 * principal + interest + fees charged in installment k (VAT excluded).
 * Banxico publishes the CAT as a percentage with one decimal.
 */
import { Decimal, cents } from './money.ts';
import type { Installment } from './schedule.ts';
import { annualise, monthlyIrr } from './irr.ts';

export interface Cat {
  /** Percentage with one decimal, e.g. 42.6 for 42.6 %. */
  percent: Decimal;
  /** Annual effective rate as a fraction, unrounded (e.g. 0.4257608868...). */
  raw: Decimal;
}

export function computeCat(netDisbursed: Decimal, installments: readonly Installment[]): Cat {
  const flows = [netDisbursed, ...installments.map((i) => i.principal.plus(i.interest).plus(i.fees).negated())];
  const monthly = monthlyIrr(flows);
  if (monthly === undefined) throw new Error('CAT: the cash flows have no internal rate of return');
  const raw = annualise(monthly);
  return { percent: raw.times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP), raw };
}

/** The amount the customer actually receives at t=0. */
export function netDisbursement(amount: Decimal, upFrontFees: Decimal): Decimal {
  return cents(amount.minus(upFrontFees));
}

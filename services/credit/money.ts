/**
 * Decimal helpers shared by the credit, investment and scoring math.
 *
 * Convention: calculations use `Decimal` end to end and return Decimals; the
 * API-facing form comes from the `serialize*` functions, which write money as
 * strings with exactly two decimals ("10046.21") and rates as plain decimal
 * strings ("0.03"). Decimal's own toJSON would drop trailing zeros ("10046.2").
 */
import { Decimal } from 'decimal.js';
import { ValidationError } from './errors.ts';

export { Decimal };

/** What callers may pass as an amount or a rate. */
export type DecimalInput = number | string | Decimal;

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);

/** Parses an amount or rate, rejecting NaN, infinities and non-numeric strings. */
export function toDecimal(value: DecimalInput, field: string): Decimal {
  let parsed: Decimal;
  try {
    parsed = new Decimal(typeof value === 'string' ? value.trim() : value);
  } catch {
    throw new ValidationError(field, `expected a number, got ${JSON.stringify(String(value))}`, 'not_a_number');
  }
  if (!parsed.isFinite()) throw new ValidationError(field, 'expected a finite number', 'not_a_number');
  return parsed;
}

/** Money is kept in cents, rounding half up (the usual rule in Mexican banking). */
export function cents(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

export function moneyString(value: Decimal): string {
  return value.toFixed(2, Decimal.ROUND_HALF_UP);
}

export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const value of values) total = total.plus(value);
  return total;
}

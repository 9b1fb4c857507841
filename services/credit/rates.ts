/** Rate-table look-ups: the first band whose `maxTermMonths` covers the term. */
import type { CreditConfig, RiskGrade } from '../config/business.ts';
import { Decimal } from './money.ts';
import { ValidationError } from './errors.ts';

export function monthlyRateFor(grade: RiskGrade, termMonths: number, credit: CreditConfig): Decimal {
  const band = credit.monthlyRateByGrade[grade].find((b) => termMonths <= b.maxTermMonths);
  if (!band) throw new ValidationError('termMonths', `no rate for grade ${grade} at ${termMonths} months`, 'not_allowed');
  return new Decimal(band.monthlyRate);
}

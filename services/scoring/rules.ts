/**
 * Prequalification rules: a first, deterministic answer to "how much can you
 * lend me?", before an advisor sees the case. Pure: same input, config and
 * `now` give the same result. Rules, in order:
 *
 * 1. Vehicle age = current year (business time zone) − model year. Older than
 *    `vehicleMaxAgeYears` → declined.
 * 2. Grade. With a bureau score: the first grade (A…E) whose minimum score it
 *    reaches; below E's minimum → grade E and review; below
 *    `bureauDeclineBelow` → declined. Without one: the first
 *    `noBureauGradeRules` entry whose debt ratio (debts / income) and vehicle
 *    age it fits, else the fallback grade; it goes to review when that fallback
 *    applies or the debt ratio is within `borderlineDebtRatioMargin` of the
 *    payment-to-income limit (an advisor should look before we promise).
 * 3. Term: the longest allowed term within the grade's maximum, or the
 *    requested term when shorter. Rate: the grade's rate for that term.
 * 4. Max amount = the smallest of: `loanToValueLimit` × vehicle value; the
 *    largest loan whose first fixed-scheme payment (with VAT and fees), plus
 *    existing debts, stays within `paymentToIncomeLimit` × income; the product
 *    maximum. Rounded down to `amountStep`. Below the product minimum → declined.
 * 5. A requested amount above the max is answered with the max (still
 *    prequalified), and the reason says so.
 *
 * Decision: declined if any rule declines; else review if any asks for it;
 * else prequalified. `reasons` are customer-facing texts (Mexican Spanish),
 * `reasonCodes` the same reasons for the bot and the audit trail.
 */
import { RISK_GRADES, type BusinessConfig, type RiskGrade } from '../config/business.ts';
import { ValidationError } from '../credit/errors.ts';
import { Decimal, type DecimalInput, ZERO, toDecimal } from '../credit/money.ts';
import { monthlyRateFor } from '../credit/rates.ts';
import { localDate } from '../credit/dates.ts';
import { maxAmountForPayment } from './capacity.ts';
import { type Reason, type ReasonCode, reasons } from './reasons.ts';

export type { ReasonCode };
export type PrequalificationDecision = 'prequalified' | 'review' | 'declined';

export interface PrequalificationInput {
  /** Reference value from the price guide, supplied by the caller. */
  vehicleValue: DecimalInput;
  vehicleYear: number;
  monthlyIncome: DecimalInput;
  monthlyDebts: DecimalInput;
  bureauScore?: number;
  requestedAmount?: DecimalInput;
  requestedTermMonths?: number;
}

export interface PrequalificationResult {
  grade: RiskGrade;
  /** 0 when declined. */
  maxAmount: Decimal;
  /** 0 when declined. */
  maxTermMonths: number;
  monthlyRate: Decimal;
  decision: PrequalificationDecision;
  reasons: string[];
  reasonCodes: ReasonCode[];
  ruleVersion: string;
}

const REVIEW_ONLY: ReadonlySet<ReasonCode> = new Set(['bureau_weak', 'no_bureau_review']);

interface Facts {
  vehicleValue: Decimal;
  vehicleAge: number;
  income: Decimal;
  debts: Decimal;
  debtRatio: Decimal;
  bureauScore?: number;
  requestedAmount?: Decimal;
  requestedTermMonths?: number;
}

interface GradeFinding {
  grade: RiskGrade;
  decline: boolean;
  review: boolean;
  reason?: Reason;
}

function nonNegative(value: DecimalInput, field: string): Decimal {
  const parsed = toDecimal(value, field);
  if (parsed.lt(0)) throw new ValidationError(field, `must not be negative, got ${parsed}`);
  return parsed;
}

function readFacts(input: PrequalificationInput, config: BusinessConfig, now: Date): Facts {
  const vehicleValue = nonNegative(input.vehicleValue, 'vehicleValue');
  if (vehicleValue.isZero()) throw new ValidationError('vehicleValue', 'must be greater than 0');
  const year = localDate(now, config.timeZone).year;
  if (!Number.isInteger(input.vehicleYear) || input.vehicleYear < 1900 || input.vehicleYear > year + 1) {
    throw new ValidationError('vehicleYear', `must be a year between 1900 and ${year + 1}, got ${input.vehicleYear}`);
  }
  const income = nonNegative(input.monthlyIncome, 'monthlyIncome');
  const debts = nonNegative(input.monthlyDebts, 'monthlyDebts');
  const score = input.bureauScore;
  if (score !== undefined && (!Number.isInteger(score) || score < 0 || score > 1000)) {
    throw new ValidationError('bureauScore', `must be an integer between 0 and 1000, got ${score}`);
  }
  const requestedAmount = input.requestedAmount === undefined ? undefined : nonNegative(input.requestedAmount, 'requestedAmount');
  const term = input.requestedTermMonths;
  if (term !== undefined && !config.credit.allowedTermsMonths.includes(term)) {
    throw new ValidationError('requestedTermMonths', `must be one of ${config.credit.allowedTermsMonths.join(', ')}`, 'not_allowed');
  }
  return {
    vehicleValue,
    // A next-year model counts as new.
    vehicleAge: Math.max(0, year - input.vehicleYear),
    income,
    debts,
    // No income: every peso of debt is too much.
    debtRatio: income.isZero() ? new Decimal(debts.isZero() ? 0 : Infinity) : debts.div(income),
    bureauScore: score,
    requestedAmount,
    requestedTermMonths: term,
  };
}

function gradeFromBureau(score: number, config: BusinessConfig): GradeFinding {
  const { bureauMinScoreByGrade, bureauDeclineBelow } = config.scoring;
  if (score < bureauDeclineBelow) return { grade: 'E', decline: true, review: false, reason: reasons.bureauTooLow() };
  const grade = RISK_GRADES.find((g) => score >= bureauMinScoreByGrade[g]);
  if (grade) return { grade, decline: false, review: false };
  return { grade: 'E', decline: false, review: true, reason: reasons.bureauWeak() };
}

function gradeWithoutBureau(facts: Facts, config: BusinessConfig): GradeFinding {
  const { noBureauGradeRules, noBureauFallbackGrade, paymentToIncomeLimit, borderlineDebtRatioMargin } = config.scoring;
  const rule = noBureauGradeRules.find(
    (r) => facts.debtRatio.lte(r.maxDebtRatio) && facts.vehicleAge <= r.maxVehicleAgeYears,
  );
  const borderline = facts.debtRatio.gte(new Decimal(paymentToIncomeLimit).minus(borderlineDebtRatioMargin));
  const review = rule === undefined || borderline;
  return {
    grade: rule?.grade ?? noBureauFallbackGrade,
    decline: false,
    review,
    reason: review ? reasons.noBureauReview() : undefined,
  };
}

/** Longest allowed term within the grade's cap (the requested one when shorter). */
function chooseTerm(grade: RiskGrade, facts: Facts, config: BusinessConfig, found: Reason[]): { max: number; used: number } {
  const cap = config.scoring.maxTermByGrade[grade];
  const allowed = config.credit.allowedTermsMonths.filter((t) => t <= cap);
  const max = allowed.at(-1) ?? config.credit.allowedTermsMonths[0]!;
  const requested = facts.requestedTermMonths;
  if (requested !== undefined && requested > max) found.push(reasons.termCapped(max));
  return { max, used: requested !== undefined && requested <= max ? requested : max };
}

export function prequalify(input: PrequalificationInput, config: BusinessConfig, now: Date): PrequalificationResult {
  const { scoring, credit } = config;
  const facts = readFacts(input, config, now);
  const found: Reason[] = [];
  let decline = false;
  let review = false;

  if (facts.vehicleAge > scoring.vehicleMaxAgeYears) {
    found.push(reasons.vehicleTooOld(scoring.vehicleMaxAgeYears));
    decline = true;
  }
  const graded = facts.bureauScore === undefined ? gradeWithoutBureau(facts, config) : gradeFromBureau(facts.bureauScore, config);
  if (graded.reason) found.push(graded.reason);
  decline ||= graded.decline;
  review ||= graded.review;

  const term = chooseTerm(graded.grade, facts, config, found);
  const monthlyRate = monthlyRateFor(graded.grade, term.used, credit);
  const ltv = new Decimal(scoring.loanToValueLimit);
  const step = new Decimal(scoring.amountStep);
  const byValue = Decimal.min(facts.vehicleValue.times(ltv), credit.maxAmount).div(step).floor().times(step);
  const capacity = facts.income.times(scoring.paymentToIncomeLimit).minus(facts.debts);
  const byIncome = capacity.gt(0) ? maxAmountForPayment(capacity, monthlyRate, term.used, config) : ZERO;
  const maxAmount = Decimal.min(byValue, byIncome);
  const minimum = new Decimal(credit.minAmount);

  if (decline) {
    // Already declined: amount reasons would only confuse the customer.
  } else if (capacity.lte(0)) {
    found.push(reasons.noPaymentCapacity());
    decline = true;
  } else if (maxAmount.lt(minimum)) {
    found.push(reasons.belowMinimumAmount(minimum));
    decline = true;
  } else {
    found.push(byIncome.lt(byValue) ? reasons.limitedByIncome(maxAmount) : reasons.limitedByVehicleValue(ltv));
    if (facts.requestedAmount?.gt(maxAmount)) found.push(reasons.requestedAboveMax(maxAmount));
    if (facts.requestedAmount?.lt(minimum)) found.push(reasons.requestedBelowMinimum(minimum));
  }

  const decision: PrequalificationDecision = decline ? 'declined' : review ? 'review' : 'prequalified';
  // A declined customer is not told that an advisor will review the case.
  const shown = decline ? found.filter((r) => !REVIEW_ONLY.has(r.code)) : found;
  return {
    grade: graded.grade,
    maxAmount: decline ? ZERO : maxAmount,
    maxTermMonths: decline ? 0 : term.max,
    monthlyRate,
    decision,
    reasons: shown.map((r) => r.text),
    reasonCodes: shown.map((r) => r.code),
    ruleVersion: scoring.ruleVersion,
  };
}

/**
 * Investment calculator: what an investor earns lending through Club Cash In.
 *
 * - Interest is nominal annual, credited monthly: gross = balance × annualRate/12,
 *   rounded to cents half up.
 * - ISR withholding (see `IsrWithholding` in the business config):
 *   `annual_on_capital` withholds balance × rate/12 a month, never more than that
 *   month's gross interest; `on_interest` withholds rate × gross interest.
 * - `monthly_payout`: the net interest is paid every month; the capital stays.
 *   `compound`: the net interest is added to the balance and earns interest too.
 * - `closingBalance` is the invested balance at month end. At maturity it is
 *   returned in full, so the last `payout` includes it.
 * - `effectiveAnnualYield` is the annualised internal rate of return of the
 *   investor's net flows (−amount at the start, payouts after), so the two modes
 *   compare on equal terms; for `compound` it equals (final/amount)^(12/n) − 1.
 *
 * Results are Decimals; `serializeInvestmentSimulation` gives the API form.
 */
import type { BusinessConfig, IsrWithholding } from '../config/business.ts';
import { ValidationError } from '../credit/errors.ts';
import { Decimal, type DecimalInput, ZERO, cents, moneyString, sum, toDecimal } from '../credit/money.ts';
import { annualise, monthlyIrr } from '../credit/irr.ts';

export type InvestmentMode = 'monthly_payout' | 'compound';
export const INVESTMENT_MODES: readonly InvestmentMode[] = ['monthly_payout', 'compound'];

export interface InvestmentInput {
  amount: DecimalInput;
  termMonths: number;
  /** Defaults to the rate of the term's band in the configuration. */
  annualRate?: DecimalInput;
  mode: InvestmentMode;
  /** Overrides the configured ISR rate (the basis stays as configured). */
  isrRate?: DecimalInput;
}

export interface InvestmentMonth {
  n: number;
  openingBalance: Decimal;
  grossInterest: Decimal;
  isrWithheld: Decimal;
  netInterest: Decimal;
  payout: Decimal;
  closingBalance: Decimal;
}

export interface InvestmentTotals {
  grossInterest: Decimal;
  isrWithheld: Decimal;
  netInterest: Decimal;
  /** Balance at maturity (returned to the investor in the last payout). */
  finalBalance: Decimal;
  /** All payouts: capital + net interest. */
  totalReceived: Decimal;
}

export interface InvestmentSimulation {
  input: { amount: Decimal; termMonths: number; annualRate: Decimal; mode: InvestmentMode; isr: IsrWithholding };
  schedule: InvestmentMonth[];
  totals: InvestmentTotals;
  /** Net of ISR, as a fraction (0.1475 = 14.75 %), unrounded. */
  effectiveAnnualYield: Decimal;
}

export function annualRateFor(termMonths: number, config: BusinessConfig): Decimal {
  const band = config.investment.annualRateByTerm.find((b) => termMonths <= b.maxTermMonths);
  if (!band) throw new ValidationError('termMonths', `no rate for ${termMonths} months`, 'not_allowed');
  return new Decimal(band.annualRate);
}

function resolve(input: InvestmentInput, config: BusinessConfig): InvestmentSimulation['input'] {
  const { investment } = config;
  const amount = toDecimal(input.amount, 'amount');
  const [min, max] = [new Decimal(investment.minAmount), new Decimal(investment.maxAmount)];
  if (amount.lt(min) || amount.gt(max) || amount.decimalPlaces() > 2) {
    throw new ValidationError('amount', `must be between ${min} and ${max} with at most 2 decimals, got ${amount}`);
  }
  if (!investment.allowedTermsMonths.includes(input.termMonths)) {
    const allowed = investment.allowedTermsMonths.join(', ');
    throw new ValidationError('termMonths', `must be one of ${allowed}, got ${input.termMonths}`, 'not_allowed');
  }
  if (!INVESTMENT_MODES.includes(input.mode)) {
    throw new ValidationError('mode', `must be one of ${INVESTMENT_MODES.join(', ')}`, 'not_allowed');
  }
  const annualRate = toDecimal(input.annualRate ?? annualRateFor(input.termMonths, config), 'annualRate');
  if (annualRate.lt(0) || annualRate.gte(1)) throw new ValidationError('annualRate', `must be in [0, 1), got ${annualRate}`);
  const isrRate = toDecimal(input.isrRate ?? investment.isr.rate, 'isrRate');
  if (isrRate.lt(0) || isrRate.gt(1)) throw new ValidationError('isrRate', `must be in [0, 1], got ${isrRate}`);
  return { amount, termMonths: input.termMonths, annualRate, mode: input.mode, isr: { ...investment.isr, rate: isrRate.toString() } };
}

function isrFor(balance: Decimal, gross: Decimal, isr: IsrWithholding): Decimal {
  const rate = new Decimal(isr.rate);
  if (isr.basis === 'on_interest') return cents(gross.times(rate));
  return Decimal.min(cents(balance.times(rate).div(12)), gross);
}

export function simulateInvestment(input: InvestmentInput, config: BusinessConfig): InvestmentSimulation {
  const resolved = resolve(input, config);
  const monthlyRate = resolved.annualRate.div(12);
  const schedule: InvestmentMonth[] = [];
  let balance = resolved.amount;
  for (let n = 1; n <= resolved.termMonths; n++) {
    const openingBalance = balance;
    const grossInterest = cents(openingBalance.times(monthlyRate));
    const isrWithheld = isrFor(openingBalance, grossInterest, resolved.isr);
    const netInterest = grossInterest.minus(isrWithheld);
    const compound = resolved.mode === 'compound';
    balance = compound ? openingBalance.plus(netInterest) : openingBalance;
    const interestPaid = compound ? ZERO : netInterest;
    const payout = n === resolved.termMonths ? interestPaid.plus(balance) : interestPaid;
    schedule.push({ n, openingBalance, grossInterest, isrWithheld, netInterest, payout, closingBalance: balance });
  }
  const total = (pick: (m: InvestmentMonth) => Decimal): Decimal => sum(schedule.map(pick));
  const totals: InvestmentTotals = {
    grossInterest: total((m) => m.grossInterest),
    isrWithheld: total((m) => m.isrWithheld),
    netInterest: total((m) => m.netInterest),
    finalBalance: balance,
    totalReceived: total((m) => m.payout),
  };
  const monthly = monthlyIrr([resolved.amount.negated(), ...schedule.map((m) => m.payout)], monthlyRate);
  return { input: resolved, schedule, totals, effectiveAnnualYield: monthly === undefined ? ZERO : annualise(monthly) };
}

export interface InvestmentModeComparison {
  mode: InvestmentMode;
  /** First month's payout (0 when compounding). */
  monthlyPayout: Decimal;
  netInterest: Decimal;
  isrWithheld: Decimal;
  totalReceived: Decimal;
  effectiveAnnualYield: Decimal;
}

export function compareInvestmentModes(
  input: Omit<InvestmentInput, 'mode'>,
  config: BusinessConfig,
): InvestmentModeComparison[] {
  return INVESTMENT_MODES.map((mode) => {
    const { schedule, totals, effectiveAnnualYield } = simulateInvestment({ ...input, mode }, config);
    return {
      mode,
      monthlyPayout: mode === 'compound' ? ZERO : schedule[0]!.netInterest,
      netInterest: totals.netInterest,
      isrWithheld: totals.isrWithheld,
      totalReceived: totals.totalReceived,
      effectiveAnnualYield,
    };
  });
}

/** Money as "1234.50"; rates and the yield as plain decimal fractions. */
export function serializeInvestmentSimulation(s: InvestmentSimulation) {
  const month = (m: InvestmentMonth) => ({
    n: m.n,
    openingBalance: moneyString(m.openingBalance),
    grossInterest: moneyString(m.grossInterest),
    isrWithheld: moneyString(m.isrWithheld),
    netInterest: moneyString(m.netInterest),
    payout: moneyString(m.payout),
    closingBalance: moneyString(m.closingBalance),
  });
  return {
    input: { ...s.input, amount: moneyString(s.input.amount), annualRate: s.input.annualRate.toString() },
    schedule: s.schedule.map(month),
    totals: {
      grossInterest: moneyString(s.totals.grossInterest),
      isrWithheld: moneyString(s.totals.isrWithheld),
      netInterest: moneyString(s.totals.netInterest),
      finalBalance: moneyString(s.totals.finalBalance),
      totalReceived: moneyString(s.totals.totalReceived),
    },
    effectiveAnnualYield: s.effectiveAnnualYield.toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toString(),
  };
}

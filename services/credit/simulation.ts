/**
 * Credit simulation: schedule, totals and CAT for a vehicle-pledge loan.
 *
 * Amounts: `amount` is what the customer asks to receive. The opening fee is
 * `openingFeeRate × amount` (to cents); when financed it is added to the
 * principal (the customer receives the whole amount and owes amount + fee),
 * otherwise it is paid up front (deducted from what is disbursed). Anything the
 * input leaves out comes from the business configuration.
 *
 * Results are Decimals (exact, composable); `serializeCreditSimulation` gives
 * the API form, money as strings with two decimals. See schedule.ts for how each
 * scheme amortises and cat.ts for the CAT.
 */
import type { BusinessConfig } from '../config/business.ts';
import { ValidationError } from './errors.ts';
import { Decimal, type DecimalInput, ZERO, cents, moneyString, sum, toDecimal } from './money.ts';
import { PAYMENT_SCHEMES, type Installment, type PaymentScheme, buildSchedule } from './schedule.ts';
import { computeCat, netDisbursement } from './cat.ts';
import { monthlyDueDates } from './dates.ts';

export interface CreditSimulationInput {
  amount: DecimalInput;
  termMonths: number;
  /** Defaults to `credit.defaultMonthlyRate`. */
  monthlyRate?: DecimalInput;
  scheme: PaymentScheme;
  openingFeeRate?: DecimalInput;
  openingFeeFinanced?: boolean;
  vatRate?: DecimalInput;
  monthlyGpsFee?: DecimalInput;
  monthlyInsuranceFee?: DecimalInput;
  /** Disbursement day; installments fall monthly from it. Defaults to now. */
  startDate?: Date;
}

/** The input with every default resolved, echoed in the result. */
export interface ResolvedCreditInput {
  amount: Decimal;
  termMonths: number;
  monthlyRate: Decimal;
  scheme: PaymentScheme;
  openingFeeRate: Decimal;
  openingFeeFinanced: boolean;
  vatRate: Decimal;
  monthlyGpsFee: Decimal;
  monthlyInsuranceFee: Decimal;
  startDate: Date;
}

export interface CreditTotals {
  /** Sum of installments (principal + interest + VAT + fees). */
  payment: Decimal;
  interest: Decimal;
  vat: Decimal;
  /** Monthly fees over the life of the loan (the opening fee is apart). */
  fees: Decimal;
  principal: Decimal;
  openingFee: Decimal;
  /** Everything the customer pays: installments, plus the opening fee when paid up front. */
  toPay: Decimal;
}

export interface CreditSimulation {
  input: ResolvedCreditInput;
  /** Principal owed: amount, plus the opening fee when financed. */
  principal: Decimal;
  /** What the customer receives at disbursement. */
  disbursed: Decimal;
  schedule: Installment[];
  totals: CreditTotals;
  /** CAT as a percentage with one decimal (Banxico style), without VAT. */
  cat: Decimal;
  /** CAT as an unrounded annual fraction. */
  catRaw: Decimal;
  /** The first installment's total. */
  monthlyPayment: Decimal;
}

function inRange(value: Decimal, field: string, min: Decimal, max?: Decimal): Decimal {
  if (value.lt(min) || (max !== undefined && value.gt(max))) {
    const bound = max === undefined ? `at least ${min}` : `between ${min} and ${max}`;
    throw new ValidationError(field, `must be ${bound}, got ${value}`);
  }
  return value;
}

function money(value: DecimalInput, field: string): Decimal {
  const parsed = toDecimal(value, field);
  if (parsed.decimalPlaces() > 2) throw new ValidationError(field, `must have at most 2 decimals, got ${parsed}`);
  return parsed;
}

export function resolveCreditInput(input: CreditSimulationInput, config: BusinessConfig): ResolvedCreditInput {
  const credit = config.credit;
  const amount = money(input.amount, 'amount');
  if (amount.lte(0)) throw new ValidationError('amount', `must be greater than 0, got ${amount}`);
  inRange(amount, 'amount', new Decimal(credit.minAmount), new Decimal(credit.maxAmount));
  if (!credit.allowedTermsMonths.includes(input.termMonths)) {
    const allowed = credit.allowedTermsMonths.join(', ');
    throw new ValidationError('termMonths', `must be one of ${allowed}, got ${input.termMonths}`, 'not_allowed');
  }
  if (!PAYMENT_SCHEMES.includes(input.scheme)) {
    throw new ValidationError('scheme', `must be one of ${PAYMENT_SCHEMES.join(', ')}`, 'not_allowed');
  }
  const rate = toDecimal(input.monthlyRate ?? credit.defaultMonthlyRate, 'monthlyRate');
  const one = new Decimal(1);
  return {
    amount,
    termMonths: input.termMonths,
    monthlyRate: inRange(rate, 'monthlyRate', new Decimal(credit.minMonthlyRate), new Decimal(credit.maxMonthlyRate)),
    scheme: input.scheme,
    openingFeeRate: inRange(toDecimal(input.openingFeeRate ?? credit.openingFeeRate, 'openingFeeRate'), 'openingFeeRate', ZERO, one),
    openingFeeFinanced: input.openingFeeFinanced ?? credit.openingFeeFinanced,
    vatRate: inRange(toDecimal(input.vatRate ?? credit.vatRate, 'vatRate'), 'vatRate', ZERO, one),
    monthlyGpsFee: inRange(money(input.monthlyGpsFee ?? credit.monthlyGpsFee, 'monthlyGpsFee'), 'monthlyGpsFee', ZERO),
    monthlyInsuranceFee: inRange(
      money(input.monthlyInsuranceFee ?? credit.monthlyInsuranceFee, 'monthlyInsuranceFee'),
      'monthlyInsuranceFee',
      ZERO,
    ),
    startDate: input.startDate ?? new Date(),
  };
}

export function simulateCredit(input: CreditSimulationInput, config: BusinessConfig): CreditSimulation {
  const resolved = resolveCreditInput(input, config);
  const openingFee = cents(resolved.amount.times(resolved.openingFeeRate));
  const principal = resolved.openingFeeFinanced ? resolved.amount.plus(openingFee) : resolved.amount;
  const disbursed = netDisbursement(resolved.amount, resolved.openingFeeFinanced ? ZERO : openingFee);
  const schedule = buildSchedule({
    principal,
    monthlyRate: resolved.monthlyRate,
    termMonths: resolved.termMonths,
    scheme: resolved.scheme,
    vatRate: resolved.vatRate,
    monthlyFees: resolved.monthlyGpsFee.plus(resolved.monthlyInsuranceFee),
    dueDates: monthlyDueDates(resolved.startDate, resolved.termMonths, config.timeZone),
  });
  const total = (pick: (i: Installment) => Decimal): Decimal => sum(schedule.map(pick));
  const payment = total((i) => i.payment);
  const totals: CreditTotals = {
    payment,
    interest: total((i) => i.interest),
    vat: total((i) => i.vat),
    fees: total((i) => i.fees),
    principal: total((i) => i.principal),
    openingFee,
    toPay: resolved.openingFeeFinanced ? payment : payment.plus(openingFee),
  };
  const cat = computeCat(disbursed, schedule);
  return {
    input: resolved,
    principal,
    disbursed,
    schedule,
    totals,
    cat: cat.percent,
    catRaw: cat.raw,
    monthlyPayment: schedule[0]!.payment,
  };
}

export interface SchemeComparison {
  scheme: PaymentScheme;
  firstPayment: Decimal;
  lastPayment: Decimal;
  totalInterest: Decimal;
  totalToPay: Decimal;
  cat: Decimal;
}

/** The same loan under each scheme, in the order fixed, decreasing, interest-only. */
export function compareSchemes(input: Omit<CreditSimulationInput, 'scheme'>, config: BusinessConfig): SchemeComparison[] {
  return PAYMENT_SCHEMES.map((scheme) => {
    const simulation = simulateCredit({ ...input, scheme }, config);
    return {
      scheme,
      firstPayment: simulation.monthlyPayment,
      lastPayment: simulation.schedule.at(-1)!.payment,
      totalInterest: simulation.totals.interest,
      totalToPay: simulation.totals.toPay,
      cat: simulation.cat,
    };
  });
}

// ─── API form ────────────────────────────────────────────────────────

type Serialized<T> = { [K in keyof T]: T[K] extends Decimal ? string : T[K] extends Date ? string : T[K] };

export interface SerializedCreditSimulation {
  input: Serialized<ResolvedCreditInput>;
  principal: string;
  disbursed: string;
  schedule: Serialized<Installment>[];
  totals: Serialized<CreditTotals>;
  cat: string;
  catRaw: string;
  monthlyPayment: string;
}

function serializeInstallment(i: Installment): Serialized<Installment> {
  return {
    n: i.n,
    dueDate: i.dueDate,
    payment: moneyString(i.payment),
    interest: moneyString(i.interest),
    vat: moneyString(i.vat),
    principal: moneyString(i.principal),
    fees: moneyString(i.fees),
    balance: moneyString(i.balance),
  };
}

/** Money as "1234.50", rates as plain decimals ("0.035"), CAT as "42.6", dates ISO. */
export function serializeCreditSimulation(s: CreditSimulation): SerializedCreditSimulation {
  const { input, totals } = s;
  return {
    input: {
      amount: moneyString(input.amount),
      termMonths: input.termMonths,
      monthlyRate: input.monthlyRate.toString(),
      scheme: input.scheme,
      openingFeeRate: input.openingFeeRate.toString(),
      openingFeeFinanced: input.openingFeeFinanced,
      vatRate: input.vatRate.toString(),
      monthlyGpsFee: moneyString(input.monthlyGpsFee),
      monthlyInsuranceFee: moneyString(input.monthlyInsuranceFee),
      startDate: input.startDate.toISOString(),
    },
    principal: moneyString(s.principal),
    disbursed: moneyString(s.disbursed),
    schedule: s.schedule.map(serializeInstallment),
    totals: {
      payment: moneyString(totals.payment),
      interest: moneyString(totals.interest),
      vat: moneyString(totals.vat),
      fees: moneyString(totals.fees),
      principal: moneyString(totals.principal),
      openingFee: moneyString(totals.openingFee),
      toPay: moneyString(totals.toPay),
    },
    cat: s.cat.toFixed(1),
    catRaw: s.catRaw.toString(),
    monthlyPayment: moneyString(s.monthlyPayment),
  };
}

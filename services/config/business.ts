/**
 * Business configuration of Club Cash In: locale, rate tables, fees, limits and
 * scoring thresholds. Everything the money math needs that the business may
 * change without a code change lives here.
 *
 * Decimal quantities (amounts, rates) are kept as decimal *strings* ("0.035",
 * "10000") so that no binary float ever touches them; a JSON override file may
 * write them as numbers or strings and they are normalised to strings on load.
 * Rates are fractions: "0.03" means 3 %.
 *
 * `loadBusinessConfig(overrides?)` starts from `DEFAULT_BUSINESS_CONFIG`, deep-merges
 * the JSON file named by the env var `ANA_BUSINESS_CONFIG` (if set), then the
 * `overrides` argument, and validates the result; a bad value throws an Error that
 * names the field and what is expected.
 */
import { readFileSync } from 'node:fs';

export type RiskGrade = 'A' | 'B' | 'C' | 'D' | 'E';
export const RISK_GRADES: readonly RiskGrade[] = ['A', 'B', 'C', 'D', 'E'];

/** A decimal number written as a string, e.g. "0.035" or "10000.00". */
export type DecimalString = string;

/** Rate that applies to terms up to and including `maxTermMonths`. */
export interface MonthlyRateBand {
  maxTermMonths: number;
  monthlyRate: DecimalString;
}

export interface AnnualRateBand {
  maxTermMonths: number;
  annualRate: DecimalString;
}

export interface CreditConfig {
  /** Monthly interest rate (before VAT) by risk grade and term band, bands sorted by term. */
  monthlyRateByGrade: Record<RiskGrade, MonthlyRateBand[]>;
  /** Rate for simulations where the customer has no grade yet (public quotes). */
  defaultMonthlyRate: DecimalString;
  /** An explicit rate passed to a simulation must lie in this range. */
  minMonthlyRate: DecimalString;
  maxMonthlyRate: DecimalString;
  minAmount: DecimalString;
  maxAmount: DecimalString;
  allowedTermsMonths: number[];
  /** Opening fee ("comisión por apertura") as a fraction of the amount. */
  openingFeeRate: DecimalString;
  /** true: the fee is added to the principal; false: it is deducted from the disbursement. */
  openingFeeFinanced: boolean;
  /** VAT on interest (IVA). Fees are quoted as final prices, VAT included. */
  vatRate: DecimalString;
  /** GPS tracking of the pledged car, charged in every installment (final price). */
  monthlyGpsFee: DecimalString;
  /**
   * Car insurance charged through the loan. 0 by default: the customer keeps the
   * car's own policy with Club Cash In as preferential beneficiary.
   */
  monthlyInsuranceFee: DecimalString;
}

/**
 * How the ISR (income tax) withholding on investment returns is computed:
 * - `annual_on_capital`: Mexican provisional retention, `rate` a year on the
 *   invested capital (set every year by the Ley de Ingresos de la Federación),
 *   applied monthly as rate/12 on the month's opening balance and never more than
 *   that month's interest.
 * - `on_interest`: `rate` times the gross interest of the month.
 */
export interface IsrWithholding {
  basis: 'annual_on_capital' | 'on_interest';
  rate: DecimalString;
}

export interface InvestmentConfig {
  /** Nominal annual rate by term band (paid monthly as rate/12), bands sorted by term. */
  annualRateByTerm: AnnualRateBand[];
  minAmount: DecimalString;
  maxAmount: DecimalString;
  allowedTermsMonths: number[];
  isr: IsrWithholding;
}

/** Without a bureau score the grade comes from the debt ratio and the car's age. */
export interface NoBureauGradeRule {
  maxDebtRatio: DecimalString;
  maxVehicleAgeYears: number;
  grade: RiskGrade;
}

export interface ScoringConfig {
  ruleVersion: string;
  /** Max amount ≤ this fraction of the car's reference value. */
  loanToValueLimit: DecimalString;
  /** (new payment + existing debts) ≤ this fraction of monthly income. */
  paymentToIncomeLimit: DecimalString;
  vehicleMaxAgeYears: number;
  /** Minimum bureau score for each grade, checked from A down; below E's → E and review. */
  bureauMinScoreByGrade: Record<RiskGrade, number>;
  /** Below this bureau score the application is declined. */
  bureauDeclineBelow: number;
  noBureauGradeRules: NoBureauGradeRule[];
  /** Grade when no `noBureauGradeRules` entry matches. */
  noBureauFallbackGrade: RiskGrade;
  /** Debt ratio this close (or closer) to the limit sends the case to a human. */
  borderlineDebtRatioMargin: DecimalString;
  maxTermByGrade: Record<RiskGrade, number>;
  /** Max amounts offered are rounded down to a multiple of this. */
  amountStep: DecimalString;
}

/** How customers reach Club Cash In: quoted by Ana and in the knowledge articles. */
export interface CompanyConfig {
  phone: string;
  whatsapp: string;
  email: string;
  website: string;
  address: string;
  /** Advisors' hours, as Ana says them ("de lunes a viernes de 9:00 a 18:00 ..."). */
  hours: string;
  privacyUrl: string;
  uneEmail: string;
  /** Late payment fee per overdue installment, before VAT; not yet part of the money math. */
  lateFee: string;
}

export interface BusinessConfig {
  locale: string;
  currency: string;
  timeZone: string;
  company: CompanyConfig;
  credit: CreditConfig;
  investment: InvestmentConfig;
  scoring: ScoringConfig;
}

/** Rising with risk and, a little, with term: longer money costs more. */
const band = (short: string, mid: string, long: string): MonthlyRateBand[] => [
  { maxTermMonths: 12, monthlyRate: short },
  { maxTermMonths: 24, monthlyRate: mid },
  { maxTermMonths: 48, monthlyRate: long },
];

/**
 * Defaults: plausible figures for a Mexican vehicle-pledge loan ("crédito con
 * garantía vehicular"), where monthly rates of 3–6 % before VAT are usual.
 */
export const DEFAULT_BUSINESS_CONFIG: BusinessConfig = {
  locale: 'es-MX',
  currency: 'MXN',
  timeZone: 'America/Mexico_City',
  // Fictitious contact details until the real ones are configured.
  company: {
    phone: '55 5200 1234',
    whatsapp: '55 1234 5678',
    email: 'hola@clubcashin.example',
    website: 'https://clubcashin.example',
    address: 'Av. Insurgentes Sur 1457, piso 8, Col. Insurgentes Mixcoac, Benito Juárez, 03920, Ciudad de México',
    hours: 'de lunes a viernes de 9:00 a 18:00 y sábados de 9:00 a 14:00 (hora del centro de México)',
    privacyUrl: 'https://clubcashin.example/privacidad',
    uneEmail: 'une@clubcashin.example',
    lateFee: '$350',
  },
  credit: {
    monthlyRateByGrade: {
      A: band('0.030', '0.031', '0.032'),
      B: band('0.035', '0.036', '0.037'),
      C: band('0.040', '0.041', '0.042'),
      D: band('0.0475', '0.0485', '0.0495'),
      E: band('0.055', '0.056', '0.057'),
    },
    defaultMonthlyRate: '0.035',
    minMonthlyRate: '0',
    maxMonthlyRate: '0.08',
    minAmount: '10000',
    maxAmount: '2000000',
    allowedTermsMonths: [6, 12, 18, 24, 30, 36, 42, 48],
    openingFeeRate: '0.03',
    openingFeeFinanced: true,
    vatRate: '0.16',
    monthlyGpsFee: '299',
    monthlyInsuranceFee: '0',
  },
  investment: {
    annualRateByTerm: [
      { maxTermMonths: 6, annualRate: '0.12' },
      { maxTermMonths: 12, annualRate: '0.14' },
      { maxTermMonths: 24, annualRate: '0.16' },
      { maxTermMonths: 36, annualRate: '0.18' },
    ],
    minAmount: '10000',
    maxAmount: '10000000',
    allowedTermsMonths: [6, 12, 18, 24, 36],
    isr: { basis: 'annual_on_capital', rate: '0.005' },
  },
  scoring: {
    ruleVersion: 'prequal-2025.1',
    loanToValueLimit: '0.70',
    paymentToIncomeLimit: '0.35',
    vehicleMaxAgeYears: 15,
    bureauMinScoreByGrade: { A: 700, B: 650, C: 600, D: 550, E: 500 },
    bureauDeclineBelow: 450,
    noBureauGradeRules: [
      { maxDebtRatio: '0.10', maxVehicleAgeYears: 5, grade: 'B' },
      { maxDebtRatio: '0.20', maxVehicleAgeYears: 10, grade: 'C' },
      { maxDebtRatio: '0.30', maxVehicleAgeYears: 15, grade: 'D' },
    ],
    noBureauFallbackGrade: 'E',
    borderlineDebtRatioMargin: '0.05',
    maxTermByGrade: { A: 48, B: 48, C: 36, D: 24, E: 12 },
    amountStep: '1000',
  },
};

/** Overrides: any subset of the configuration, at any depth. */
export type BusinessConfigOverrides = DeepPartial<BusinessConfig>;
export type DeepPartial<T> = T extends (infer U)[]
  ? U[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Objects merge key by key; arrays and scalars replace. */
function deepMerge(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch === undefined ? base : patch;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) merged[key] = deepMerge(base[key], value);
  return merged;
}

export function loadBusinessConfig(overrides?: BusinessConfigOverrides): BusinessConfig {
  let merged: unknown = structuredClone(DEFAULT_BUSINESS_CONFIG);
  const file = process.env.ANA_BUSINESS_CONFIG;
  if (file) merged = deepMerge(merged, readJsonFile(file));
  if (overrides) merged = deepMerge(merged, overrides);
  return validateBusinessConfig(merged);
}

function readJsonFile(path: string): Json {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`ANA_BUSINESS_CONFIG: cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as Json;
  } catch (error) {
    throw new Error(`ANA_BUSINESS_CONFIG: ${path} is not valid JSON: ${(error as Error).message}`);
  }
}

// ─── Validation ──────────────────────────────────────────────────────

class Reader {
  constructor(private readonly root: unknown) {}

  private at(path: string): unknown {
    let node: unknown = this.root;
    for (const key of path.split('.')) {
      node = isPlainObject(node) ? node[key] : Array.isArray(node) ? (node as unknown[])[Number(key)] : undefined;
    }
    return node;
  }

  private fail(path: string, expected: string): never {
    throw new Error(`Invalid business config: ${path} must be ${expected} (got ${JSON.stringify(this.at(path))})`);
  }

  string(path: string): string {
    const value = this.at(path);
    return typeof value === 'string' && value.trim() !== '' ? value : this.fail(path, 'a non-empty string');
  }

  /** A decimal in [min, max], given as a number or a numeric string; returned as a string. */
  decimal(path: string, min = 0, max = Number.POSITIVE_INFINITY): DecimalString {
    const value = this.at(path);
    const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
    const ok = /^-?\d+(\.\d+)?$/.test(text) && Number(text) >= min && Number(text) <= max;
    return ok ? text : this.fail(path, `a decimal number between ${min} and ${max}`);
  }

  integer(path: string, min: number, max: number): number {
    const value = this.at(path);
    const ok = typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
    return ok ? (value as number) : this.fail(path, `an integer between ${min} and ${max}`);
  }

  boolean(path: string): boolean {
    const value = this.at(path);
    return typeof value === 'boolean' ? value : this.fail(path, 'true or false');
  }

  grade(path: string): RiskGrade {
    const value = this.at(path);
    return RISK_GRADES.includes(value as RiskGrade) ? (value as RiskGrade) : this.fail(path, 'one of A, B, C, D, E');
  }

  oneOf<T extends string>(path: string, options: readonly T[]): T {
    const value = this.at(path);
    return options.includes(value as T) ? (value as T) : this.fail(path, `one of ${options.join(', ')}`);
  }

  /** A non-empty array; `item` reads element i through its own path. */
  list<T>(path: string, item: (itemPath: string) => T): T[] {
    const value = this.at(path);
    if (!Array.isArray(value) || value.length === 0) this.fail(path, 'a non-empty array');
    return (value as unknown[]).map((_, i) => item(`${path}.${i}`));
  }

  terms(path: string): number[] {
    const terms = this.list(path, (p) => this.integer(p, 1, 600));
    return ascending(terms) ? terms : this.fail(path, 'strictly ascending month counts');
  }

  byGrade<T>(path: string, item: (gradePath: string) => T): Record<RiskGrade, T> {
    if (!isPlainObject(this.at(path))) this.fail(path, 'an object with keys A, B, C, D, E');
    const entries = RISK_GRADES.map((g) => [g, item(`${path}.${g}`)] as const);
    return Object.fromEntries(entries) as Record<RiskGrade, T>;
  }

  /** Bands must be sorted by term so lookups can take the first that fits. */
  bands<T extends { maxTermMonths: number }>(path: string, item: (p: string) => T): T[] {
    const bands = this.list(path, item);
    return ascending(bands.map((b) => b.maxTermMonths)) ? bands : this.fail(path, 'bands sorted by maxTermMonths');
  }
}

function ascending(values: number[]): boolean {
  return values.every((v, i) => i === 0 || v > values[i - 1]!);
}

export function validateBusinessConfig(raw: unknown): BusinessConfig {
  const r = new Reader(raw);
  const config: BusinessConfig = {
    locale: r.string('locale'),
    currency: r.string('currency'),
    timeZone: r.string('timeZone'),
    company: {
      phone: r.string('company.phone'),
      whatsapp: r.string('company.whatsapp'),
      email: r.string('company.email'),
      website: r.string('company.website'),
      address: r.string('company.address'),
      hours: r.string('company.hours'),
      privacyUrl: r.string('company.privacyUrl'),
      uneEmail: r.string('company.uneEmail'),
      lateFee: r.string('company.lateFee'),
    },
    credit: {
      monthlyRateByGrade: r.byGrade('credit.monthlyRateByGrade', (g) =>
        r.bands(g, (p) => ({
          maxTermMonths: r.integer(`${p}.maxTermMonths`, 1, 600),
          monthlyRate: r.decimal(`${p}.monthlyRate`, 0, 1),
        })),
      ),
      defaultMonthlyRate: r.decimal('credit.defaultMonthlyRate', 0, 1),
      minMonthlyRate: r.decimal('credit.minMonthlyRate', 0, 1),
      maxMonthlyRate: r.decimal('credit.maxMonthlyRate', 0, 1),
      minAmount: r.decimal('credit.minAmount', 0.01),
      maxAmount: r.decimal('credit.maxAmount', 0.01),
      allowedTermsMonths: r.terms('credit.allowedTermsMonths'),
      openingFeeRate: r.decimal('credit.openingFeeRate', 0, 1),
      openingFeeFinanced: r.boolean('credit.openingFeeFinanced'),
      vatRate: r.decimal('credit.vatRate', 0, 1),
      monthlyGpsFee: r.decimal('credit.monthlyGpsFee'),
      monthlyInsuranceFee: r.decimal('credit.monthlyInsuranceFee'),
    },
    investment: {
      annualRateByTerm: r.bands('investment.annualRateByTerm', (p) => ({
        maxTermMonths: r.integer(`${p}.maxTermMonths`, 1, 600),
        annualRate: r.decimal(`${p}.annualRate`, 0, 1),
      })),
      minAmount: r.decimal('investment.minAmount', 0.01),
      maxAmount: r.decimal('investment.maxAmount', 0.01),
      allowedTermsMonths: r.terms('investment.allowedTermsMonths'),
      isr: {
        basis: r.oneOf('investment.isr.basis', ['annual_on_capital', 'on_interest'] as const),
        rate: r.decimal('investment.isr.rate', 0, 1),
      },
    },
    scoring: {
      ruleVersion: r.string('scoring.ruleVersion'),
      loanToValueLimit: r.decimal('scoring.loanToValueLimit', 0, 1),
      paymentToIncomeLimit: r.decimal('scoring.paymentToIncomeLimit', 0, 1),
      vehicleMaxAgeYears: r.integer('scoring.vehicleMaxAgeYears', 0, 100),
      bureauMinScoreByGrade: r.byGrade('scoring.bureauMinScoreByGrade', (p) => r.integer(p, 0, 1000)),
      bureauDeclineBelow: r.integer('scoring.bureauDeclineBelow', 0, 1000),
      noBureauGradeRules: r.list('scoring.noBureauGradeRules', (p) => ({
        maxDebtRatio: r.decimal(`${p}.maxDebtRatio`, 0, 1),
        maxVehicleAgeYears: r.integer(`${p}.maxVehicleAgeYears`, 0, 100),
        grade: r.grade(`${p}.grade`),
      })),
      noBureauFallbackGrade: r.grade('scoring.noBureauFallbackGrade'),
      borderlineDebtRatioMargin: r.decimal('scoring.borderlineDebtRatioMargin', 0, 1),
      maxTermByGrade: r.byGrade('scoring.maxTermByGrade', (p) => r.integer(p, 1, 600)),
      amountStep: r.decimal('scoring.amountStep', 0.01),
    },
  };
  crossCheck(config);
  return config;
}

/** Relations between fields that a per-field check cannot see. */
function crossCheck(config: BusinessConfig): void {
  const { credit, investment } = config;
  const fail = (path: string, expected: string): never => {
    throw new Error(`Invalid business config: ${path} must be ${expected}`);
  };
  try {
    new Intl.DateTimeFormat('en', { timeZone: config.timeZone });
  } catch {
    fail('timeZone', `an IANA time zone such as America/Mexico_City (got ${JSON.stringify(config.timeZone)})`);
  }
  if (Number(credit.minAmount) > Number(credit.maxAmount)) fail('credit.minAmount', 'at most credit.maxAmount');
  if (Number(credit.minMonthlyRate) > Number(credit.maxMonthlyRate)) {
    fail('credit.minMonthlyRate', 'at most credit.maxMonthlyRate');
  }
  const longestTerm = credit.allowedTermsMonths.at(-1)!;
  for (const grade of RISK_GRADES) {
    if (credit.monthlyRateByGrade[grade].at(-1)!.maxTermMonths < longestTerm) {
      fail(`credit.monthlyRateByGrade.${grade}`, `bands covering terms up to ${longestTerm} months`);
    }
  }
  if (Number(investment.minAmount) > Number(investment.maxAmount)) {
    fail('investment.minAmount', 'at most investment.maxAmount');
  }
  if (investment.annualRateByTerm.at(-1)!.maxTermMonths < investment.allowedTermsMonths.at(-1)!) {
    fail('investment.annualRateByTerm', `bands covering terms up to ${investment.allowedTermsMonths.at(-1)} months`);
  }
}

// The one place where article {{placeholders}} meet the figures they stand for.
// Rates, limits and fees come from the business configuration; company contact
// details are here (they change rarely and are not money math). Articles keep
// the placeholder in the database; values are rendered when passages are
// indexed and when an answer is shown, so a configuration change shows up
// after a re-ingest without anyone editing prose.
import { Decimal } from 'decimal.js';
import { loadBusinessConfig, type BusinessConfig, type CompanyConfig } from '../services/config/business.ts';
import { simulateCredit } from '../services/credit/simulation.ts';
import { renderPlaceholders } from './chunking.ts';

export type CompanyInfo = CompanyConfig;


/** "0.035" → "3.5 %"; whole percentages without decimals. */
function percent(fraction: string | Decimal): string {
  const value = new Decimal(fraction).times(100);
  return `${value.toDecimalPlaces(2).toString()}%`;
}

function pesos(amount: string): string {
  return `$${new Decimal(amount).toNumber().toLocaleString('es-MX', { maximumFractionDigits: 0 })}`;
}

/** Representative CAT: a mid-size loan at the public default rate, over 24 months, fixed payments. */
function averageCat(config: BusinessConfig): string {
  const term = config.credit.allowedTermsMonths.includes(24) ? 24 : config.credit.allowedTermsMonths[0]!;
  const simulation = simulateCredit({ amount: '100000', termMonths: term, scheme: 'fixed', startDate: new Date('2025-01-01T12:00:00Z') }, config);
  return `${simulation.cat.toString()}%`;
}

/** Every placeholder value, rendered for customers (es-MX). */
export function placeholderValues(config: BusinessConfig = loadBusinessConfig(), company: CompanyInfo = config.company): Record<string, string> {
  const credit = config.credit;
  const allRates = Object.values(credit.monthlyRateByGrade).flatMap((bands) => bands.map((b) => new Decimal(b.monthlyRate)));
  const terms = [...credit.allowedTermsMonths].sort((a, b) => a - b);
  const investmentTerms = [...config.investment.allowedTermsMonths].sort((a, b) => a - b);
  const investmentRates = config.investment.annualRateByTerm.map((b) => new Decimal(b.annualRate));
  const values: Record<string, string> = {
    'credit.minRateMonthly': percent(Decimal.min(...allRates)),
    'credit.maxRateMonthly': percent(Decimal.max(...allRates)),
    'credit.minAmount': pesos(credit.minAmount),
    'credit.maxAmount': pesos(credit.maxAmount),
    'credit.minTermMonths': String(terms[0]),
    'credit.maxTermMonths': String(terms[terms.length - 1]),
    // A bare number: the articles write the "%" themselves.
    'credit.maxLtvPercent': new Decimal(config.scoring.loanToValueLimit).times(100).toString(),
    'credit.maxVehicleAgeYears': String(config.scoring.vehicleMaxAgeYears),
    'credit.openingFeePercent': percent(credit.openingFeeRate),
    'credit.catAverage': averageCat(config),
    'credit.lateFee': company.lateFee,
    'credit.gpsFee': pesos(credit.monthlyGpsFee),
    'investment.minAmount': pesos(config.investment.minAmount),
    'investment.minTermMonths': String(investmentTerms[0]),
    'investment.targetAnnualReturn': `${percent(Decimal.min(...investmentRates))} a ${percent(Decimal.max(...investmentRates))}`,
    'investment.isrRetention': `${percent(config.investment.isr.rate)} anual sobre el capital invertido`,
  };
  for (const [key, value] of Object.entries(company)) if (key !== 'lateFee') values[`company.${key}`] = value;
  return values;
}

let cached: Record<string, string> | undefined;

/** Renders `{{...}}` with the process's configuration; an unknown placeholder stays visible to staff rather than crash. */
export function renderArticleText(text: string, values: Record<string, string> = (cached ??= placeholderValues())): string {
  return renderPlaceholders(text, values, { onMissing: 'keep' });
}

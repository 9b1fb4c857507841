import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_BUSINESS_CONFIG, loadBusinessConfig, validateBusinessConfig } from '../../../services/config/business.ts';

const saved = process.env.ANA_BUSINESS_CONFIG;
afterEach(() => {
  if (saved === undefined) delete process.env.ANA_BUSINESS_CONFIG;
  else process.env.ANA_BUSINESS_CONFIG = saved;
});

function configFile(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ana-business-')), 'business.json');
  writeFileSync(path, content);
  return path;
}

describe('business configuration', () => {
  it('defaults are valid and Mexican', () => {
    delete process.env.ANA_BUSINESS_CONFIG;
    const config = loadBusinessConfig();
    expect(config).toEqual(DEFAULT_BUSINESS_CONFIG);
    expect([config.locale, config.currency, config.timeZone]).toEqual(['es-MX', 'MXN', 'America/Mexico_City']);
    expect(config.credit.vatRate).toBe('0.16');
    expect(config.scoring.loanToValueLimit).toBe('0.70');
  });

  it('deep-merges the file named by ANA_BUSINESS_CONFIG, numbers becoming decimal strings', () => {
    process.env.ANA_BUSINESS_CONFIG = configFile(
      JSON.stringify({ credit: { monthlyGpsFee: 349.9, allowedTermsMonths: [12, 24] }, investment: { isr: { rate: 0.009 } } }),
    );
    const config = loadBusinessConfig();
    expect(config.credit.monthlyGpsFee).toBe('349.9');
    expect(config.credit.allowedTermsMonths).toEqual([12, 24]);
    expect(config.investment.isr).toEqual({ basis: 'annual_on_capital', rate: '0.009' });
    expect(config.credit.vatRate).toBe('0.16');
  });

  it('applies explicit overrides after the file', () => {
    process.env.ANA_BUSINESS_CONFIG = configFile(JSON.stringify({ credit: { defaultMonthlyRate: '0.04' } }));
    expect(loadBusinessConfig({ credit: { defaultMonthlyRate: '0.045' } }).credit.defaultMonthlyRate).toBe('0.045');
  });

  it.each([
    [{ credit: { vatRate: 'dieciséis' } }, 'credit.vatRate'],
    [{ credit: { vatRate: 1.5 } }, 'credit.vatRate'],
    [{ credit: { allowedTermsMonths: [12, 6] } }, 'credit.allowedTermsMonths'],
    [{ credit: { monthlyRateByGrade: { C: [] } } }, 'credit.monthlyRateByGrade.C'],
    [{ credit: { minAmount: 5000000 } }, 'credit.minAmount'],
    [{ investment: { isr: { basis: 'monthly' } } }, 'investment.isr.basis'],
    [{ scoring: { noBureauFallbackGrade: 'F' } }, 'scoring.noBureauFallbackGrade'],
    [{ scoring: { vehicleMaxAgeYears: 12.5 } }, 'scoring.vehicleMaxAgeYears'],
    [{ timeZone: 'Mexico/Tijuana_City' }, 'timeZone'],
  ])('rejects %j naming %s', (patch, field) => {
    process.env.ANA_BUSINESS_CONFIG = configFile(JSON.stringify(patch));
    expect(() => loadBusinessConfig()).toThrow(field);
  });

  it('says what is expected', () => {
    expect(() => validateBusinessConfig({ ...DEFAULT_BUSINESS_CONFIG, currency: '' })).toThrow(
      'currency must be a non-empty string',
    );
  });

  it('reports a file that is not JSON', () => {
    process.env.ANA_BUSINESS_CONFIG = configFile('{ credit: ');
    expect(() => loadBusinessConfig()).toThrow(/ANA_BUSINESS_CONFIG: .* is not valid JSON/);
  });
});

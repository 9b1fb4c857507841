/**
 * Hand-worked: 100,000 at 12 % nominal annual (1 % a month) for 12 months, with
 * the Mexican provisional ISR retention of 0.5 % a year on capital.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { DEFAULT_BUSINESS_CONFIG as config, type BusinessConfig } from '../../../services/config/business.ts';
import {
  type InvestmentInput,
  compareInvestmentModes,
  serializeInvestmentSimulation,
  simulateInvestment,
} from '../../../services/investment/calculator.ts';
import { ValidationError } from '../../../services/credit/errors.ts';

const base = { amount: 100000, termMonths: 12, annualRate: '0.12' };
const s = (d: Decimal): string => d.toFixed(2);

describe('monthly payout', () => {
  const sim = simulateInvestment({ ...base, mode: 'monthly_payout' }, config);

  it('pays the net interest every month and the capital at the end', () => {
    // Gross: 100000 × 0.12 / 12 = 1000.00. ISR: 100000 × 0.005 / 12 = 41.666… → 41.67.
    // Net: 1000.00 − 41.67 = 958.33.
    const first = sim.schedule[0]!;
    expect([s(first.openingBalance), s(first.grossInterest), s(first.isrWithheld), s(first.netInterest), s(first.payout)]).toEqual([
      '100000.00',
      '1000.00',
      '41.67',
      '958.33',
      '958.33',
    ]);
    expect(s(first.closingBalance)).toBe('100000.00');
    expect(s(sim.schedule.at(-1)!.payout)).toBe('100958.33');
  });

  it('totals: 12,000 gross, 500.04 ISR, 11,499.96 net', () => {
    expect(s(sim.totals.grossInterest)).toBe('12000.00');
    expect(s(sim.totals.isrWithheld)).toBe('500.04'); // 12 × 41.67
    expect(s(sim.totals.netInterest)).toBe('11499.96');
    expect(s(sim.totals.totalReceived)).toBe('111499.96');
    expect(s(sim.totals.finalBalance)).toBe('100000.00');
  });

  it('effective yield: 958.33 a month on 100,000 → (1.0095833)^12 − 1 = 12.1259 %', () => {
    expect(sim.effectiveAnnualYield.toDecimalPlaces(6).toString()).toBe('0.121259');
  });
});

describe('compound', () => {
  const sim = simulateInvestment({ ...base, mode: 'compound' }, config);

  it('reinvests the net interest', () => {
    // Month 2 opens at 100958.33: gross 1009.583… → 1009.58; ISR 100958.33 × 0.005/12 = 42.066 → 42.07.
    const second = sim.schedule[1]!;
    expect([s(second.openingBalance), s(second.grossInterest), s(second.isrWithheld), s(second.netInterest)]).toEqual([
      '100958.33',
      '1009.58',
      '42.07',
      '967.51',
    ]);
    expect(sim.schedule.slice(0, -1).every((m) => m.payout.isZero())).toBe(true);
  });

  it('ends with 112,125.92, more than the payout mode receives', () => {
    expect(s(sim.totals.finalBalance)).toBe('112125.92');
    expect(s(sim.totals.totalReceived)).toBe('112125.92');
    expect(s(sim.totals.grossInterest)).toBe('12653.15');
    expect(s(sim.totals.isrWithheld)).toBe('527.23');
    expect(sim.totals.totalReceived.gt('111499.96')).toBe(true);
    // Yield = 112125.92 / 100000 − 1 = 12.12592 %
    expect(sim.effectiveAnnualYield.toDecimalPlaces(7).toString()).toBe('0.1212592');
  });
});

describe('ISR', () => {
  it('on interest: 20 % of 1,000 is 200', () => {
    const onInterest: BusinessConfig = { ...config, investment: { ...config.investment, isr: { basis: 'on_interest', rate: '0.20' } } };
    const sim = simulateInvestment({ ...base, mode: 'monthly_payout' }, onInterest);
    expect(s(sim.schedule[0]!.isrWithheld)).toBe('200.00');
    expect(s(sim.totals.isrWithheld)).toBe('2400.00');
  });

  it('on capital never withholds more than the interest earned', () => {
    const sim = simulateInvestment({ ...base, mode: 'monthly_payout', isrRate: '0.5' }, config);
    // 100000 × 0.5 / 12 = 4166.67 > 1000.00 → capped at 1000.00
    expect(s(sim.schedule[0]!.isrWithheld)).toBe('1000.00');
    expect(s(sim.totals.netInterest)).toBe('0.00');
  });

  it('zero rate withholds nothing', () => {
    const sim = simulateInvestment({ ...base, mode: 'compound', isrRate: 0 }, config);
    expect(s(sim.totals.isrWithheld)).toBe('0.00');
    // Closed form 100000 × 1.01^12 = 112682.503…; crediting whole cents each month
    // (half up) gains one cent along the way: 112682.51.
    expect((100000 * 1.01 ** 12).toFixed(2)).toBe('112682.50');
    expect(s(sim.totals.finalBalance)).toBe('112682.51');
  });
});

describe('configuration', () => {
  it('takes the rate from the term band: 24 months → 16 %', () => {
    const sim = simulateInvestment({ amount: 50000, termMonths: 24, mode: 'monthly_payout' }, config);
    expect(sim.input.annualRate.toString()).toBe('0.16');
    expect(s(sim.schedule[0]!.grossInterest)).toBe('666.67'); // 50000 × 0.16 / 12
  });

  it.each([
    [{ amount: 9999.99 }, 'amount'],
    [{ amount: 'diez mil' }, 'amount'],
    [{ termMonths: 5 }, 'termMonths'],
    [{ annualRate: 1.2 }, 'annualRate'],
    [{ isrRate: -0.01 }, 'isrRate'],
  ] as [Partial<InvestmentInput>, string][])('rejects %j naming %s', (patch, field) => {
    const run = (): unknown => simulateInvestment({ ...base, mode: 'compound', ...patch }, config);
    expect(run).toThrow(ValidationError);
    expect(run).toThrow(field);
  });
});

describe('compareInvestmentModes', () => {
  it('shows the monthly income of one mode against the growth of the other', () => {
    const [payout, compound] = compareInvestmentModes(base, config);
    expect(payout!.mode).toBe('monthly_payout');
    expect(s(payout!.monthlyPayout)).toBe('958.33');
    expect(s(compound!.monthlyPayout)).toBe('0.00');
    expect(compound!.netInterest.gt(payout!.netInterest)).toBe(true);
  });
});

describe('serializeInvestmentSimulation', () => {
  it('writes money with two decimals', () => {
    const json = serializeInvestmentSimulation(simulateInvestment({ ...base, mode: 'monthly_payout' }, config));
    expect(json.totals.isrWithheld).toBe('500.04');
    expect(json.schedule[0]!.closingBalance).toBe('100000.00');
    expect(json.effectiveAnnualYield).toBe('0.121259');
  });
});

describe('investment invariants', () => {
  const inputs = fc.record({
    amount: fc.integer({ min: 1_000_000, max: 1_000_000_000 }).map((c) => new Decimal(c).div(100)),
    termMonths: fc.constantFrom(...config.investment.allowedTermsMonths),
    annualRate: fc.integer({ min: 0, max: 3000 }).map((bp) => new Decimal(bp).div(10_000)),
    isrRate: fc.integer({ min: 0, max: 300 }).map((bp) => new Decimal(bp).div(10_000)),
  });

  it('money adds up in both modes', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        for (const mode of ['monthly_payout', 'compound'] as const) {
          const { schedule, totals } = simulateInvestment({ ...input, mode }, config);
          expect(schedule.every((m) => m.isrWithheld.lte(m.grossInterest) && m.netInterest.gte(0))).toBe(true);
          expect(totals.totalReceived.toString()).toBe(input.amount.plus(totals.netInterest).toString());
          expect(totals.grossInterest.minus(totals.isrWithheld).toString()).toBe(totals.netInterest.toString());
        }
      }),
      { numRuns: 60 },
    );
  });
});

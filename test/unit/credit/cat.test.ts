import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { DEFAULT_BUSINESS_CONFIG as config } from '../../../services/config/business.ts';
import { type CreditSimulationInput, simulateCredit } from '../../../services/credit/simulation.ts';
import { annualise, monthlyIrr } from '../../../services/credit/irr.ts';

const plain: CreditSimulationInput = {
  amount: 100000,
  termMonths: 12,
  monthlyRate: '0.03',
  scheme: 'fixed',
  openingFeeRate: 0,
  vatRate: 0,
  monthlyGpsFee: 0,
  monthlyInsuranceFee: 0,
  startDate: new Date('2025-01-15T18:00:00Z'),
};

/** Independent check: plain-float bisection on Σ flow_k / (1+i)^(k/12) = 0, t in years. */
function catByBisection(flows: number[]): number {
  const npv = (i: number): number => flows.reduce((acc, f, k) => acc + f / (1 + i) ** (k / 12), 0);
  let [low, high] = [0, 10];
  for (let step = 0; step < 200; step++) {
    const mid = (low + high) / 2;
    if (npv(mid) < 0) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

const customerFlows = (input: CreditSimulationInput): number[] => {
  const sim = simulateCredit(input, config);
  return [sim.disbursed, ...sim.schedule.map((r) => r.principal.plus(r.interest).plus(r.fees).negated())].map(Number);
};

describe('CAT (Banxico)', () => {
  it('without fees or VAT equals (1 + r)^12 − 1', () => {
    // (1.03)^12 − 1 = 0.4257608868… → 42.6 %. Cent rounding of the payments moves
    // the true rate of the rounded flows only in the 8th decimal.
    const sim = simulateCredit(plain, config);
    expect(sim.cat.toFixed(1)).toBe('42.6');
    expect(sim.catRaw.minus('0.4257608868').abs().lt('1e-7')).toBe(true);
  });

  it('ignores VAT: the same loan with 16 % VAT has the same CAT', () => {
    const withVat = simulateCredit({ ...plain, vatRate: '0.16' }, config);
    expect(withVat.catRaw.toString()).toBe(simulateCredit(plain, config).catRaw.toString());
  });

  it('counts an up-front opening fee: 97,000 received against 12 × 10,046.21', () => {
    // Independent bisection gives 0.5135212…: 51.4 %.
    const input = { ...plain, openingFeeRate: '0.03', openingFeeFinanced: false };
    const sim = simulateCredit(input, config);
    expect(sim.cat.toFixed(1)).toBe('51.4');
    expect(Math.abs(Number(sim.catRaw) - catByBisection(customerFlows(input)))).toBeLessThan(1e-9);
  });

  it('counts a financed opening fee and the monthly GPS fee', () => {
    const input = { ...plain, termMonths: 24, openingFeeRate: '0.03', openingFeeFinanced: true, monthlyGpsFee: 299 };
    const sim = simulateCredit(input, config);
    const independent = catByBisection(customerFlows(input));
    expect(Math.abs(Number(sim.catRaw) - independent)).toBeLessThan(1e-9);
    expect(sim.cat.toFixed(1)).toBe((independent * 100).toFixed(1));
    expect(sim.catRaw.gt(annualise(new Decimal('0.03')))).toBe(true);
  });

  it('a zero-rate loan without fees costs 0 %', () => {
    const sim = simulateCredit({ ...plain, monthlyRate: 0 }, config);
    expect(sim.cat.toFixed(1)).toBe('0.0');
  });
});

describe('monthlyIrr', () => {
  it('solves a two-flow case exactly: 100 now, 110 in a month → 10 %', () => {
    const rate = monthlyIrr([new Decimal(100), new Decimal(-110)]);
    expect(rate!.toDecimalPlaces(12).toString()).toBe('0.1');
  });

  it('finds negative rates (paid back less than received) through the fallback', () => {
    const rate = monthlyIrr([new Decimal(100), new Decimal(-50), new Decimal(-40)], new Decimal(5));
    // With v = 1/(1+m): 40v² + 50v − 100 = 0 → v = (−50 + √18500) / 80 = 1.075184…, m = 1/v − 1 = −0.069926…
    const expected = 80 / (-50 + Math.sqrt(18500)) - 1;
    expect(expected).toBeCloseTo(-0.069926, 6);
    expect(Math.abs(Number(rate) - expected)).toBeLessThan(1e-12);
  });

  it('has no answer when every flow has the same sign', () => {
    expect(monthlyIrr([new Decimal(100), new Decimal(10)])).toBeUndefined();
  });
});

/**
 * Hand-worked examples. Unless said otherwise: no opening fee, no VAT, no
 * monthly fees, so each figure can be checked with a pocket calculator.
 */
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { DEFAULT_BUSINESS_CONFIG as config } from '../../../services/config/business.ts';
import {
  type CreditSimulationInput,
  compareSchemes,
  serializeCreditSimulation,
  simulateCredit,
} from '../../../services/credit/simulation.ts';
import { ValidationError } from '../../../services/credit/errors.ts';

const plain: Omit<CreditSimulationInput, 'amount' | 'scheme'> = {
  termMonths: 12,
  monthlyRate: '0.03',
  openingFeeRate: 0,
  vatRate: 0,
  monthlyGpsFee: 0,
  monthlyInsuranceFee: 0,
  startDate: new Date('2025-01-15T18:00:00Z'),
};
const s = (d: Decimal): string => d.toFixed(2);

describe('fixed scheme (French annuity)', () => {
  it('100,000 at 3 % monthly for 12 months pays 10,046.21', () => {
    // A = P·r / (1 − (1+r)^−n) = 100000 × 0.03 / (1 − 1.03^−12)
    //   = 3000 / 0.298619... = 10046.2085 → 10046.21
    const closedForm = (100000 * 0.03) / (1 - 1.03 ** -12);
    expect(closedForm.toFixed(2)).toBe('10046.21');

    const sim = simulateCredit({ ...plain, amount: 100000, scheme: 'fixed' }, config);
    const [first, second] = sim.schedule;
    // Month 1: interest 100000 × 0.03 = 3000.00; principal 10046.21 − 3000 = 7046.21
    expect([s(first!.interest), s(first!.principal), s(first!.balance)]).toEqual(['3000.00', '7046.21', '92953.79']);
    // Month 2: interest 92953.79 × 0.03 = 2788.6137 → 2788.61; principal 7257.60
    expect([s(second!.interest), s(second!.principal), s(second!.balance)]).toEqual(['2788.61', '7257.60', '85696.19']);
    expect(s(sim.monthlyPayment)).toBe('10046.21');
    // The cent residue lands in the last installment: 9753.58 + 292.61 = 10046.19.
    const last = sim.schedule.at(-1)!;
    expect([s(last.principal), s(last.interest), s(last.payment), s(last.balance)]).toEqual([
      '9753.58',
      '292.61',
      '10046.19',
      '0.00',
    ]);
    expect(s(sim.totals.interest)).toBe('20554.50');
    expect(s(sim.totals.principal)).toBe('100000.00');
    expect(s(sim.totals.payment)).toBe('120554.50');
  });

  it('adds 16 % VAT on each interest on top of the constant capital + interest', () => {
    const sim = simulateCredit({ ...plain, amount: 100000, scheme: 'fixed', vatRate: '0.16' }, config);
    // Month 1: VAT 3000 × 0.16 = 480.00 → 10046.21 + 480 = 10526.21
    expect(s(sim.schedule[0]!.vat)).toBe('480.00');
    expect(s(sim.monthlyPayment)).toBe('10526.21');
    // Month 2: VAT 2788.61 × 0.16 = 446.1776 → 446.18
    expect(s(sim.schedule[1]!.vat)).toBe('446.18');
    expect(s(sim.schedule[1]!.payment)).toBe('10492.39');
    // VAT total is 16 % of each rounded interest, summed: close to 0.16 × 20554.50 = 3288.72
    expect(sim.totals.vat.minus('3288.72').abs().lte('0.06')).toBe(true);
    expect(s(sim.totals.payment)).toBe(s(new Decimal('120554.50').plus(sim.totals.vat)));
  });
});

describe('decreasing scheme (constant principal)', () => {
  it('120,000 at 3 % for 12 months: 13,600 first, 10,300 last', () => {
    // Principal 120000 / 12 = 10000 a month.
    // First: 10000 + 120000 × 0.03 = 13600. Last: 10000 + 10000 × 0.03 = 10300.
    const sim = simulateCredit({ ...plain, amount: 120000, scheme: 'decreasing' }, config);
    expect(s(sim.monthlyPayment)).toBe('13600.00');
    expect(s(sim.schedule.at(-1)!.payment)).toBe('10300.00');
    // Total interest 0.03 × 10000 × (12 + 11 + … + 1) = 300 × 78 = 23400
    expect(s(sim.totals.interest)).toBe('23400.00');
  });

  it('with VAT: 13,600 + 576 first, 10,300 + 48 last', () => {
    const sim = simulateCredit({ ...plain, amount: 120000, scheme: 'decreasing', vatRate: '0.16' }, config);
    expect(s(sim.monthlyPayment)).toBe('14176.00');
    expect(s(sim.schedule.at(-1)!.payment)).toBe('10348.00');
    expect(s(sim.totals.vat)).toBe('3744.00'); // 23400 × 0.16
  });
});

describe('interest-only scheme', () => {
  it('pays 3,000 for 11 months and 103,000 at the end', () => {
    const sim = simulateCredit({ ...plain, amount: 100000, scheme: 'interest_only' }, config);
    for (const row of sim.schedule.slice(0, 11)) {
      expect([s(row.payment), s(row.principal), s(row.balance)]).toEqual(['3000.00', '0.00', '100000.00']);
    }
    expect(s(sim.schedule.at(-1)!.payment)).toBe('103000.00');
    expect(s(sim.totals.interest)).toBe('36000.00');
  });

  it('with VAT: 3,480 a month, 103,480 at the end', () => {
    const sim = simulateCredit({ ...plain, amount: 100000, scheme: 'interest_only', vatRate: '0.16' }, config);
    expect(s(sim.monthlyPayment)).toBe('3480.00');
    expect(s(sim.schedule.at(-1)!.payment)).toBe('103480.00');
  });
});

describe('opening fee', () => {
  it('financed: 3 % of 100,000 is added to the principal', () => {
    const sim = simulateCredit({ ...plain, amount: 100000, scheme: 'fixed', openingFeeRate: '0.03', openingFeeFinanced: true }, config);
    // Principal 103000; A = 103000 × 0.03 / (1 − 1.03^−12) = 10347.5948 → 10347.59
    expect(((103000 * 0.03) / (1 - 1.03 ** -12)).toFixed(2)).toBe('10347.59');
    expect(s(sim.principal)).toBe('103000.00');
    expect(s(sim.disbursed)).toBe('100000.00');
    expect(s(sim.totals.openingFee)).toBe('3000.00');
    expect(s(sim.monthlyPayment)).toBe('10347.59');
    expect(s(sim.totals.principal)).toBe('103000.00');
    expect(s(sim.totals.toPay)).toBe(s(sim.totals.payment));
  });

  it('up front: deducted from the disbursement, schedule unchanged', () => {
    const sim = simulateCredit({ ...plain, amount: 100000, scheme: 'fixed', openingFeeRate: '0.03', openingFeeFinanced: false }, config);
    expect(s(sim.principal)).toBe('100000.00');
    expect(s(sim.disbursed)).toBe('97000.00');
    expect(s(sim.monthlyPayment)).toBe('10046.21');
    expect(s(sim.totals.toPay)).toBe('123554.50'); // 120554.50 + 3000
  });
});

describe('monthly fees', () => {
  it('GPS 299 and insurance 150 go into every installment', () => {
    const sim = simulateCredit({ ...plain, amount: 100000, scheme: 'fixed', monthlyGpsFee: 299, monthlyInsuranceFee: 150 }, config);
    expect(s(sim.schedule[0]!.fees)).toBe('449.00');
    expect(s(sim.monthlyPayment)).toBe('10495.21');
    expect(s(sim.totals.fees)).toBe('5388.00'); // 449 × 12
  });
});

describe('due dates', () => {
  it('fall on the same day each month, or the month end when shorter', () => {
    // 2025-02-01 03:00 UTC is 2025-01-31 21:00 in Mexico City: the loan starts on the 31st.
    const sim = simulateCredit({ ...plain, amount: 100000, scheme: 'fixed', startDate: new Date('2025-02-01T03:00:00Z') }, config);
    expect(sim.schedule.slice(0, 4).map((r) => r.dueDate)).toEqual(['2025-02-28', '2025-03-31', '2025-04-30', '2025-05-31']);
    expect(sim.schedule.at(-1)!.dueDate).toBe('2026-01-31');
  });
});

describe('configuration defaults', () => {
  it('uses the default rate, 3 % financed fee, 16 % VAT and the 299 GPS fee', () => {
    const sim = simulateCredit({ amount: 100000, termMonths: 24, scheme: 'fixed', startDate: plain.startDate }, config);
    expect(sim.input.monthlyRate.toString()).toBe('0.035');
    expect(s(sim.principal)).toBe('103000.00');
    // 103000 × 0.035 / (1 − 1.035^−24) = 6414.10; + VAT 3605 × 0.16 = 576.80; + GPS 299 = 7289.90
    expect(((103000 * 0.035) / (1 - 1.035 ** -24)).toFixed(2)).toBe('6414.10');
    expect(s(sim.monthlyPayment)).toBe('7289.90');
  });
});

describe('validation', () => {
  const base: CreditSimulationInput = { ...plain, amount: 100000, scheme: 'fixed' };
  const fieldOf = (input: CreditSimulationInput): string | undefined => {
    try {
      simulateCredit(input, config);
    } catch (error) {
      if (error instanceof ValidationError) return error.field;
      throw error;
    }
    return undefined;
  };

  it.each([
    [{ amount: 0 }, 'amount'],
    [{ amount: -5000 }, 'amount'],
    [{ amount: 'mucho' }, 'amount'],
    [{ amount: '100000.005' }, 'amount'],
    [{ amount: 5000 }, 'amount'],
    [{ amount: 2000000.01 }, 'amount'],
    [{ termMonths: 7 }, 'termMonths'],
    [{ termMonths: 60 }, 'termMonths'],
    [{ monthlyRate: '0.5' }, 'monthlyRate'],
    [{ monthlyRate: -0.01 }, 'monthlyRate'],
    [{ openingFeeRate: 2 }, 'openingFeeRate'],
    [{ monthlyGpsFee: -1 }, 'monthlyGpsFee'],
  ] as [Partial<CreditSimulationInput>, string][])('rejects %j naming %s', (patch, field) => {
    expect(fieldOf({ ...base, ...patch })).toBe(field);
  });

  it('accepts amounts as number, string and Decimal alike', () => {
    const figures = [100000, '100000.00', new Decimal(100000)].map(
      (amount) => simulateCredit({ ...base, amount }, config).monthlyPayment.toFixed(2),
    );
    expect(new Set(figures)).toEqual(new Set(['10046.21']));
  });
});

describe('compareSchemes', () => {
  it('puts the three schemes side by side', () => {
    const rows = compareSchemes({ ...plain, amount: 120000 }, config);
    expect(rows.map((r) => r.scheme)).toEqual(['fixed', 'decreasing', 'interest_only']);
    const [fixed, decreasing, interestOnly] = rows;
    expect(s(decreasing!.firstPayment)).toBe('13600.00');
    expect(s(interestOnly!.lastPayment)).toBe('123600.00');
    // Paying principal sooner costs less interest.
    expect(decreasing!.totalInterest.lt(fixed!.totalInterest)).toBe(true);
    expect(fixed!.totalInterest.lt(interestOnly!.totalInterest)).toBe(true);
    // Without fees every scheme's CAT is the same rate: (1.03)^12 − 1 = 42.6 %.
    expect(rows.map((r) => r.cat.toFixed(1))).toEqual(['42.6', '42.6', '42.6']);
  });
});

describe('serializeCreditSimulation', () => {
  it('writes money with two decimals and dates as ISO', () => {
    const json = serializeCreditSimulation(simulateCredit({ ...plain, amount: 120000, scheme: 'decreasing' }, config));
    expect(json.schedule[0]).toEqual({
      n: 1,
      dueDate: '2025-02-15',
      payment: '13600.00',
      interest: '3600.00',
      vat: '0.00',
      principal: '10000.00',
      fees: '0.00',
      balance: '110000.00',
    });
    expect(json.input.monthlyRate).toBe('0.03');
    expect(json.cat).toBe('42.6');
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

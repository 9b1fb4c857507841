import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { DEFAULT_BUSINESS_CONFIG as config } from '../../../services/config/business.ts';
import { type PrequalificationInput, prequalify } from '../../../services/scoring/rules.ts';
import { firstFixedPayment } from '../../../services/scoring/capacity.ts';
import { ValidationError } from '../../../services/credit/errors.ts';

const now = new Date('2025-06-15T18:00:00Z');
const good: PrequalificationInput = { vehicleValue: 200000, vehicleYear: 2020, monthlyIncome: 100000, monthlyDebts: 0, bureauScore: 720 };
const run = (patch: Partial<PrequalificationInput>) => prequalify({ ...good, ...patch }, config, now);

describe('loan-to-value', () => {
  it('lends up to 70 % of the car: 200,000 → 140,000', () => {
    const result = run({});
    expect(result).toMatchObject({ grade: 'A', maxTermMonths: 48, decision: 'prequalified', ruleVersion: 'prequal-2025.1' });
    expect(result.maxAmount.toString()).toBe('140000');
    expect(result.monthlyRate.toString()).toBe('0.032');
    expect(result.reasons).toEqual(['Podemos prestarte hasta el 70% del valor de tu auto.']);
    expect(result.reasonCodes).toEqual(['limited_by_vehicle_value']);
  });

  it('rounds down to whole thousands: 0.7 × 214,999 = 150,499.30 → 150,000', () => {
    expect(run({ vehicleValue: 214999 }).maxAmount.toString()).toBe('150000');
  });

  it('declines when 70 % of the car is below the 10,000 minimum', () => {
    const result = run({ vehicleValue: 14000 }); // 0.7 × 14000 = 9800
    expect(result.decision).toBe('declined');
    expect(result.maxAmount.toString()).toBe('0');
    expect(result.reasons).toEqual(['Con tus datos, lo que podríamos prestarte queda por debajo de nuestro mínimo de $10,000.']);
  });
});

describe('payment to income', () => {
  it('income 40,000 with 5,000 of debts leaves 9,000 a month: 182,000 fits, 183,000 does not', () => {
    // Capacity: 0.35 × 40000 − 5000 = 9000. Grade A, 48 months, 3.2 %.
    // 182,000 + 3 % financed fee = 187,460; A = 187460 × 0.032 / (1 − 1.032^−48) = 7695.43;
    // VAT 0.16 × 5998.72 = 959.80; + GPS 299 → 8954.23 ≤ 9000.
    // 183,000 → 188,490: 7737.71 + 965.07 + 299 = 9001.78 > 9000.
    const result = run({ vehicleValue: 300000, vehicleYear: 2019, monthlyIncome: 40000, monthlyDebts: 5000, bureauScore: 710 });
    expect(result.maxAmount.toString()).toBe('182000');
    expect(result.decision).toBe('prequalified');
    expect(result.reasons).toEqual(['Para que el pago mensual te quede cómodo con tus ingresos, te podemos prestar hasta $182,000.']);
    expect(firstFixedPayment(new Decimal(182000), new Decimal('0.032'), 48, config).toFixed(2)).toBe('8954.23');
    expect(firstFixedPayment(new Decimal(183000), new Decimal('0.032'), 48, config).toFixed(2)).toBe('9001.78');
  });

  it('declines when existing debts already take 35 % of income', () => {
    const result = run({ monthlyIncome: 20000, monthlyDebts: 7000 });
    expect(result.decision).toBe('declined');
    expect(result.reasonCodes).toEqual(['no_payment_capacity']);
    expect(result.reasons[0]).toMatch(/^Tus pagos actuales ya ocupan/);
  });

  it('declines when there is no income at all', () => {
    expect(run({ monthlyIncome: 0, bureauScore: undefined }).decision).toBe('declined');
  });
});

describe('vehicle age', () => {
  it('accepts a 15-year-old car and declines a 16-year-old one', () => {
    expect(run({ vehicleYear: 2010 }).decision).toBe('prequalified');
    const old = run({ vehicleYear: 2009 });
    expect(old.decision).toBe('declined');
    expect(old.maxAmount.toString()).toBe('0');
    expect(old.maxTermMonths).toBe(0);
    expect(old.reasons).toEqual(['Tu auto tiene más de 15 años; por ahora no podemos aceptarlo como garantía.']);
  });

  it("counts the year in Mexico City: New Year's Eve there is still the old year", () => {
    const eve = new Date('2026-01-01T03:00:00Z'); // 2025-12-31 21:00 in Mexico City
    const newYear = new Date('2026-01-01T07:00:00Z'); // 2026-01-01 01:00
    expect(prequalify({ ...good, vehicleYear: 2010 }, config, eve).decision).toBe('prequalified');
    expect(prequalify({ ...good, vehicleYear: 2010 }, config, newYear).decision).toBe('declined');
  });

  it('takes next year’s model as new', () => {
    expect(run({ vehicleYear: 2026 }).decision).toBe('prequalified');
  });
});

describe('bureau score bands', () => {
  it.each([
    [850, 'A', 'prequalified'],
    [700, 'A', 'prequalified'],
    [699, 'B', 'prequalified'],
    [650, 'B', 'prequalified'],
    [649, 'C', 'prequalified'],
    [600, 'C', 'prequalified'],
    [599, 'D', 'prequalified'],
    [550, 'D', 'prequalified'],
    [549, 'E', 'prequalified'],
    [500, 'E', 'prequalified'],
    [499, 'E', 'review'],
    [450, 'E', 'review'],
    [449, 'E', 'declined'],
  ])('score %i → grade %s, %s', (bureauScore, grade, decision) => {
    expect(run({ bureauScore })).toMatchObject({ grade, decision });
  });

  it('explains a weak and a low score', () => {
    expect(run({ bureauScore: 480 }).reasons[0]).toBe(
      'Tu historial en buró necesita una revisión; un asesor verá tu caso para darte la mejor opción.',
    );
    expect(run({ bureauScore: 300 }).reasons).toEqual([
      'Por tu historial en buró de crédito, por ahora no podemos ofrecerte un préstamo.',
    ]);
  });

  it('uses each grade’s term cap and rate', () => {
    expect(run({ bureauScore: 620 })).toMatchObject({ grade: 'C', maxTermMonths: 36 });
    expect(run({ bureauScore: 620 }).monthlyRate.toString()).toBe('0.042');
    expect(run({ bureauScore: 520 })).toMatchObject({ grade: 'E', maxTermMonths: 12 });
    expect(run({ bureauScore: 520 }).monthlyRate.toString()).toBe('0.055');
  });
});

describe('without a bureau score', () => {
  const noBureau = (monthlyDebts: number, vehicleYear = 2022) =>
    run({ bureauScore: undefined, monthlyIncome: 100000, monthlyDebts, vehicleYear });

  it('grades by debt ratio and car age', () => {
    expect(noBureau(10000)).toMatchObject({ grade: 'B', decision: 'prequalified' }); // 10 %, 3 years
    expect(noBureau(10000, 2017)).toMatchObject({ grade: 'C', decision: 'prequalified' }); // 10 %, 8 years
    expect(noBureau(20000)).toMatchObject({ grade: 'C', decision: 'prequalified' }); // 20 %
    expect(noBureau(29000)).toMatchObject({ grade: 'D', decision: 'prequalified' }); // 29 %
  });

  it('sends borderline cases to an advisor', () => {
    const borderline = noBureau(30000); // 30 % ≥ 35 % − 5 %
    expect(borderline).toMatchObject({ grade: 'D', decision: 'review' });
    expect(borderline.reasons[0]).toBe(
      'Como no tenemos tu historial de buró, un asesor revisará tu solicitud para darte la mejor opción.',
    );
    expect(noBureau(31000)).toMatchObject({ grade: 'E', decision: 'review' }); // no rule fits: fallback
  });

  it('worked example: income 15,000, debts 2,000, a 2019 car → C, 46,000', () => {
    // Ratio 13.3 %, 6 years → C: 36 months at 4.2 %. Capacity 0.35 × 15000 − 2000 = 3250.
    // 46,000 → first payment 3193.01 fits; 47,000 → 3255.93 does not.
    const result = run({ vehicleValue: 300000, vehicleYear: 2019, monthlyIncome: 15000, monthlyDebts: 2000, bureauScore: undefined });
    expect(result).toMatchObject({ grade: 'C', maxTermMonths: 36, decision: 'prequalified' });
    expect(result.maxAmount.toString()).toBe('46000');
  });
});

describe('requested amount and term', () => {
  it('offers the max when more is asked', () => {
    const result = run({ requestedAmount: 500000 });
    expect(result.decision).toBe('prequalified');
    expect(result.reasons).toContain('Lo que pides es más de lo que podemos ofrecerte por ahora; te podemos prestar hasta $140,000.');
  });

  it('says where loans start when less than the minimum is asked', () => {
    expect(run({ requestedAmount: 5000 }).reasons).toContain('Nuestros préstamos empiezan en $10,000.');
  });

  it('caps the term to the grade and says so', () => {
    const result = run({ bureauScore: 520, requestedTermMonths: 24 });
    expect(result.maxTermMonths).toBe(12);
    expect(result.reasons).toContain('Para tu perfil el plazo máximo es de 12 meses.');
  });

  it('prices a shorter requested term with its own band', () => {
    expect(run({ requestedTermMonths: 12 }).monthlyRate.toString()).toBe('0.03');
    expect(run({ requestedTermMonths: 12 }).maxTermMonths).toBe(48);
  });
});

describe('validation', () => {
  it.each([
    [{ vehicleValue: 0 }, 'vehicleValue'],
    [{ vehicleYear: 2027 }, 'vehicleYear'],
    [{ vehicleYear: 2020.5 }, 'vehicleYear'],
    [{ monthlyIncome: -1 }, 'monthlyIncome'],
    [{ monthlyDebts: 'varias' }, 'monthlyDebts'],
    [{ bureauScore: 1200 }, 'bureauScore'],
    [{ requestedTermMonths: 7 }, 'requestedTermMonths'],
  ] as [Partial<PrequalificationInput>, string][])('rejects %j naming %s', (patch, field) => {
    expect(() => run(patch)).toThrow(ValidationError);
    expect(() => run(patch)).toThrow(field);
  });
});

describe('prequalification invariants', () => {
  const applicants = fc.record({
    vehicleValue: fc.integer({ min: 5_000, max: 3_000_000 }),
    vehicleYear: fc.integer({ min: 2000, max: 2026 }),
    monthlyIncome: fc.integer({ min: 0, max: 300_000 }),
    monthlyDebts: fc.integer({ min: 0, max: 100_000 }),
    bureauScore: fc.option(fc.integer({ min: 300, max: 850 }), { nil: undefined }),
  });

  it('never offers more than 70 % of the car or a payment beyond 35 % of income', () => {
    fc.assert(
      fc.property(applicants, (input) => {
        const result = prequalify(input, config, now);
        expect(prequalify(input, config, now)).toEqual(result);
        if (result.decision === 'declined') {
          expect(result.maxAmount.isZero()).toBe(true);
          return;
        }
        expect(result.maxAmount.lte(new Decimal(input.vehicleValue).times('0.7'))).toBe(true);
        expect(result.maxAmount.mod(1000).isZero()).toBe(true);
        const payment = firstFixedPayment(result.maxAmount, result.monthlyRate, result.maxTermMonths, config);
        expect(payment.plus(input.monthlyDebts).lte(new Decimal(input.monthlyIncome).times('0.35'))).toBe(true);
        expect(result.reasons.length).toBeGreaterThan(0);
      }),
      { numRuns: 80 },
    );
  });
});

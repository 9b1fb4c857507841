import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { DEFAULT_BUSINESS_CONFIG as config } from '../../../services/config/business.ts';
import { type CreditSimulationInput, simulateCredit } from '../../../services/credit/simulation.ts';

/** Any loan the configuration allows, amounts in whole cents. */
const loans: fc.Arbitrary<CreditSimulationInput> = fc.record({
  amount: fc.integer({ min: 1_000_000, max: 200_000_000 }).map((c) => new Decimal(c).div(100)),
  termMonths: fc.constantFrom(...config.credit.allowedTermsMonths),
  monthlyRate: fc.integer({ min: 0, max: 800 }).map((bp) => new Decimal(bp).div(10_000)),
  scheme: fc.constantFrom('fixed' as const, 'decreasing' as const, 'interest_only' as const),
  openingFeeRate: fc.integer({ min: 0, max: 600 }).map((bp) => new Decimal(bp).div(10_000)),
  openingFeeFinanced: fc.boolean(),
  vatRate: fc.constantFrom('0', '0.16'),
  monthlyGpsFee: fc.constantFrom(0, 299, '349.90'),
  monthlyInsuranceFee: fc.constantFrom(0, 450),
  startDate: fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }),
});

const hasCents = (d: Decimal): boolean => d.decimalPlaces() <= 2;

describe('credit simulation invariants', () => {
  it('principal paid sums exactly to the principal owed (amount + financed fee)', () => {
    fc.assert(
      fc.property(loans, (input) => {
        const sim = simulateCredit(input, config);
        const fee = input.openingFeeFinanced ? sim.totals.openingFee : new Decimal(0);
        expect(sim.totals.principal.toString()).toBe(new Decimal(input.amount).plus(fee).toString());
        expect(sim.principal.toString()).toBe(sim.totals.principal.toString());
      }),
      { numRuns: 150 },
    );
  });

  it('balances never go negative and end at exactly zero', () => {
    fc.assert(
      fc.property(loans, (input) => {
        const { schedule } = simulateCredit(input, config);
        expect(schedule.every((r) => r.balance.gte(0) && r.principal.gte(0))).toBe(true);
        expect(schedule.at(-1)!.balance.isZero()).toBe(true);
        expect(schedule.length).toBe(input.termMonths);
      }),
      { numRuns: 150 },
    );
  });

  it('every figure is in whole cents and each payment adds up', () => {
    fc.assert(
      fc.property(loans, (input) => {
        const { schedule } = simulateCredit(input, config);
        for (const r of schedule) {
          expect([r.payment, r.interest, r.vat, r.principal, r.fees, r.balance].every(hasCents)).toBe(true);
          expect(r.payment.toString()).toBe(r.principal.plus(r.interest).plus(r.vat).plus(r.fees).toString());
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the fixed scheme keeps principal + interest constant but for the last installment', () => {
    fc.assert(
      fc.property(loans, (input) => {
        const { schedule } = simulateCredit({ ...input, scheme: 'fixed' }, config);
        const installments = new Set(schedule.slice(0, -1).map((r) => r.principal.plus(r.interest).toString()));
        expect(installments.size).toBeLessThanOrEqual(1);
      }),
      { numRuns: 100 },
    );
  });

  it('CAT is never below the nominal rate compounded, and never negative', () => {
    fc.assert(
      fc.property(loans, (input) => {
        const sim = simulateCredit(input, config);
        const compounded = new Decimal(1).plus(sim.input.monthlyRate).pow(12).minus(1);
        expect(sim.catRaw.gte(compounded.minus('0.0001'))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

/**
 * Internal rate of return of monthly cash flows, in Decimal arithmetic.
 *
 * `flows[k]` is the net amount at month k (one sign for money received, the
 * other for money paid). We solve Σ flows[k]·(1+m)^-k = 0 for the monthly rate m
 * by Newton's method, falling back to bisection when Newton leaves the valid
 * range or does not settle; the annual effective rate is (1+m)^12 − 1, which is
 * the Banxico CAT equation Σ A_j(1+i)^-t_j = Σ B_k(1+i)^-t_k with t = k/12 years.
 */
import { Decimal } from 'decimal.js';

const Precise = Decimal.clone({ precision: 32, rounding: Decimal.ROUND_HALF_UP });
type P = InstanceType<typeof Precise>;

const TOLERANCE = new Precise('1e-20');
const MAX_NEWTON_STEPS = 60;
const MAX_BISECTION_STEPS = 300;

function npvAndSlope(flows: readonly P[], m: P): { npv: P; slope: P } {
  const discount = new Precise(1).div(new Precise(1).plus(m));
  let factor = new Precise(1); // (1+m)^-k
  let npv = new Precise(0);
  let slope = new Precise(0); // d npv / dm = Σ -k·c_k·(1+m)^-(k+1)
  flows.forEach((flow, k) => {
    npv = npv.plus(flow.times(factor));
    slope = slope.minus(flow.times(k).times(factor).times(discount));
    factor = factor.times(discount);
  });
  return { npv, slope };
}

function newton(flows: readonly P[], guess: P): P | undefined {
  let m = guess;
  for (let step = 0; step < MAX_NEWTON_STEPS; step++) {
    const { npv, slope } = npvAndSlope(flows, m);
    if (slope.isZero()) return undefined;
    const next = m.minus(npv.div(slope));
    if (next.lte(-1) || !next.isFinite()) return undefined;
    if (next.minus(m).abs().lt(TOLERANCE)) return next;
    m = next;
  }
  return undefined;
}

function bisection(flows: readonly P[]): P | undefined {
  let low = new Precise('-0.999999');
  let high = new Precise(100);
  const sign = (m: P): number => npvAndSlope(flows, m).npv.comparedTo(0);
  const lowSign = sign(low);
  if (lowSign === 0) return low;
  if (lowSign === sign(high)) return undefined;
  for (let step = 0; step < MAX_BISECTION_STEPS && high.minus(low).gt(TOLERANCE); step++) {
    const mid = low.plus(high).div(2);
    if (sign(mid) === lowSign) low = mid;
    else high = mid;
  }
  return low.plus(high).div(2);
}

/**
 * A starting point only: Newton in binary floating point is cheap and lands
 * within ~1e-15 of the root, so the exact Decimal Newton needs one or two steps.
 * Falls back to `guess` when the float iteration goes astray.
 */
function floatGuess(flows: readonly Decimal[], guess: number): number {
  const values = flows.map(Number);
  let m = guess;
  for (let step = 0; step < 50; step++) {
    let npv = 0;
    let slope = 0;
    values.forEach((flow, k) => {
      npv += flow * (1 + m) ** -k;
      slope -= k * flow * (1 + m) ** (-k - 1);
    });
    const next = m - npv / slope;
    if (!Number.isFinite(next) || next <= -1) return guess;
    if (Math.abs(next - m) < 1e-15) return next;
    m = next;
  }
  return Number.isFinite(m) && m > -1 ? m : guess;
}

/** Monthly IRR of the flows; undefined when they have no root (e.g. all one sign). */
export function monthlyIrr(flows: readonly Decimal[], guess: Decimal = new Decimal('0.03')): Decimal | undefined {
  const precise = flows.map((f) => new Precise(f.toString()));
  const start = new Precise(floatGuess(flows, guess.toNumber()));
  const root = newton(precise, start) ?? bisection(precise);
  return root === undefined ? undefined : new Decimal(root.toString());
}

/** Effective annual rate of a monthly rate: (1+m)^12 − 1. */
export function annualise(monthlyRate: Decimal): Decimal {
  const factor = new Precise(1).plus(monthlyRate.toString()).pow(12);
  return new Decimal(factor.minus(1).toString());
}

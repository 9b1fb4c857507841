/**
 * Why a prequalification came out as it did: a stable code for the bot and the
 * audit trail, and a short customer-facing text in Mexican Spanish (tú, warm,
 * WhatsApp-friendly).
 */
import type { Decimal } from '../credit/money.ts';

export type ReasonCode =
  | 'vehicle_too_old'
  | 'bureau_too_low'
  | 'bureau_weak'
  | 'no_bureau_review'
  | 'no_payment_capacity'
  | 'below_minimum_amount'
  | 'limited_by_vehicle_value'
  | 'limited_by_income'
  | 'requested_above_max'
  | 'requested_below_minimum'
  | 'term_capped';

export interface Reason {
  code: ReasonCode;
  text: string;
}

/** "$120,000" or "$1,234.50": pesos with thousands separators, cents only when present. */
export function pesos(amount: Decimal): string {
  const fixed = amount.isInteger() ? amount.toFixed(0) : amount.toFixed(2);
  const [whole, fraction] = fixed.split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `$${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

function percent(fraction: Decimal): string {
  return `${fraction.times(100).toDecimalPlaces(1).toString()}%`;
}

export const reasons = {
  vehicleTooOld: (maxAge: number): Reason => ({
    code: 'vehicle_too_old',
    text: `Tu auto tiene más de ${maxAge} años; por ahora no podemos aceptarlo como garantía.`,
  }),
  bureauTooLow: (): Reason => ({
    code: 'bureau_too_low',
    text: 'Por tu historial en buró de crédito, por ahora no podemos ofrecerte un préstamo.',
  }),
  bureauWeak: (): Reason => ({
    code: 'bureau_weak',
    text: 'Tu historial en buró necesita una revisión; un asesor verá tu caso para darte la mejor opción.',
  }),
  noBureauReview: (): Reason => ({
    code: 'no_bureau_review',
    text: 'Como no tenemos tu historial de buró, un asesor revisará tu solicitud para darte la mejor opción.',
  }),
  noPaymentCapacity: (): Reason => ({
    code: 'no_payment_capacity',
    text: 'Tus pagos actuales ya ocupan buena parte de tu ingreso; por ahora un nuevo pago mensual te quedaría pesado.',
  }),
  belowMinimumAmount: (minimum: Decimal): Reason => ({
    code: 'below_minimum_amount',
    text: `Con tus datos, lo que podríamos prestarte queda por debajo de nuestro mínimo de ${pesos(minimum)}.`,
  }),
  limitedByVehicleValue: (ltv: Decimal): Reason => ({
    code: 'limited_by_vehicle_value',
    text: `Podemos prestarte hasta el ${percent(ltv)} del valor de tu auto.`,
  }),
  limitedByIncome: (maxAmount: Decimal): Reason => ({
    code: 'limited_by_income',
    text: `Para que el pago mensual te quede cómodo con tus ingresos, te podemos prestar hasta ${pesos(maxAmount)}.`,
  }),
  requestedAboveMax: (maxAmount: Decimal): Reason => ({
    code: 'requested_above_max',
    text: `Lo que pides es más de lo que podemos ofrecerte por ahora; te podemos prestar hasta ${pesos(maxAmount)}.`,
  }),
  requestedBelowMinimum: (minimum: Decimal): Reason => ({
    code: 'requested_below_minimum',
    text: `Nuestros préstamos empiezan en ${pesos(minimum)}.`,
  }),
  termCapped: (maxTerm: number): Reason => ({
    code: 'term_capped',
    text: `Para tu perfil el plazo máximo es de ${maxTerm} meses.`,
  }),
};

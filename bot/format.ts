// How Ana writes figures: money as $12,345.67 MXN (exact, from Decimal), CAT
// with one decimal.
import { Decimal } from 'decimal.js';

export function formatMoney(value: Decimal | number | string): string {
  const fixed = new Decimal(value).toFixed(2, Decimal.ROUND_HALF_UP);
  const negative = fixed.startsWith('-');
  const [whole, cents] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}$${grouped}.${cents} MXN`;
}

/** Whole pesos without cents, for amounts the customer chose ("$100,000"). */
export function formatAmount(value: number): string {
  return `$${Math.round(value).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

export function formatCat(cat: Decimal): string {
  return `CAT ${cat.toFixed(1)}% sin IVA, informativo`;
}

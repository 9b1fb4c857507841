// How the customer wants to repay: same payment every month, payments that go down, or interest only.

import type { PaymentScheme } from '../types.ts';
import type { Candidate } from './candidate.ts';

const SCHEMES: [PaymentScheme, RegExp][] = [
  ['interest_only', /\b(?:solo|puros?|nada mas|unicamente)\s+(?:los\s+|el\s+)?(?:intereses|interes)\b|\bintereses\s+y\s+(?:el\s+)?capital\s+al\s+final\b|\bcapital\s+al\s+final\b|\bballoon\b|\bpago\s+globo\b|\bbullet\b/g],
  ['decreasing', /\bdecrecientes?\b|\b(?:pagos?|mensualidades|cuotas?)\s+(?:que\s+)?(?:van\s+|vayan\s+)?(?:bajando|disminuyendo|decreciendo)\b|\bcapital\s+fijo\b|\bamortizacion\s+(?:constante|alemana)\b|\baleman\b/g],
  ['fixed', /\b(?:pagos?|mensualidad(?:es)?|cuotas?|abonos?|letras?)\s+(?:fij[oa]s?|iguales|nivelad[oa]s)\b|\bfrances\b|\bmisma\s+(?:mensualidad|cuota|cantidad)\b|\bmismo\s+pago\b|\bsiempre\s+lo\s+mismo\b/g],
];

export function extractPaymentSchemes(folded: string, original: string): Candidate[] {
  const found: Candidate[] = [];
  for (const [scheme, pattern] of SCHEMES) {
    for (const m of folded.matchAll(pattern)) {
      const end = m.index + m[0].length;
      found.push({ type: 'payment_scheme', value: scheme, text: original.slice(m.index, end), start: m.index, end, priority: 40 });
    }
  }
  return found;
}

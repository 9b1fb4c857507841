// Reading the simulation's slots from a message: the NLU's entities first,
// then what only makes sense because Ana just asked ("80" after "¿cuánto?",
// "fijo" or "me da igual" after "¿cómo prefieres pagar?").
import { normalizeText, type NluResult, type PaymentScheme } from '../../nlu/index.ts';

export type Slot = 'amount' | 'termMonths' | 'scheme';

export interface CreditSlots {
  amount?: number;
  termMonths?: number;
  scheme?: PaymentScheme;
}

const INDIFFERENT = /\b(me da igual|da igual|cualquiera|el que sea|lo que sea|no se|ns|no importa|como sea|el normal|el que me recomiendes|tu dime)\b/;
const SCHEME_WORDS: [RegExp, PaymentScheme][] = [
  [/\bfij[oa]s?\b|\biguales?\b|\bmismo\b/, 'fixed'],
  [/\bdecrecientes?\b|\bbajan?\b|\bdecreciente\b/, 'decreasing'],
  [/\bsolo interes(es)?\b|\bpuros? interes(es)?\b|\binteres(es)? nada mas\b/, 'interest_only'],
];

export function readSlots(nlu: NluResult, asking: Slot | undefined): CreditSlots {
  const found: CreditSlots = {};
  for (const entity of nlu.entities) {
    if (entity.type === 'amount' && typeof entity.value === 'number') found.amount = entity.value;
    if (entity.type === 'term_months' && typeof entity.value === 'number') found.termMonths = entity.value;
    if (entity.type === 'payment_scheme') found.scheme = entity.value as PaymentScheme;
  }
  const text = normalizeText(nlu.text);
  const bare = bareNumber(nlu.text.trim().toLowerCase());
  if (asking === 'amount' && found.amount === undefined && bare !== undefined) found.amount = bare < 1000 ? bare * 1000 : bare;
  if (asking === 'termMonths' && found.termMonths === undefined && bare !== undefined && bare <= 120) found.termMonths = bare;
  if (asking === 'scheme' && found.scheme === undefined) found.scheme = schemeWord(text) ?? (INDIFFERENT.test(text) || nlu.intent.name === 'affirm' ? 'fixed' : undefined);
  return found;
}

/** "80", "$150,000", "150000 pesos": the customer answered with just a number ("80" in a money question means 80 mil). */
function bareNumber(text: string): number | undefined {
  const match = text.match(/^\$?\s*(\d{1,3}(?:[,.]\d{3})+|\d+)\s*(pesos|meses|varos)?\s*[.!]?$/);
  return match ? Number(match[1]!.replace(/[,.]/g, '')) : undefined;
}

function schemeWord(text: string): PaymentScheme | undefined {
  return SCHEME_WORDS.find(([pattern]) => pattern.test(text))?.[1];
}

export function hasAny(slots: CreditSlots): boolean {
  return slots.amount !== undefined || slots.termMonths !== undefined || slots.scheme !== undefined;
}

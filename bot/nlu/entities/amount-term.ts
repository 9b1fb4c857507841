// Money amounts and loan terms. Both start from the same number phrases; what surrounds the
// number decides: "80 mil" is money, "24 meses" is a term, "2019" is a model year, not money.

import type { Candidate } from './candidate.ts';
import { findNumberPhrases, type NumberPhrase } from './numbers.ts';

const CURRENCY_AFTER = /^\s*(?:de\s+)?(?:pesos?|varos?|varitos|baros?|lana|feria|mxn|m\.?n\.?|billetes?|bolas)\b/;
const CURRENCY_BEFORE = /(?:\$|mxn|mn)\s*$/;
const TERM_AFTER = /^\s*(?:meses|mes|mensualidades|mensualidad|plazos|pagos mensuales|pagos)\b/;
const YEARS_AFTER = /^\s*(?:anos|ano|años|año)\b(\s+y\s+medio\b)?/;
const NOT_MONEY_AFTER = /^\s*(?:anos?|años?|meses|mes|mensualidades|plazos|pagos|quincenas?|semanas?|dias?|horas?|hrs|minutos?|min|pm|am|p\.m|a\.m|de la|del? (?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)|%|por ciento|personas|km|kilometros|puertas|cilindros)\b/;
const NOT_MONEY_BEFORE = /(?:a las|las|la|el dia|modelo|version|numero|no\.|#|cp|c\.p\.|calle|lote|tel|cel|celular|telefono)\s*$/;
const OWNERSHIP_BEFORE = /(?:tiene|tengo|hace|de antiguedad|con)\s*$/;
// "mi carro tiene 3 años" is the car's age, not a loan term.

function amountCandidate(folded: string, original: string, p: NumberPhrase, currentYear: number): Candidate | null {
  const after = folded.slice(p.end);
  const before = folded.slice(0, p.start);
  if (NOT_MONEY_AFTER.test(after) && !CURRENCY_AFTER.test(after)) return null;
  const currencyAfter = CURRENCY_AFTER.exec(after);
  const currencyBefore = CURRENCY_BEFORE.exec(before);
  const hasCurrency = currencyAfter !== null || currencyBefore !== null;
  if (!hasCurrency && NOT_MONEY_BEFORE.test(before)) return null;
  if (p.bareDigits && !hasCurrency) {
    const digits = folded.slice(p.start, p.end);
    if (digits.length === 4 && p.value >= 1950 && p.value <= currentYear + 1) return null; // a year
    if (digits.length >= 7) return null; // a phone or an account number
    if (digits.startsWith('0')) return null; // a postal code or a reference
    if (p.value < 1000) return null;
  }
  if (!p.scaled && !hasCurrency && p.value < 1000) return null;
  if (p.value < 100) return null;
  // Bare "mil" ("mil gracias") is not money unless a currency says so.
  if (folded.slice(p.start, p.end) === 'mil' && !hasCurrency) return null;
  let start = p.start;
  let end = p.end;
  if (currencyBefore) start = p.start - currencyBefore[0].length + currencyBefore[0].search(/\S/);
  if (currencyAfter) end = p.end + currencyAfter[0].length;
  return { type: 'amount', value: p.value, text: original.slice(start, end), start, end, priority: 60 };
}

function termCandidate(folded: string, original: string, p: NumberPhrase): Candidate | null {
  const after = folded.slice(p.end);
  const before = folded.slice(0, p.start);
  if (p.value <= 0 || p.scaled) return null;
  const months = TERM_AFTER.exec(after);
  if (months) {
    if (p.value > 120 || !Number.isInteger(p.value)) return null;
    const end = p.end + months[0].length;
    return { type: 'term_months', value: p.value, text: original.slice(p.start, end), start: p.start, end, priority: 55 };
  }
  const years = YEARS_AFTER.exec(after);
  if (years) {
    if (OWNERSHIP_BEFORE.test(before) || p.value > 10 || !Number.isInteger(p.value * 2)) return null;
    const value = Math.round(p.value * 12 + (years[1] ? 6 : 0));
    const end = p.end + years[0].length;
    return { type: 'term_months', value, text: original.slice(p.start, end), start: p.start, end, priority: 55 };
  }
  return null;
}

/** "año y medio", "medio año": terms with no number word in front. */
function halfYearTerms(folded: string, original: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of folded.matchAll(/\b(?:un\s+)?ano\s+y\s+medio\b|\bmedio\s+ano\b/g)) {
    const value = m[0].startsWith('medio') ? 6 : 18;
    const end = m.index + m[0].length;
    found.push({ type: 'term_months', value, text: original.slice(m.index, end), start: m.index, end, priority: 56 });
  }
  return found;
}

export function extractAmountsAndTerms(folded: string, original: string, currentYear: number): Candidate[] {
  const found: Candidate[] = halfYearTerms(folded, original);
  for (const phrase of findNumberPhrases(folded)) {
    const amount = amountCandidate(folded, original, phrase, currentYear);
    if (amount) found.push(amount);
    const term = termCandidate(folded, original, phrase);
    if (term) found.push(term);
  }
  return found;
}

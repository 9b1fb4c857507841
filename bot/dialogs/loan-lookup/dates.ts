// The day a customer says they paid: "hoy", "ayer", "antier", "10/06/2025",
// "10/06", "10 de junio" — read against the business clock, never in the future.
import { normalizeText } from '../../nlu/index.ts';

const MONTHS: Record<string, number> = {
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
};
const RELATIVE: Record<string, number> = { hoy: 0, 'hoy mismo': 0, ayer: 1, antier: 2, antayer: 2, 'antes de ayer': 2 };

/** Looks like an answer to "¿qué día pagaste?" (to tell it from a digression). */
export function looksLikeDay(text: string): boolean {
  const clean = normalizeText(text);
  return Object.keys(RELATIVE).some((word) => new RegExp(`\\b${word}\\b`).test(clean)) || /\d{1,2}\s*(?:[/.-]\s*\d{1,2}|de\s+[a-z]+)/.test(clean);
}

/** The local calendar day ("YYYY-MM-DD") the text names, or null. */
export function readPaidOn(text: string, today: string): string | null {
  const clean = normalizeText(text).replace(/^(?:el|lo hice|pague|fue|el dia)\s+/g, '').trim();
  for (const [word, back] of Object.entries(RELATIVE)) if (new RegExp(`\\b${word}\\b`).test(clean)) return shift(today, -back);
  const [year] = today.split('-').map(Number);
  let m = /(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{2}|\d{4}))?/.exec(clean);
  if (m) return valid(m[3] ? fullYear(m[3]) : year!, Number(m[2]), Number(m[1]), today);
  m = /(\d{1,2})\s+de\s+([a-z]+)(?:\s+(?:de|del)\s+(\d{4}))?/.exec(clean);
  if (m && MONTHS[m[2]!]) return valid(m[3] ? Number(m[3]) : year!, MONTHS[m[2]!]!, Number(m[1]), today);
  return null;
}

function fullYear(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

function valid(year: number, month: number, day: number, today: string): string | null {
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return iso <= today ? iso : null;
}

function shift(iso: string, days: number): string {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Today in the business zone, "YYYY-MM-DD". */
export function localToday(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * Calendar arithmetic for due dates. A loan disbursed on a given local day
 * (in the business time zone) is due on the same day of each following month;
 * when that month is shorter, on its last day (Jan 31 → Feb 28/29 → Mar 31).
 */

export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number;
}

/** Building a formatter costs about a millisecond; keep one per zone. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar day that `instant` falls on in `timeZone`. */
export function localDate(instant: Date, timeZone: string): CalendarDate {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

export function isoDate(date: CalendarDate): string {
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** ISO due dates of installments 1..count, monthly from the start day. */
export function monthlyDueDates(start: Date, count: number, timeZone: string): string[] {
  const first = localDate(start, timeZone);
  return Array.from({ length: count }, (_, i) => isoDate(addMonths(first, i + 1)));
}

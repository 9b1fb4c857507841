// Calendar days for the seed's stories ("disbursed seven months ago", "twelve
// days overdue"), all relative to the `now` the seed is given, counted in the
// business time zone. A loan is due on its disbursement day of each following
// month, or on the month's last day when that month is shorter.

export const BUSINESS_TIME_ZONE = 'America/Mexico_City';

export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number;
}

export function localDate(instant: Date, timeZone = BUSINESS_TIME_ZONE): CalendarDate {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index - year * 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return (a.year - b.year) * 10_000 + (a.month - b.month) * 100 + (a.day - b.day);
}

/** The value for a `@db.Date` column: midnight UTC of that calendar day. */
export function dateOnly(date: CalendarDate): Date {
  return new Date(Date.UTC(date.year, date.month - 1, date.day));
}

/**
 * An instant on that calendar day in Mexico City: 17:00 UTC is late morning
 * there (UTC−6, or UTC−5 in the old daylight-saving years), so the day is the same.
 */
export function businessHour(date: CalendarDate): Date {
  return new Date(Date.UTC(date.year, date.month - 1, date.day, 17, 0, 0));
}

export function isoDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** Due dates of installments 1..count, monthly from the disbursement day. */
export function monthlyDueDates(disbursed: CalendarDate, count: number): CalendarDate[] {
  return Array.from({ length: count }, (_, i) => addMonths(disbursed, i + 1));
}

/**
 * The disbursement day that makes installment `number` (or the next one that
 * can) fall exactly on `dueDate`. A due day of 29–31 cannot follow a shorter
 * month's disbursement, so the story moves one installment further back.
 */
export function disbursementForDueDate(dueDate: CalendarDate, number: number): { disbursed: CalendarDate; number: number } {
  for (let n = number; ; n++) {
    const disbursed = addMonths(dueDate, -n);
    if (disbursed.day === dueDate.day) return { disbursed, number: n };
  }
}

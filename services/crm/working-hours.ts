/**
 * Advisors' agendas: `{"mon": [["09:00","18:00"]], ...}` in the advisor's own
 * time zone; a missing day is a day off. Pure functions over instants, so
 * that assignment and call-back times can be tested with any `now`.
 */

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export type WorkingHours = Partial<Record<Weekday, [string, string][]>>;

const WEEKDAYS: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MINUTE = 60_000;

interface LocalClock {
  year: number;
  month: number;
  day: number;
  weekday: Weekday;
  minutes: number;
}

function localClock(instant: Date, timeZone: string): LocalClock {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    weekday: 'short',
  }).formatToParts(instant);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: Number(part('year')),
    month: Number(part('month')),
    day: Number(part('day')),
    weekday: part('weekday').slice(0, 3).toLowerCase() as Weekday,
    minutes: Number(part('hour')) * 60 + Number(part('minute')),
  };
}

function minutesOf(hhmm: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!match) return NaN;
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The instant at which the wall clock of `timeZone` reads that local day and minute. */
function instantAt(year: number, month: number, day: number, minutes: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, 0, minutes);
  let guess = wall;
  // Two passes settle the offset, also across a DST change.
  for (let i = 0; i < 2; i++) {
    const seen = localClock(new Date(guess), timeZone);
    const seenWall = Date.UTC(seen.year, seen.month - 1, seen.day, 0, seen.minutes);
    guess += wall - seenWall;
  }
  return new Date(guess);
}

/** Reads the JSON column defensively: anything malformed counts as no hours. */
export function parseWorkingHours(value: unknown): WorkingHours {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const hours: WorkingHours = {};
  for (const day of WEEKDAYS) {
    const ranges = (value as Record<string, unknown>)[day];
    if (!Array.isArray(ranges)) continue;
    const valid = ranges.filter(
      (r): r is [string, string] =>
        Array.isArray(r) && r.length === 2 && typeof r[0] === 'string' && typeof r[1] === 'string' && minutesOf(r[0]) < minutesOf(r[1]),
    );
    if (valid.length) hours[day] = valid;
  }
  return hours;
}

export function isWorkingAt(hours: WorkingHours, timeZone: string, now: Date): boolean {
  const clock = localClock(now, timeZone);
  return (hours[clock.weekday] ?? []).some(([from, to]) => clock.minutes >= minutesOf(from) && clock.minutes < minutesOf(to));
}

/**
 * When a call-back should be due: `withinMinutes` from now, but always inside
 * the advisor's working hours — if they are off now, counted from the start of
 * their next shift, and never past the end of that shift. Without any hours
 * at all, simply `now + withinMinutes`.
 */
export function callbackDueAt(hours: WorkingHours, timeZone: string, now: Date, withinMinutes: number): Date {
  const today = localClock(now, timeZone);
  for (let offset = 0; offset < 8; offset++) {
    const noon = instantAt(today.year, today.month, today.day, 12 * 60, timeZone);
    const day = localClock(new Date(noon.getTime() + offset * 24 * 60 * MINUTE), timeZone);
    const ranges = [...(hours[day.weekday] ?? [])].sort((a, b) => minutesOf(a[0]) - minutesOf(b[0]));
    for (const [from, to] of ranges) {
      const start = instantAt(day.year, day.month, day.day, minutesOf(from), timeZone);
      const end = instantAt(day.year, day.month, day.day, minutesOf(to), timeZone);
      if (end.getTime() <= now.getTime()) continue;
      const begin = Math.max(start.getTime(), now.getTime());
      return new Date(Math.min(begin + withinMinutes * MINUTE, end.getTime()));
    }
  }
  return new Date(now.getTime() + withinMinutes * MINUTE);
}

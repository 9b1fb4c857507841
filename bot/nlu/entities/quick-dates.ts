// Fast path for the dates and times customers actually write when booking ("mañana a las 10",
// "el lunes en la tarde", "15 de diciembre a las 4 pm", "hoy 5:30"). Recognizers-Text handles
// these too but costs ~5 ms a message; this handles them in microseconds and leaves the rarer
// forms to it. Works on folded text and answers in the customer's wall clock.

export interface WallDate { year: number; month: number; day: number }
export interface WallTime { hour: number; minute: number }
export interface QuickDateTime { start: number; end: number; date: WallDate; time: WallTime | null }

const MONTHS: Record<string, number> = {
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8,
  septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
};
// Sunday = 0, as Date.getUTCDay().
const WEEKDAYS: Record<string, number> = { domingo: 0, lunes: 1, martes: 2, miercoles: 3, jueves: 4, viernes: 5, sabado: 6 };

const MONTH_NAMES = Object.keys(MONTHS).join('|');
const WEEKDAY_NAMES = Object.keys(WEEKDAYS).join('|');

const DATE_PATTERN = new RegExp(
  [
    '\\bpasado\\s+manana\\b',
    '\\bhoy\\b',
    '\\bayer\\b',
    '\\banoche\\b',
    '\\b(?:(?:el|este)\\s+)?fin\\s+de\\s+semana\\b',
    '\\b(?:la\\s+)?(?:proxima\\s+semana|semana\\s+que\\s+entra|otra\\s+semana|siguiente\\s+semana)\\b',
    '\\besta\\s+semana\\b',
    '\\b(?:la\\s+)?semana\\s+pasada\\b',
    '\\b(?:el\\s+)?(?:proximo\\s+mes|mes\\s+que\\s+entra|siguiente\\s+mes)\\b',
    // "mañana" is tomorrow unless it is "la mañana" (the morning).
    '(?<!\\bla\\s)\\bmanana\\b',
    `\\b(?:(?:el|este|esta|para el|el proximo|el siguiente|el otro|proximo)\\s+)?(?:${WEEKDAY_NAMES})\\b(?:\\s+(\\d{1,2})(?!\\s*(?::|am|pm|hrs)))?`,
    `\\b(?:el\\s+)?(?:dia\\s+)?(\\d{1,2})\\s+de\\s+(${MONTH_NAMES})\\b(?:\\s+(?:de|del)\\s+(\\d{4}))?`,
    '\\b(?:el\\s+)?(?:dia\\s+)?(\\d{1,2})/(\\d{1,2})(?:/(\\d{2,4}))?\\b',
    // "el día 28", or "el 5" when a time follows ("el 5 a las 3").
    '\\bel\\s+(?:dia\\s+(\\d{1,2})\\b(?!\\s*(?:de\\s+)?(?:meses|mes|anos|dias|%))|(\\d{1,2})(?=\\s+(?:a|en|por)\\s+la))',
  ].join('|'),
  'g',
);

const TIME_PATTERN =
  /\b(?:(?:a|para|como|tipo)\s+)?(?:(?:las|la)\s+)(\d{1,2}(?!\d|(?:a|er|ra|ro|da|do|o|va)\b)|(?:una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)\b)(?::(\d{2})|\s+y\s+(media|cuarto))?(?:\s*(am|a\.m\.|pm|p\.m\.|hrs|horas|h)\b|\s+(?:de|en|por)\s+la\s+(manana|tarde|noche))?|\b(\d{1,2}):(\d{2})\s*(am|pm|hrs)?\b|\b(\d{1,2})\s*(am|pm)\b|\b(?:a(?:l)?\s+)?medio\s?dia\b|\b(?:en|por|de)\s+la\s+(manana|tarde|noche)\b|\btemprano\b/g;

function addDays(date: WallDate, days: number): WallDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function weekday(date: WallDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

function compareDates(a: WallDate, b: WallDate): number {
  return (a.year - b.year) * 10000 + (a.month - b.month) * 100 + (a.day - b.day);
}

function validDate(year: number, month: number, day: number): WallDate | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? { year, month, day } : null;
}

/** A day of the year with no year written means the next time it comes. */
function upcoming(today: WallDate, month: number, day: number, year?: number): WallDate | null {
  if (year !== undefined) return validDate(year < 100 ? 2000 + year : year, month, day);
  const thisYear = validDate(today.year, month, day);
  if (thisYear && compareDates(thisYear, today) >= 0) return thisYear;
  return validDate(today.year + 1, month, day);
}

function resolveDate(m: RegExpExecArray, today: WallDate): WallDate | null {
  const text = m[0];
  if (/^pasado/.test(text)) return addDays(today, 2);
  if (text === 'hoy') return today;
  if (text === 'manana') return addDays(today, 1);
  if (text === 'ayer') return addDays(today, -1);
  if (text === 'anoche') return addDays(today, -1);
  // Periods resolve to their first day still to come (Monday of next week, Saturday of the weekend).
  if (/fin\s+de\s+semana/.test(text)) return addDays(today, (6 - weekday(today) + 7) % 7);
  if (/semana\s+pasada/.test(text)) return addDays(today, -7 - ((weekday(today) + 6) % 7));
  if (/esta\s+semana/.test(text)) return today;
  if (/semana/.test(text)) return addDays(today, 7 - ((weekday(today) + 6) % 7));
  if (/mes/.test(text)) {
    const next = addDays({ ...today, day: 1 }, 32);
    return { year: next.year, month: next.month, day: 1 };
  }
  const weekdayName = new RegExp(`(${WEEKDAY_NAMES})`).exec(text);
  if (weekdayName) {
    if (m[1]) {
      // "el lunes 15": the day number wins; the weekday only confirms it.
      const day = Number(m[1]);
      const thisMonth = validDate(today.year, today.month, day);
      if (thisMonth && compareDates(thisMonth, today) >= 0) return thisMonth;
      const next = addDays({ ...today, day: 1 }, 32);
      return validDate(next.year, next.month, day);
    }
    const ahead = (WEEKDAYS[weekdayName[1]!]! - weekday(today) + 7) % 7;
    // "el lunes" said on a Monday means next Monday; "este lunes" means today.
    const thisVeryDay = /^(?:este|esta)\s/.test(text);
    return addDays(today, ahead === 0 && !thisVeryDay ? 7 : ahead);
  }
  if (m[2] && m[3]) return upcoming(today, MONTHS[m[3]]!, Number(m[2]), m[4] ? Number(m[4]) : undefined);
  // Day/month, as written in Mexico.
  if (m[5] && m[6]) return upcoming(today, Number(m[6]), Number(m[5]), m[7] ? Number(m[7]) : undefined);
  if (m[8] || m[9]) {
    const day = Number(m[8] ?? m[9]);
    const thisMonth = validDate(today.year, today.month, day);
    if (thisMonth && compareDates(thisMonth, today) >= 0) return thisMonth;
    const next = addDays({ ...today, day: 1 }, 32);
    return validDate(next.year, next.month, day);
  }
  return null;
}

const PART_OF_DAY: Record<string, number> = { manana: 9, tarde: 16, noche: 20 };
const HOUR_WORDS: Record<string, number> = {
  una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, once: 11, doce: 12,
};

function resolveTime(m: RegExpExecArray): WallTime | null {
  const text = m[0];
  if (/medio\s?dia/.test(text)) return { hour: 12, minute: 0 };
  if (text === 'temprano') return { hour: 9, minute: 0 };
  if (m[11]) return { hour: PART_OF_DAY[m[11]]!, minute: 0 };
  const hourText = m[1] ?? m[6] ?? m[9];
  if (hourText === undefined) return null;
  // "las dos" alone is too often "both"; a spelled-out hour needs "a las" / "para las".
  if (HOUR_WORDS[hourText] !== undefined && !/^(?:a|para|como|tipo)\s/.test(text)) return null;
  let hour = HOUR_WORDS[hourText] ?? Number(hourText);
  const minute = m[3] === 'media' ? 30 : m[3] === 'cuarto' ? 15 : Number(m[2] ?? m[7] ?? 0);
  const marker = m[4] ?? m[8] ?? m[10] ?? '';
  const part = m[5] ?? '';
  if (hour > 23 || minute > 59) return null;
  const pm = /^p/.test(marker) || part === 'tarde' || part === 'noche';
  const am = /^a/.test(marker) || part === 'manana';
  if (pm && hour < 12) hour += 12;
  else if (am && hour === 12) hour = 0;
  else if (!am && !pm && !/hrs|horas|^h$/.test(marker) && hour >= 1 && hour <= 7) hour += 12; // "a las 5" in business talk is 5 pm
  return { hour, minute };
}

function matchAll(pattern: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) found.push(m);
  return found;
}

/** Dates, times and date+time pairs found in folded text, resolved against `today`/`now` (wall clock). */
export function findQuickDateTimes(folded: string, today: WallDate, now: WallTime): QuickDateTime[] {
  const dates = matchAll(DATE_PATTERN, folded)
    // "calle 5 de Mayo", "avenida 16 de Septiembre" are addresses.
    .filter((m) => !/\b(?:calle|avenida|av|blvd|boulevard|colonia|col|calzada|privada|cerrada)\.?\s*$/.test(folded.slice(0, m.index)))
    .map((m) => ({ start: m.index, end: m.index + m[0].length, date: resolveDate(m, today) }))
    .filter((d): d is { start: number; end: number; date: WallDate } => d.date !== null);
  const times = matchAll(TIME_PATTERN, folded)
    .map((m) => ({ start: m.index, end: m.index + m[0].length, time: resolveTime(m) }))
    .filter((t): t is { start: number; end: number; time: WallTime } => t.time !== null)
    .filter((t) => !dates.some((d) => t.start < d.end && d.start < t.end));
  const found: QuickDateTime[] = [];
  const usedTimes = new Set<number>();
  for (const d of dates) {
    // A time right before or after the date belongs to it ("mañana a las 10", "a las 10 el lunes").
    const index = times.findIndex((t, i) => !usedTimes.has(i) && (
      /^[\s,]*(?:y\s+)?$/.test(folded.slice(d.end, t.start)) || /^[\s,]*(?:del?\s+)?$/.test(folded.slice(t.end, d.start))));
    if (index >= 0) {
      usedTimes.add(index);
      const t = times[index]!;
      found.push({ start: Math.min(d.start, t.start), end: Math.max(d.end, t.end), date: d.date, time: t.time });
    } else {
      found.push({ ...d, time: null });
    }
  }
  times.forEach((t, i) => {
    if (usedTimes.has(i)) return;
    // A time alone is today if still to come, else tomorrow.
    const later = t.time.hour * 60 + t.time.minute > now.hour * 60 + now.minute;
    found.push({ start: t.start, end: t.end, date: later ? today : addDays(today, 1), time: t.time });
  });
  return found.sort((a, b) => a.start - b.start);
}

// Dates and times ("mañana a las 10", "el lunes en la tarde", "15 de diciembre a las 4 pm")
// through Microsoft Recognizers-Text (Spanish), resolved in the customer's time zone and
// returned as the UTC instant in ISO 8601.
//
// Recognizers-Text reads the reference date with local getters (getHours, ...) and answers in
// wall-clock strings, so we hand it a Date whose *local* fields are the customer's wall clock,
// and convert its answer back from that zone to UTC ourselves.

import { Culture, DateTimeOptions, recognizeDateTime } from '@microsoft/recognizers-text-suite';
import type { Candidate } from './candidate.ts';
import { findQuickDateTimes } from './quick-dates.ts';

export const DEFAULT_TIME_ZONE = 'America/Mexico_City';

// The recognizer costs ~5 ms a message, so the common forms go through quick-dates.ts and the
// recognizer is asked only about the rarer ones these cues announce.
const RECOGNIZER_CUES = /\b(?:quincena|madrugada|dentro de|en (?:\d+|un|una|dos|tres) (?:dias|semanas|horas)|primero de|principios de|finales de|mediados de|antier|antes de ayer)\b/;

interface WallClock { year: number; month: number; day: number; hour: number; minute: number; second: number }

const formatters = new Map<string, Intl.DateTimeFormat>();
// formatToParts costs tens of microseconds and every parse asks for "now": a zone's
// offset from UTC is kept per quarter hour (no zone changes its offset in between).
const QUARTER_HOUR_MS = 15 * 60_000;
const offsets = new Map<string, { quarter: number; offsetMs: number }>();

function formattedWallClock(instant: Date, timeZone: string): WallClock {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

function wallClock(instant: Date, timeZone: string): WallClock {
  const time = instant.getTime();
  const quarter = Math.floor(time / QUARTER_HOUR_MS);
  let known = offsets.get(timeZone);
  if (!known || known.quarter !== quarter) {
    const start = new Date(quarter * QUARTER_HOUR_MS);
    const wall = formattedWallClock(start, timeZone);
    known = { quarter, offsetMs: Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - start.getTime() };
    offsets.set(timeZone, known);
  }
  const shifted = new Date(time + known.offsetMs);
  return {
    year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(), minute: shifted.getUTCMinutes(), second: shifted.getUTCSeconds(),
  };
}

/** The UTC instant at which the clocks of `timeZone` show `wall`. */
export function zonedToUtc(wall: WallClock, timeZone: string): Date {
  const asIfUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  let guess = asIfUtc;
  // Two rounds settle the offset even across a DST change.
  for (let i = 0; i < 2; i++) {
    const seen = wallClock(new Date(guess), timeZone);
    const seenAsUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute, seen.second);
    guess += asIfUtc - seenAsUtc;
  }
  return new Date(guess);
}

function parseWallString(value: string, today: WallClock): WallClock | null {
  const date = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  const time = /(\d{2}):(\d{2}):(\d{2})$/.exec(value);
  if (!date && !time) return null;
  return {
    year: date ? Number(date[1]) : today.year,
    month: date ? Number(date[2]) : today.month,
    day: date ? Number(date[3]) : today.day,
    hour: time ? Number(time[1]) : 0,
    minute: time ? Number(time[2]) : 0,
    second: time ? Number(time[3]) : 0,
  };
}

const KEPT_TYPES = new Set(['date', 'time', 'datetime', 'datetimerange', 'timerange', 'daterange']);

interface Resolution { values?: { type?: string; value?: string; start?: string }[] }

export function extractDateTimes(folded: string, original: string, referenceTime: Date, timeZone: string): Candidate[] {
  const now = wallClock(referenceTime, timeZone);
  const quick = findQuickDateTimes(folded, now, now);
  if (quick.length > 0) {
    return quick.map(({ start, end, date, time }) => ({
      type: 'datetime' as const,
      value: zonedToUtc({ ...date, hour: time?.hour ?? 0, minute: time?.minute ?? 0, second: 0 }, timeZone).toISOString(),
      text: original.slice(start, end),
      start,
      end,
      priority: 30,
    }));
  }
  if (!RECOGNIZER_CUES.test(folded)) return [];
  return recognizerDateTimes(original, referenceTime, timeZone, now);
}

/** Loads the recognizer's Spanish models now (about half a second) instead of on a customer's message. */
export function warmUpDateRecognizer(): void {
  recognizeDateTime('la semana que entra', Culture.Spanish, DateTimeOptions.None, new Date());
}

function recognizerDateTimes(original: string, referenceTime: Date, timeZone: string, now: WallClock): Candidate[] {
  const localReference = new Date(now.year, now.month - 1, now.day, now.hour, now.minute, now.second);
  const results = recognizeDateTime(original, Culture.Spanish, DateTimeOptions.None, localReference);
  const found: Candidate[] = [];
  for (const result of results) {
    const values = (result.resolution as Resolution | undefined)?.values ?? [];
    const text = original.slice(result.start, result.end + 1);
    // A bare year ("2018") is a model year or nothing; a bare number ("20") is too weak to be a date.
    if (/^\s*\d+\s*$/.test(text)) continue;
    const instants = values
      .filter((v) => KEPT_TYPES.has(v.type ?? ''))
      .map((v) => parseWallString(v.value ?? v.start ?? '', now))
      .filter((w): w is WallClock => w !== null)
      .map((w) => zonedToUtc(w, timeZone));
    if (instants.length === 0) continue;
    // Ambiguous answers ("el lunes": last or next; "a las 5": 5 am or pm) mean the next one to come.
    const upcoming = instants.find((d) => d.getTime() >= referenceTime.getTime() - 24 * 3600_000 && isSameDayOrLater(d, referenceTime, timeZone)) ?? instants[instants.length - 1]!;
    const chosen = instants.find((d) => d.getTime() >= referenceTime.getTime()) ?? upcoming;
    found.push({ type: 'datetime', value: chosen.toISOString(), text, start: result.start, end: result.end + 1, priority: 30 });
  }
  return found;
}

function isSameDayOrLater(instant: Date, reference: Date, timeZone: string): boolean {
  const a = wallClock(instant, timeZone);
  const b = wallClock(reference, timeZone);
  return a.year * 10000 + a.month * 100 + a.day >= b.year * 10000 + b.month * 100 + b.day;
}

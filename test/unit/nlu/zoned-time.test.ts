// Wall clocks of a time zone: the cached offset must agree with Intl at every
// instant, across daylight-saving changes too.
import { describe, expect, it } from 'vitest';
import { zonedToUtc } from '../../../bot/nlu/entities/datetime.ts';

function intlWall(instant: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
      .formatToParts(instant)
      .filter((part) => part.type !== 'literal')
      .map((part) => [part.type, Number(part.value)]),
  );
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

describe('zonedToUtc', () => {
  for (const timeZone of ['America/Mexico_City', 'America/Tijuana', 'America/New_York', 'Asia/Kathmandu']) {
    it(`finds the instant whose wall clock in ${timeZone} is the one asked for, every 37 minutes over a year`, () => {
      const start = Date.UTC(2026, 0, 1, 0, 7, 13);
      for (let t = start; t < start + 365 * 86_400_000; t += 37 * 60_000) {
        const wall = intlWall(new Date(t), timeZone);
        const back = zonedToUtc(wall, timeZone);
        // An hour repeated when clocks go back may resolve to either instant; its wall clock is the same.
        expect(intlWall(back, timeZone)).toEqual(wall);
      }
    });
  }

  it('reads the Mexico City wall clock of a known instant', () => {
    // 2026-11-24 00:30 UTC is 18:30 of the 23rd in Mexico City (UTC−6, no daylight saving).
    expect(zonedToUtc({ year: 2026, month: 11, day: 23, hour: 18, minute: 30, second: 0 }, 'America/Mexico_City').toISOString()).toBe('2026-11-24T00:30:00.000Z');
  });
});

import { describe, expect, it } from 'vitest';
import { chooseAdvisor, type AdvisorCandidate } from '../../../services/crm/assignment.ts';
import { toE164 } from '../../../services/crm/phone.ts';
import { callbackDueAt, isWorkingAt, parseWorkingHours, type WorkingHours } from '../../../services/crm/working-hours.ts';

const TZ = 'America/Mexico_City'; // UTC−6 all year since 2022
const office: WorkingHours = { mon: [['09:00', '18:00']], tue: [['09:00', '18:00']], wed: [['09:00', '18:00']], thu: [['09:00', '18:00']], fri: [['09:00', '18:00']] };
const evenings: WorkingHours = { mon: [['18:00', '23:00']], tue: [['18:00', '23:00']], wed: [['18:00', '23:00']] };

// Wednesday 2025-06-11, 10:30 in Mexico City.
const wednesdayMorning = new Date('2025-06-11T16:30:00Z');
// Wednesday 2025-06-11, 20:00 in Mexico City.
const wednesdayEvening = new Date('2025-06-12T02:00:00Z');

function advisor(id: string, overrides: Partial<AdvisorCandidate>): AdvisorCandidate {
  return { id, name: id, skills: ['credit'], timeZone: TZ, workingHours: office, capacity: 10, load: 0, ...overrides };
}

describe('working hours', () => {
  it('reads the agenda in the advisor\'s own time zone', () => {
    expect(isWorkingAt(office, TZ, wednesdayMorning)).toBe(true);
    expect(isWorkingAt(office, TZ, wednesdayEvening)).toBe(false);
    expect(isWorkingAt(evenings, TZ, wednesdayEvening)).toBe(true);
    // Same instant, an advisor in Tijuana (UTC−7): 09:30 there, on shift.
    expect(isWorkingAt(office, 'America/Tijuana', new Date('2025-06-11T16:30:00Z'))).toBe(true);
    expect(isWorkingAt(office, TZ, new Date('2025-06-14T17:00:00Z'))).toBe(false); // Saturday
  });

  it('ignores malformed agenda entries', () => {
    expect(parseWorkingHours({ mon: [['09:00', '18:00'], ['bad'], ['19:00', '18:00']], xyz: 1 })).toEqual({ mon: [['09:00', '18:00']] });
    expect(parseWorkingHours(null)).toEqual({});
  });

  it('puts the call-back inside business hours', () => {
    // On shift: two hours from now.
    expect(callbackDueAt(office, TZ, wednesdayMorning, 120).toISOString()).toBe('2025-06-11T18:30:00.000Z');
    // 17:00 local: capped at the end of the shift (18:00 local = 00:00Z).
    expect(callbackDueAt(office, TZ, new Date('2025-06-11T23:00:00Z'), 120).toISOString()).toBe('2025-06-12T00:00:00.000Z');
    // After hours on Wednesday: Thursday 09:00 + 2 h = 11:00 local.
    expect(callbackDueAt(office, TZ, wednesdayEvening, 120).toISOString()).toBe('2025-06-12T17:00:00.000Z');
    // Friday night: Monday 11:00 local.
    expect(callbackDueAt(office, TZ, new Date('2025-06-14T03:00:00Z'), 120).toISOString()).toBe('2025-06-16T17:00:00.000Z');
    // Nobody has hours: simply two hours later.
    expect(callbackDueAt({}, TZ, wednesdayEvening, 120).toISOString()).toBe('2025-06-12T04:00:00.000Z');
  });
});

describe('advisor assignment', () => {
  it('picks the least loaded advisor on shift with the skill', () => {
    const pool = [
      advisor('busy', { load: 5 }),
      advisor('light', { load: 1 }),
      advisor('idle-night', { load: 0, workingHours: evenings }),
      advisor('idle-investor', { load: 0, skills: ['investment'] }),
    ];
    expect(chooseAdvisor(pool, 'credit', wednesdayMorning)).toMatchObject({ id: 'light', basis: 'on_shift_with_skill' });
    expect(chooseAdvisor(pool, 'credit', wednesdayEvening)).toMatchObject({ id: 'idle-night', basis: 'on_shift_with_skill' });
  });

  it('falls back to the least loaded with the skill, then to anyone', () => {
    const pool = [advisor('a', { load: 3 }), advisor('b', { load: 2 }), advisor('c', { load: 0, skills: ['investment'] })];
    const saturday = new Date('2025-06-14T17:00:00Z');
    expect(chooseAdvisor(pool, 'credit', saturday)).toMatchObject({ id: 'b', basis: 'with_skill' });
    expect(chooseAdvisor(pool, 'vehicle', wednesdayMorning)).toMatchObject({ id: 'c', basis: 'any' });
    expect(chooseAdvisor([], 'credit', wednesdayMorning)).toBeNull();
  });

  it('breaks load ties by spare capacity', () => {
    const pool = [advisor('small', { load: 2, capacity: 4 }), advisor('large', { load: 2, capacity: 12 })];
    expect(chooseAdvisor(pool, 'credit', wednesdayMorning)?.id).toBe('large');
  });
});

describe('phone numbers', () => {
  it('normalises Mexican numbers from every channel to E.164', () => {
    expect(toE164('55 1234 5678')).toBe('+525512345678');
    expect(toE164('+52 1 55 1234 5678')).toBe('+525512345678');
    expect(toE164('5215512345678@s.whatsapp.net')).toBe('+525512345678');
    expect(toE164('525512345678')).toBe('+525512345678');
    expect(toE164('044 55 1234 5678')).toBe('+525512345678');
    expect(toE164('+1 415 555 2671')).toBe('+14155552671');
    expect(toE164('1234')).toBeNull();
    expect(toE164('hola')).toBeNull();
  });
});

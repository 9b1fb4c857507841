// Club Cash In's people in the seed: four advisors with their agendas and one
// knowledge curator. No passwords: staff set them through the console.

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
/** Local "HH:MM" ranges per weekday; a missing day is a day off. */
export type WorkingHours = Partial<Record<Weekday, [string, string][]>>;
export type AdvisorSkill = 'credit' | 'investment' | 'vehicle' | 'collections';

export interface SeedAdvisor {
  email: string;
  name: string;
  skills: AdvisorSkill[];
  capacity: number;
  phoneE164: string;
  workingHours: WorkingHours;
}

const office: [string, string][] = [['09:00', '18:00']];
const withLunch: [string, string][] = [['09:00', '14:00'], ['15:00', '19:00']];
const saturdayMorning: [string, string][] = [['10:00', '14:00']];

export const ADVISORS: SeedAdvisor[] = [
  {
    email: 'mariana.lopez@clubcashin.example',
    name: 'Mariana López',
    skills: ['credit', 'vehicle'],
    capacity: 12,
    phoneE164: '+525550000201',
    workingHours: { mon: office, tue: office, wed: office, thu: office, fri: office, sat: saturdayMorning },
  },
  {
    email: 'jorge.ramirez@clubcashin.example',
    name: 'Jorge Ramírez',
    skills: ['investment', 'credit'],
    capacity: 8,
    phoneE164: '+525550000202',
    workingHours: { mon: withLunch, tue: withLunch, wed: withLunch, thu: withLunch, fri: [['09:00', '15:00']] },
  },
  {
    email: 'daniela.torres@clubcashin.example',
    name: 'Daniela Torres',
    skills: ['collections', 'credit'],
    capacity: 15,
    phoneE164: '+525550000203',
    workingHours: {
      mon: [['08:00', '16:00']],
      tue: [['08:00', '16:00']],
      wed: [['08:00', '16:00']],
      thu: [['08:00', '16:00']],
      fri: [['08:00', '16:00']],
      sat: [['09:00', '13:00']],
    },
  },
  {
    email: 'ricardo.mendoza@clubcashin.example',
    name: 'Ricardo Mendoza',
    skills: ['vehicle', 'investment'],
    capacity: 10,
    phoneE164: '+525550000204',
    workingHours: {
      tue: [['11:00', '20:00']],
      wed: [['11:00', '20:00']],
      thu: [['11:00', '20:00']],
      fri: [['11:00', '20:00']],
      sat: saturdayMorning,
    },
  },
];

export const ADVISOR_TIME_ZONE = 'America/Mexico_City';

export const CURATOR = { email: 'sofia.herrera@clubcashin.example', name: 'Sofía Herrera' };

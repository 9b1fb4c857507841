// What the seed knows about a fictitious person; shared by customers and investors.
import type { BirthState, Sex } from './identity.ts';

export interface SeedPerson {
  givenNames: string;
  paternalSurname: string;
  maternalSurname: string;
  sex: Sex;
  /** ISO date, YYYY-MM-DD; stored encrypted. */
  birthDate: string;
  birthState: BirthState;
  /** E.164 in the 5000 01xx block, which no carrier hands out to customers here. */
  phoneE164: string;
  email: string;
}

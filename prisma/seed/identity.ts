// Well-formed, fictitious Mexican identifiers for seeded people and accounts:
// a CURP built by RENAPO's rules (letters from the names, birth date, sex,
// state, check digit) and CLABEs with a valid control digit. They look real to
// validators and belong to nobody.

export type Sex = 'H' | 'M';

/** RENAPO's two-letter codes of the states used in the seed. */
export const BIRTH_STATES = {
  cdmx: 'DF',
  jalisco: 'JC',
  nuevoLeon: 'NL',
  puebla: 'PL',
  queretaro: 'QT',
  guanajuato: 'GT',
  yucatan: 'YN',
  estadoDeMexico: 'MC',
  veracruz: 'VZ',
} as const;
export type BirthState = keyof typeof BIRTH_STATES;

export interface CurpInput {
  givenNames: string;
  paternalSurname: string;
  maternalSurname: string;
  /** ISO date, YYYY-MM-DD. */
  birthDate: string;
  sex: Sex;
  birthState: BirthState;
}

const VOWELS = 'AEIOU';
// A first name José or María (very common) gives way to the second given name.
const SKIPPED_GIVEN_NAMES = new Set(['JOSE', 'J', 'MARIA', 'MA']);
const CURP_ALPHABET = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';

export function buildCurp(person: CurpInput): string {
  const paternal = curpLetters(person.paternalSurname);
  const maternal = curpLetters(person.maternalSurname);
  const givenParts = curpLetters(person.givenNames).split(' ');
  const given = (givenParts.length > 1 && SKIPPED_GIVEN_NAMES.has(givenParts[0]!) ? givenParts[1] : givenParts[0])!;
  const [year, month, day] = person.birthDate.split('-');

  const body =
    paternal[0]! +
    firstInternal(paternal, (c) => VOWELS.includes(c)) +
    (maternal[0] ?? 'X') +
    given[0]! +
    year!.slice(2) +
    month +
    day +
    person.sex +
    BIRTH_STATES[person.birthState] +
    firstInternal(paternal, isConsonant) +
    firstInternal(maternal, isConsonant) +
    firstInternal(given, isConsonant) +
    (Number(year) < 2000 ? '0' : 'A');
  return body + curpCheckDigit(body);
}

export function curpCheckDigit(first17: string): string {
  let total = 0;
  for (let i = 0; i < 17; i++) total += CURP_ALPHABET.indexOf(first17[i]!) * (18 - i);
  return String((10 - (total % 10)) % 10);
}

export const CURP_PATTERN = /^[A-Z][AEIOUX][A-Z]{2}\d{6}[HM][A-Z]{2}[B-DF-HJ-NP-TV-Z]{3}[0-9A-Z]\d$/;

/** Upper case without accents; Ñ counts as X, as RENAPO writes it. */
function curpLetters(name: string): string {
  return name
    .toUpperCase()
    .replace(/Ñ/g, 'X')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim();
}

function isConsonant(letter: string): boolean {
  return /[A-Z]/.test(letter) && !VOWELS.includes(letter);
}

function firstInternal(word: string, accept: (letter: string) => boolean): string {
  for (const letter of word.slice(1)) if (accept(letter)) return letter;
  return 'X';
}

const CLABE_WEIGHTS = [3, 7, 1];

/** Bank (3) + branch square (3) + account (11) digits, followed by the control digit. */
export function buildClabe(bank: string, plaza: string, account: string): string {
  const first17 = bank + plaza + account.padStart(11, '0');
  if (!/^\d{17}$/.test(first17)) throw new Error(`A CLABE needs 17 digits before the control digit, got ${first17}`);
  return first17 + clabeCheckDigit(first17);
}

export function clabeCheckDigit(first17: string): string {
  let total = 0;
  for (let i = 0; i < 17; i++) total += (Number(first17[i]) * CLABE_WEIGHTS[i % 3]!) % 10;
  return String((10 - (total % 10)) % 10);
}

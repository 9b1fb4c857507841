// E-mail addresses and Mexican phone numbers.
// Phones come back as E.164 ("+525512345678") whenever libphonenumber-js finds a valid number
// (region MX by default), so the CRM stores one form whatever the customer typed.

import { findPhoneNumbersInText } from 'libphonenumber-js';
import type { Candidate } from './candidate.ts';

const EMAIL = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/gi;

export function extractEmails(original: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of original.matchAll(EMAIL)) {
    const end = m.index + m[0].length;
    found.push({ type: 'email', value: m[0].toLowerCase(), text: m[0], start: m.index, end, priority: 100 });
  }
  return found;
}

// A phone number has at least seven digits, however they are spaced or dashed; messages
// without that many skip libphonenumber's scan, a noticeable part of every parse.
const ENOUGH_DIGITS = /(?:\d\D{0,3}){7}/;

export function extractPhones(original: string): Candidate[] {
  if (!ENOUGH_DIGITS.test(original)) return [];
  return findPhoneNumbersInText(original, 'MX')
    .filter((match) => match.number.isValid())
    .map((match) => ({
      type: 'phone' as const,
      value: match.number.number,
      text: original.slice(match.startsAt, match.endsAt),
      start: match.startsAt,
      end: match.endsAt,
      priority: 90,
    }));
}

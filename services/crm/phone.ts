/**
 * Phone numbers as one E.164 string per person, whatever channel they came
 * from: "55 1234 5678" typed on the landing page, "5215512345678" from a
 * WhatsApp JID and "+52 55 1234 5678" from the PBX are the same contact.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * Mexico dropped the mobile "1" after +52 and the 044/045 prefixes in 2019,
 * but WhatsApp JIDs and old address books still carry them.
 */
function dropLegacyMexicanPrefixes(digits: string): string {
  if (/^521\d{10}$/.test(digits)) return `52${digits.slice(3)}`;
  if (/^04[45]\d{10}$/.test(digits)) return digits.slice(3);
  return digits;
}

/** E.164 ("+525512345678") or null when the text is not a valid phone number. */
export function toE164(raw: string, defaultCountry: CountryCode = 'MX'): string | null {
  const trimmed = raw.trim().replace(/@.*$/, '');
  if (!trimmed) return null;
  const international = trimmed.startsWith('+') || trimmed.startsWith('00');
  const digits = dropLegacyMexicanPrefixes(trimmed.replace(/\D/g, '').replace(/^00/, ''));
  // A bare "52…" of 12 digits is how WhatsApp writes Mexican numbers.
  const candidate = international || /^52\d{10}$/.test(digits) ? `+${digits}` : digits;
  const parsed = parsePhoneNumberFromString(candidate, defaultCountry);
  return parsed?.isValid() ? parsed.number : null;
}

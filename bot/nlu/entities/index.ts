// All entity extractors together; overlapping findings are settled by priority, then length.

import { foldForMatching } from '../normalize.ts';
import type { Entity, ParseOptions } from '../types.ts';
import { extractAmountsAndTerms } from './amount-term.ts';
import { overlaps, type Candidate } from './candidate.ts';
import { extractEmails, extractPhones } from './contact.ts';
import { DEFAULT_TIME_ZONE, extractDateTimes } from './datetime.ts';
import { extractPaymentSchemes } from './scheme.ts';
import { extractVehicleBrands, extractVehicleYears } from './vehicle.ts';

export function extractEntities(text: string, options: ParseOptions = {}): Entity[] {
  const referenceTime = options.referenceTime ?? new Date();
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const folded = foldForMatching(text);
  const currentYear = referenceTime.getUTCFullYear();
  const candidates: Candidate[] = [
    ...extractEmails(text),
    ...extractPhones(text),
    ...extractAmountsAndTerms(folded, text, currentYear),
    ...extractVehicleYears(folded, text, currentYear),
    ...extractVehicleBrands(folded, text),
    ...extractPaymentSchemes(folded, text),
    ...extractDateTimes(folded, text, referenceTime, timeZone),
  ];
  candidates.sort((a, b) => b.priority - a.priority || (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const candidate of candidates) {
    if (!kept.some((k) => overlaps(k, candidate))) kept.push(candidate);
  }
  return kept
    .sort((a, b) => a.start - b.start)
    .map(({ type, value, text: span, start, end }) => ({ type, value, text: span, start, end }));
}

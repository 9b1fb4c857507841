// Reference values of the 25 best-selling car lines in Mexico, model years
// 2012–2025, as Club Cash In's own fictitious guide (edition 2025). A line's
// value is what it would cost new today, aged by a depreciation curve that
// loses 10–12 % a year early on and flattens later. Pickups and the lines that
// are known to hold their value age more slowly.
import { Decimal } from 'decimal.js';

export const PRICE_GUIDE_SOURCE = 'guía de referencia Club Cash In (ficticia)';
export const GUIDE_EDITION_YEAR = 2025;
export const GUIDE_FIRST_YEAR = 2012;

export interface GuideLine {
  brand: string;
  model: string;
  /** Price of the line new, in MXN, in the guide's edition year. */
  newPrice: number;
  /** Model years the line was sold in Mexico (within the guide's range). */
  firstYear: number;
  lastYear: number;
  holdsValue?: boolean;
}

export const GUIDE_LINES: GuideLine[] = [
  { brand: 'nissan', model: 'versa', newPrice: 335_000, firstYear: 2012, lastYear: 2025 },
  { brand: 'nissan', model: 'march', newPrice: 275_000, firstYear: 2012, lastYear: 2025 },
  { brand: 'nissan', model: 'np300', newPrice: 405_000, firstYear: 2012, lastYear: 2025, holdsValue: true },
  { brand: 'nissan', model: 'sentra', newPrice: 430_000, firstYear: 2012, lastYear: 2025 },
  { brand: 'nissan', model: 'kicks', newPrice: 425_000, firstYear: 2017, lastYear: 2025 },
  { brand: 'chevrolet', model: 'aveo', newPrice: 285_000, firstYear: 2012, lastYear: 2025 },
  { brand: 'chevrolet', model: 'onix', newPrice: 330_000, firstYear: 2021, lastYear: 2025 },
  { brand: 'chevrolet', model: 'beat', newPrice: 235_000, firstYear: 2018, lastYear: 2021 },
  { brand: 'volkswagen', model: 'jetta', newPrice: 480_000, firstYear: 2012, lastYear: 2025 },
  { brand: 'volkswagen', model: 'vento', newPrice: 300_000, firstYear: 2014, lastYear: 2022 },
  { brand: 'volkswagen', model: 'virtus', newPrice: 395_000, firstYear: 2023, lastYear: 2025 },
  { brand: 'toyota', model: 'corolla', newPrice: 470_000, firstYear: 2012, lastYear: 2025, holdsValue: true },
  { brand: 'toyota', model: 'hilux', newPrice: 520_000, firstYear: 2012, lastYear: 2025, holdsValue: true },
  { brand: 'toyota', model: 'yaris', newPrice: 335_000, firstYear: 2012, lastYear: 2025 },
  { brand: 'kia', model: 'rio', newPrice: 320_000, firstYear: 2017, lastYear: 2025 },
  { brand: 'kia', model: 'forte', newPrice: 400_000, firstYear: 2016, lastYear: 2025 },
  { brand: 'kia', model: 'seltos', newPrice: 470_000, firstYear: 2020, lastYear: 2025 },
  { brand: 'mazda', model: 'mazda 2', newPrice: 330_000, firstYear: 2012, lastYear: 2025 },
  { brand: 'mazda', model: 'mazda 3', newPrice: 460_000, firstYear: 2012, lastYear: 2025 },
  { brand: 'mazda', model: 'cx-5', newPrice: 590_000, firstYear: 2013, lastYear: 2025 },
  { brand: 'honda', model: 'cr-v', newPrice: 640_000, firstYear: 2012, lastYear: 2025, holdsValue: true },
  { brand: 'honda', model: 'city', newPrice: 370_000, firstYear: 2012, lastYear: 2025 },
  { brand: 'hyundai', model: 'grand i10', newPrice: 270_000, firstYear: 2015, lastYear: 2025 },
  { brand: 'mg', model: 'mg5', newPrice: 320_000, firstYear: 2021, lastYear: 2025 },
  { brand: 'suzuki', model: 'swift', newPrice: 330_000, firstYear: 2012, lastYear: 2025 },
];

/** Share of the new price a car keeps, by age in years (0 = edition year). */
const RETENTION_BY_AGE = ['0.88', '0.78', '0.69', '0.615', '0.55', '0.495', '0.45', '0.41', '0.375', '0.345', '0.32', '0.30', '0.28', '0.265'];

/** Lines that hold their value lose about a fifth less of it. */
const HOLDS_VALUE_EXPONENT = '0.8';

export function referenceValue(line: GuideLine, year: number): Decimal {
  const age = Math.min(Math.max(GUIDE_EDITION_YEAR - year, 0), RETENTION_BY_AGE.length - 1);
  let retention = new Decimal(RETENTION_BY_AGE[age]!);
  if (line.holdsValue) retention = retention.pow(HOLDS_VALUE_EXPONENT);
  return roundToHundreds(retention.times(line.newPrice));
}

export function roundToHundreds(value: Decimal): Decimal {
  return value.dividedBy(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(100);
}

export interface GuideEntry {
  brand: string;
  model: string;
  year: number;
  referenceValue: Decimal;
}

export function priceGuideEntries(): GuideEntry[] {
  return GUIDE_LINES.flatMap((line) => {
    const years: number[] = [];
    for (let year = Math.max(line.firstYear, GUIDE_FIRST_YEAR); year <= line.lastYear; year++) years.push(year);
    return years.map((year) => ({ brand: line.brand, model: line.model, year, referenceValue: referenceValue(line, year) }));
  });
}

export function guideValue(brand: string, model: string, year: number): Decimal {
  const line = GUIDE_LINES.find((l) => l.brand === brand && l.model === model);
  if (!line || year < line.firstYear || year > line.lastYear) throw new Error(`No guide value for ${brand} ${model} ${year}`);
  return referenceValue(line, year);
}

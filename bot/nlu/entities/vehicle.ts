// Vehicle brand (canonical, lowercase) and model year. Popular models count as their brand:
// people say "tengo un versa" far more often than "tengo un nissan".

import type { Candidate } from './candidate.ts';

const BRAND_ALIASES: Record<string, string[]> = {
  chevrolet: ['chevrolet', 'chevy', 'chevi', 'chebi', 'chevrolet', 'aveo', 'onix', 'spark', 'beat', 'cruze', 'trax', 'tracker', 'captiva', 'silverado', 'tahoe', 'suburban', 'sonic', 'cavalier', 'malibu', 'camaro', 'equinox', 's10', 'groove', 'blazer', 'cheyenne'],
  nissan: ['nissan', 'nisan', 'versa', 'sentra', 'march', 'np300', 'np 300', 'tsuru', 'frontier', 'kicks', 'x-trail', 'xtrail', 'x trail', 'tiida', 'altima', 'pathfinder', 'navara', 'urvan', 'estaquitas'],
  volkswagen: ['volkswagen', 'volkswaguen', 'vw', 'volks', 'vocho', 'jetta', 'vento', 'polo', 'tiguan', 'taos', 'virtus', 't-cross', 'tcross', 'golf', 'saveiro', 'amarok', 'teramont', 'crossfox', 'pointer', 'gol sedan', 'caddy', 'passat', 'beetle', 'combi'],
  toyota: ['toyota', 'corolla', 'hilux', 'yaris', 'camry', 'rav4', 'rav 4', 'tacoma', 'prius', 'avanza', 'hiace', 'sienna', 'tundra', 'raize', 'highlander'],
  honda: ['honda', 'cr-v', 'crv', 'civic', 'accord', 'hr-v', 'hrv', 'odyssey', 'br-v', 'brv'],
  mazda: ['mazda', 'cx-5', 'cx5', 'cx-30', 'cx30', 'cx-3', 'cx3', 'cx-50', 'mx-5', 'mazda3', 'mazda 3', 'mazda2'],
  kia: ['kia', 'rio', 'forte', 'seltos', 'sportage', 'sorento', 'sonet', 'soul', 'k3'],
  hyundai: ['hyundai', 'hyunday', 'hiundai', 'grand i10', 'i10', 'accent', 'elantra', 'tucson', 'creta', 'santa fe'],
  ford: ['ford', 'lobo', 'ranger', 'figo', 'focus', 'explorer', 'mustang', 'f-150', 'f150', 'maverick', 'bronco', 'territory', 'ecosport', 'expedition'],
  mitsubishi: ['mitsubishi', 'l200', 'outlander', 'mirage', 'montero'],
  suzuki: ['suzuki', 'swift', 'vitara', 'ertiga', 'ciaz', 'jimny'],
  seat: ['seat', 'ibiza', 'arona', 'ateca'],
  renault: ['renault', 'duster', 'kwid', 'logan', 'sandero', 'stepway', 'koleos', 'oroch', 'clio'],
  peugeot: ['peugeot', 'pegeot', 'peugot'],
  jeep: ['jeep', 'wrangler', 'cherokee', 'compass', 'renegade'],
  dodge: ['dodge', 'attitude', 'journey', 'durango', 'charger', 'challenger'],
  ram: ['ram'],
  chrysler: ['chrysler', 'pacifica'],
  bmw: ['bmw'],
  'mercedes-benz': ['mercedes-benz', 'mercedes benz', 'mercedes', 'benz'],
  audi: ['audi'],
  mg: ['mg'],
  gwm: ['gwm', 'great wall', 'haval'],
  jac: ['jac'],
  chirey: ['chirey', 'chery'],
  byd: ['byd'],
  baic: ['baic'],
  fiat: ['fiat', 'mobi', 'argo', 'pulse'],
  cupra: ['cupra'],
  subaru: ['subaru'],
  volvo: ['volvo'],
  'land rover': ['land rover', 'range rover', 'landrover'],
  buick: ['buick', 'encore', 'enclave', 'envision'],
  gmc: ['gmc', 'sierra', 'acadia', 'yukon'],
  cadillac: ['cadillac', 'escalade'],
  lincoln: ['lincoln'],
  mini: ['mini cooper', 'mini'],
  tesla: ['tesla'],
  porsche: ['porsche'],
  jaguar: ['jaguar'],
  'alfa romeo': ['alfa romeo'],
  acura: ['acura'],
  infiniti: ['infiniti'],
  lexus: ['lexus'],
  jetour: ['jetour'],
  omoda: ['omoda'],
  changan: ['changan'],
  geely: ['geely'],
  motornation: ['motornation'],
  italika: ['italika'],
};

const ALIAS_TO_BRAND = new Map<string, string>();
for (const [brand, aliases] of Object.entries(BRAND_ALIASES)) {
  for (const alias of aliases) ALIAS_TO_BRAND.set(alias, brand);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

// Longest aliases first so "mercedes benz" wins over "mercedes" and "grand i10" over "i10".
const ALIAS_PATTERN = new RegExp(
  '(?<![a-z0-9])(' + [...ALIAS_TO_BRAND.keys()].sort((a, b) => b.length - a.length).map(escape).join('|') + ')(?![a-z0-9])',
  'g',
);

const VEHICLE_WORDS = /\b(?:carro|carrito|auto|automovil|coche|camioneta|troca|trokita|troquita|nave|vehiculo|moto|motocicleta|pickup|pick up|unidad|modelo|vocho|suv|sedan|factura)\b/;

export function extractVehicleBrands(folded: string, original: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of folded.matchAll(ALIAS_PATTERN)) {
    const end = m.index + m[0].length;
    found.push({ type: 'vehicle_brand', value: ALIAS_TO_BRAND.get(m[0])!, text: original.slice(m.index, end), start: m.index, end, priority: 50 });
  }
  return found;
}

/** A year counts as the car's model year only when the message talks about a vehicle. */
export function extractVehicleYears(folded: string, original: string, currentYear: number): Candidate[] {
  const aboutVehicle = VEHICLE_WORDS.test(folded) || ALIAS_PATTERN.test(folded);
  ALIAS_PATTERN.lastIndex = 0;
  const found: Candidate[] = [];
  for (const m of folded.matchAll(/(?<!\d|\$\s?|\d[.,])(?:19|20)\d{2}(?!\d|[.,]\d|\s*(?:pesos|mil|varos|mxn))/g)) {
    const year = Number(m[0]);
    if (year < 1990 || year > currentYear + 1) continue;
    const before = folded.slice(Math.max(0, m.index - 12), m.index);
    if (!aboutVehicle && !/\b(?:modelo|mod|version)\.?\s*$/.test(before)) continue;
    // "el 15 de marzo de 2025" is a date, not a model year.
    if (/\bde\s*$/.test(before) && /\b(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)\s+de\s*$/.test(folded.slice(0, m.index))) continue;
    const end = m.index + m[0].length;
    found.push({ type: 'vehicle_year', value: year, text: original.slice(m.index, end), start: m.index, end, priority: 58 });
  }
  return found;
}

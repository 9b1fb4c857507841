// The customer's car from what they wrote: the NLU's vehicle_brand entities
// say the brand ("chevy" → chevrolet) and, when the text was a model ("versa"
// → nissan), the model too; the model year comes from vehicle_year or, when
// Ana asked for it, from a bare year.
import { normalizeText, type NluResult } from '../../nlu/index.ts';

/** How people name a brand itself (not a model): what follows it is the model. */
const BRAND_WORDS = new Set([
  'chevrolet', 'chevy', 'chevi', 'chebi', 'nissan', 'nisan', 'volkswagen', 'volkswaguen', 'vw', 'volks', 'toyota', 'honda', 'mazda', 'kia',
  'hyundai', 'hyunday', 'hiundai', 'ford', 'mitsubishi', 'suzuki', 'seat', 'renault', 'peugeot', 'pegeot', 'peugot', 'jeep', 'dodge', 'ram',
  'chrysler', 'bmw', 'mercedes benz', 'mercedes', 'benz', 'audi', 'mg', 'gwm', 'great wall', 'jac', 'chirey', 'chery', 'byd', 'baic', 'fiat',
  'cupra', 'subaru', 'volvo', 'land rover', 'buick', 'gmc', 'cadillac', 'lincoln', 'mini', 'tesla', 'porsche', 'jaguar', 'alfa romeo', 'acura',
  'infiniti', 'lexus', 'jetour', 'omoda', 'changan', 'geely',
]);
const FILLER = new Set(['un', 'una', 'el', 'la', 'mi', 'modelo', 'mod', 'del', 'de', 'ano', 'version', 'tengo', 'es', 'carro', 'auto', 'camioneta', 'troca', 'y']);
/** The nickname "vocho" is the model too. */
const NICKNAME_MODELS: Record<string, string> = { vocho: 'sedan', estaquitas: 'np300' };

export interface VehicleSlots {
  brand?: string;
  model?: string;
  year?: number;
}

export function readVehicle(nlu: NluResult, asking: string | undefined): VehicleSlots {
  const found: VehicleSlots = {};
  const brands = nlu.entities.filter((e) => e.type === 'vehicle_brand');
  for (const mention of brands) {
    found.brand ??= String(mention.value);
    const word = normalizeText(mention.text);
    if (!BRAND_WORDS.has(word)) {
      found.model ??= NICKNAME_MODELS[word] ?? word;
      continue;
    }
    const after = modelWords(nlu.text.slice(mention.end));
    if (after) found.model ??= after;
  }
  const year = nlu.entities.find((e) => e.type === 'vehicle_year')?.value;
  if (typeof year === 'number') found.year = year;
  const bareYear = nlu.text.trim().match(/^(?:del?\s+|modelo\s+)?((?:19|20)\d{2})$/i)?.[1];
  if (found.year === undefined && bareYear && (asking === 'year' || asking === 'model')) found.year = Number(bareYear);
  if (asking === 'model' && found.model === undefined && !bareYear) {
    const words = modelWords(nlu.text);
    if (words) found.model = words;
  }
  return found;
}

/** Up to three words before any year or punctuation, without fillers ("versa 2019" → "versa"). */
function modelWords(text: string): string | undefined {
  const words = normalizeText(text.split(/[,.;!?]|\b(?:19|20)\d{2}\b/)[0] ?? '')
    .split(/\s+/)
    .filter((word) => word && !FILLER.has(word));
  return words.length > 0 && words.length <= 3 ? words.join(' ') : undefined;
}

export function vehicleName(slots: VehicleSlots): string {
  const title = (text: string) => text.replace(/(^|\s)(\p{L})/gu, (_m, space: string, letter: string) => space + letter.toUpperCase());
  return [slots.brand && title(slots.brand), slots.model && title(slots.model), slots.year].filter(Boolean).join(' ');
}

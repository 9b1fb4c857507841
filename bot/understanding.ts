// From what the customer sent to what Ana understood: a tapped suggested
// action whose value is an intent name means exactly that intent; anything
// else goes through the NLU. Commands ("cancelar", "empezar de nuevo") and
// names ("me llamo Juan") are recognised here too, before intents.
import { COMPARE_SCHEMES } from './actions.ts';
import { INTENTS, normalizeText, type IntentName, type Nlu, type NluResult, type ParseOptions } from './nlu/index.ts';

export type Command = 'cancel' | 'restart' | 'compare_schemes';

const CANCEL = /^(?:(?:mejor|quiero|ya) )?(?:cancela|cancelar|cancelalo|cancela todo|cancelar todo|olvidalo|olvidalo mejor|ya no quiero|dejalo|dejalo asi|salir|stop)(?: (?:porfa|por favor|gracias))?$/;
const RESTART = /\b(?:empezar|empecemos|comenzar|comencemos|iniciar|empieza|volver a empezar) (?:de nuevo|otra vez|desde cero)\b|\bvolver a empezar\b|\breinicia(?:r)?\b|\bdesde el principio\b/;

export function isIntentName(value: string): value is IntentName {
  return (INTENTS as readonly string[]).includes(value);
}

/** The message as the customer meant it: a tapped action's value wins over the text. */
export function messageText(text: string | undefined, value: unknown): string {
  if (typeof value === 'string' && value.trim()) return value.trim();
  return (text ?? '').trim();
}

export function readCommand(said: string): Command | undefined {
  if (said === COMPARE_SCHEMES) return 'compare_schemes';
  const normalized = normalizeText(said);
  if (CANCEL.test(normalized)) return 'cancel';
  if (RESTART.test(normalized)) return 'restart';
  return undefined;
}

export function interpret(nlu: Nlu, said: string, options: ParseOptions): NluResult {
  // A tapped action may carry an argument after its intent: "marketplace:<vehicle id>".
  const intent = said.includes(':') ? said.slice(0, said.indexOf(':')) : said;
  if (isIntentName(intent)) {
    const certain = { name: intent, confidence: 1 };
    return { text: said, intent: certain, ranking: [certain], entities: [] };
  }
  return nlu.parse(said, options);
}

/** Understood well enough to act on (not a guess, not "that's not for me"). */
export function understood(nlu: NluResult): boolean {
  return nlu.intent.name !== 'out_of_scope' && nlu.intent.confidence >= 0.45;
}

/** The two best readings are too close to pick one: ask. */
export function tooClose(nlu: NluResult): [IntentName, IntentName] | undefined {
  const [first, second] = nlu.ranking;
  if (!first || !second || first.name === 'out_of_scope' || second.name === 'out_of_scope') return undefined;
  return first.confidence < 0.6 && first.confidence - second.confidence < 0.15 ? [first.name, second.name] : undefined;
}

const NOT_NAMES = new Set(['cliente', 'nuevo', 'nueva', 'asesor', 'hola', 'buenas', 'buenos', 'si', 'no', 'ok', 'gracias', 'de', 'el', 'la', 'un', 'una', 'yo', 'que', 'quien', 'ana']);
const INTRODUCTION = /\b(?:me llamo|mi nombre es)\s+([\p{L}]+)/iu;
const SOY = /^(?:hola,? )?soy\s+([\p{L}]+)$/iu;

/**
 * The customer's first name, if the message gives it: "me llamo Juan" anywhere;
 * when Ana just asked, also "soy Juan" or a bare "Juan".
 */
export function extractFirstName(said: string, awaitingName: boolean, nlu: NluResult): string | undefined {
  const trimmed = said.trim().replace(/[.!¡¿?]+/g, '');
  const candidate = trimmed.match(INTRODUCTION)?.[1] ?? (awaitingName ? (trimmed.match(SOY)?.[1] ?? bareName(trimmed, nlu)) : undefined);
  if (!candidate || NOT_NAMES.has(normalizeText(candidate))) return undefined;
  return candidate.charAt(0).toLocaleUpperCase('es-MX') + candidate.slice(1).toLocaleLowerCase('es-MX');
}

function bareName(text: string, nlu: NluResult): string | undefined {
  if (!/^[\p{L}]+(?: [\p{L}]+){0,2}$/u.test(text)) return undefined;
  if (nlu.intent.confidence >= 0.8 && nlu.intent.name !== 'out_of_scope') return undefined;
  return text.split(' ')[0];
}

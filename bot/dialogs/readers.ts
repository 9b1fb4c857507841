// Reading customer details from a message: the NLU's entities first, then
// what only makes sense because Ana just asked ("25" after "¿cuánto ganas?",
// "Juan Pérez" after "¿cómo te llamas?", "no tengo" after "¿tu correo?").
import { normalizeText, type NluResult } from '../nlu/index.ts';

const NOTHING = /^(?:no|nop|nel|ninguna?|nada|cero|0|no tengo|no tengo (?:ninguna?|nada|deudas|correo|email|mail)|sin deudas|no debo nada|no uso|no,? gracias|paso|sin correo)$/;

export function entity(nlu: NluResult, type: string): string | number | undefined {
  return nlu.entities.find((e) => e.type === type)?.value;
}

/** "No", "ninguna", "no tengo": the customer has none (debts, e-mail). */
export function saysNothing(nlu: NluResult): boolean {
  return NOTHING.test(normalizeText(nlu.text).replace(/[.!]+$/, '').trim());
}

/** Pesos from an amount entity or a bare number ("25" in a money question means 25 mil). */
export function readMoney(nlu: NluResult, asked: boolean): number | undefined {
  const amount = entity(nlu, 'amount');
  if (typeof amount === 'number') return amount;
  if (!asked) return undefined;
  const match = nlu.text.trim().match(/^\$?\s*(\d{1,3}(?:[,.]\d{3})+|\d+)(?:[.,](\d{1,2}))?\s*(?:pesos|mxn|varos)?\s*(?:al mes|mensuales)?[.!]?$/i);
  if (!match) return undefined;
  const value = Number(match[1]!.replace(/[,.]/g, ''));
  return value < 1000 ? value * 1000 : value;
}

const NAME = /^(?:(?:me llamo|mi nombre es|soy)\s+)?([\p{L}][\p{L}'.-]*(?:\s+[\p{L}][\p{L}'.-]*){0,4})$/iu;
const NOT_A_NAME = /\b(?:quiero|credito|prestamo|cuanto|como|que|donde|cuando|hola|gracias|si|no|cancelar|asesor|invertir|pagar|auto|carro)\b/;

/** A person's name when Ana asked for it: letters only, up to five words. */
export function readName(nlu: NluResult, asked: boolean): string | undefined {
  const said = nlu.text.trim().replace(/[.!]+$/, '');
  const introduced = said.match(/\b(?:me llamo|mi nombre es)\s+([\p{L}]+(?:\s+[\p{L}]+){0,3})/iu)?.[1];
  if (introduced) return titleCase(introduced);
  if (!asked) return undefined;
  const match = said.match(NAME);
  if (!match || NOT_A_NAME.test(normalizeText(match[1]!)) || confidentlyElse(nlu)) return undefined;
  return titleCase(match[1]!);
}

/** The NLU is sure the message is a request of its own (a digression), not an answer. */
export function confidentlyElse(nlu: NluResult): boolean {
  return nlu.intent.confidence >= 0.8 && !['out_of_scope', 'affirm', 'deny', 'greeting'].includes(nlu.intent.name);
}

export function readPhone(nlu: NluResult): string | undefined {
  const phone = entity(nlu, 'phone');
  return typeof phone === 'string' && !readContractNumber(nlu.text) ? phone : undefined;
}

export function readEmail(nlu: NluResult): string | undefined {
  const email = entity(nlu, 'email');
  return typeof email === 'string' ? email : undefined;
}

const CONTRACT = /\b([A-Za-z]{2,5})[\s-]?(\d{4})[\s-]?(\d{3,})\b/;

/** "CCI-2025-000101", "cci 2025 000101"; when asked, also the payment reference (digits). */
export function readContractNumber(text: string, asked = false): string | undefined {
  const match = text.match(CONTRACT);
  if (match) return `${match[1]!.toUpperCase()}-${match[2]}-${match[3]}`;
  if (!asked) return undefined;
  const digits = text.match(/^\s*(\d{6,20})\s*$/)?.[1];
  return digits;
}

/** The text without the contract number, for a date written in the same message. */
export function withoutContract(text: string): string {
  return text.replace(CONTRACT, ' ').replace(/^[\s,;y]+|[\s,;]+$/g, '').trim();
}

function titleCase(text: string): string {
  return text
    .toLocaleLowerCase('es-MX')
    .split(/\s+/)
    .map((word) => word.charAt(0).toLocaleUpperCase('es-MX') + word.slice(1))
    .join(' ');
}

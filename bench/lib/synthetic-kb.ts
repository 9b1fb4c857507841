// Deterministic synthetic Spanish knowledge base for retrieval benchmarks:
// articles of the lending business split into passages, generated from a
// seeded PRNG so that every run (and every machine) searches the same text.

import { seededRandom } from '../../bot/nlu/random.ts';

const TOPICS = [
  'préstamo con garantía de auto', 'requisitos del crédito', 'tasa de interés mensual', 'comisión por apertura', 'GPS y seguro del vehículo',
  'pagos anticipados', 'atraso en mensualidades', 'factura del coche', 'avalúo del vehículo', 'depósito del préstamo', 'inversión en pagarés',
  'rendimiento para inversionistas', 'retención de ISR', 'contrato y firma electrónica', 'citas en sucursal', 'estado de cuenta',
  'referencias de pago', 'liquidación del crédito', 'reestructura de deuda', 'aviso de privacidad',
];
const SUBJECTS = ['el cliente', 'tu auto', 'la solicitud', 'el asesor', 'el contrato', 'la mensualidad', 'el inversionista', 'la factura', 'el préstamo', 'tu crédito', 'el pagaré', 'la garantía'];
const VERBS = ['necesita', 'incluye', 'se calcula con', 'depende de', 'se paga con', 'se revisa con', 'se firma con', 'se deposita en', 'requiere', 'se libera con', 'cubre', 'se aprueba con'];
const OBJECTS = [
  'identificación oficial vigente', 'comprobante de domicilio', 'la tarjeta de circulación', 'una tasa fija mensual', 'el valor comercial del auto', 'transferencia SPEI',
  'el GPS instalado', 'el seguro de cobertura amplia', 'estados de cuenta bancarios', 'la factura original endosada', 'un plazo de 12 a 48 meses', 'pagos decrecientes',
  'solo intereses', 'firma electrónica avanzada', 'una cita en la sucursal de Guadalajara', 'la referencia de pago en OXXO', 'el IVA sobre intereses', 'el buró de crédito',
  'la tenencia al corriente', 'la verificación vehicular', 'una cuenta CLABE a tu nombre', 'el avalúo en 24 horas', 'la liquidación anticipada sin penalización',
];
const CONNECTORS = ['además', 'por eso', 'en general', 'cuando aplica', 'si lo prefieres', 'según el caso', 'sin excepción', 'también'];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function sentence(random: () => number): string {
  const text = `${pick(random, SUBJECTS)} ${pick(random, VERBS)} ${pick(random, OBJECTS)}, ${pick(random, CONNECTORS)} ${pick(random, VERBS)} ${pick(random, OBJECTS)}`;
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

export interface SyntheticChunk {
  articleIndex: number;
  index: number;
  heading: string;
  text: string;
}

export const CHUNKS_PER_ARTICLE = 10;

/** Passages `from` (inclusive) to `to` (exclusive); the same index always gives the same passage. */
export function syntheticChunks(from: number, to: number): SyntheticChunk[] {
  const chunks: SyntheticChunk[] = [];
  for (let n = from; n < to; n++) {
    const random = seededRandom(n * 7919 + 17);
    const sentences = 3 + Math.floor(random() * 4);
    chunks.push({
      articleIndex: Math.floor(n / CHUNKS_PER_ARTICLE),
      index: n % CHUNKS_PER_ARTICLE,
      heading: `${pick(random, TOPICS)} ${n % 97}`,
      text: Array.from({ length: sentences }, () => sentence(random)).join(' '),
    });
  }
  return chunks;
}

export function syntheticArticleTitle(articleIndex: number): string {
  return `${TOPICS[articleIndex % TOPICS.length]!} (${articleIndex})`;
}

/** Customer-like questions about the same topics, some with WhatsApp typos. */
export function syntheticQuestions(count: number): string[] {
  const random = seededRandom(4242);
  const typos: [RegExp, string][] = [[/é/g, 'e'], [/ó/g, 'o'], [/que/g, 'q'], [/í/g, 'i']];
  return Array.from({ length: count }, (_, i) => {
    let question = `${pick(random, ['que', 'cómo', 'cuánto', 'necesito saber si'])} ${pick(random, SUBJECTS)} ${pick(random, VERBS)} ${pick(random, OBJECTS)}?`;
    if (i % 3 === 0) for (const [pattern, replacement] of typos) question = question.replace(pattern, replacement);
    return question;
  });
}

// The training split: hand-written messages, template messages that vary amounts, terms,
// vehicles and fillers, and a seeded noisy copy of each (typos, shorthand, emoji) so that
// the classifier sees how people really type. Deterministic: same code, same examples.

import type { IntentName, TrainingExample } from '../types.ts';
import { MORE_HAND_WRITTEN } from './train-messages-more.ts';
import { HAND_WRITTEN } from './train-messages.ts';
import { seededRandom } from '../random.ts';


const SLOTS: Record<string, string[]> = {
  amount: ['50 mil', '80 mil', '100,000', '$120,000', 'medio millon', 'ochenta mil pesos', '150k', '30 mil varos', '200 mil', 'un millon', '70 mil pesos', '45,000', 'cien mil', '25 mil'],
  term: ['12 meses', '24 meses', 'dos años', '18 meses', '36 mensualidades', 'un año', '3 años', '48 meses', 'año y medio'],
  vehicle: ['carro', 'auto', 'coche', 'camioneta', 'troca', 'nave', 'vocho', 'carrito', 'pickup'],
  car: ['un versa 2019', 'un aveo 2017', 'un jetta 2020', 'una hilux 2018', 'un march 2021', 'una np300 2016', 'un tsuru 2012', 'una cr-v 2015', 'un rio 2022', 'una ranger 2019'],
  filler: ['', '', '', 'oye ', 'hola ', 'este ', 'eh ', 'mmm ', 'disculpa ', 'una pregunta ', 'buenas tardes ', 'o sea ', 'oiga '],
  when: ['mañana a las 10', 'el lunes en la tarde', 'el viernes', 'hoy a las 5', 'el 15 de diciembre a las 4 pm', 'pasado mañana', 'el sabado temprano', 'la otra semana'],
};

const TEMPLATES: Partial<Record<IntentName, string[]>> = {
  simulate_credit: [
    '{filler}cuanto pagaria al mes si pido {amount}', '{filler}cuanto seria la mensualidad de {amount} a {term}',
    '{filler}cotizame {amount} a {term}', '{filler}simula un prestamo de {amount}', '{filler}si me prestan {amount} a {term} cuanto pago',
    '{filler}de cuanto serian los pagos por {amount}', '{filler}cuanto me sale {amount} a {term}', '{filler}cuanto pago por {amount} a {term}',
    '{filler}quiero saber la mensualidad si pido {amount}', '{filler}cuanto pagaria en total por {amount} a {term}',
  ],
  apply_credit: [
    '{filler}necesito {amount}, tengo mi {vehicle}', '{filler}me urge {amount} y tengo mi {vehicle} pagado',
    '{filler}quiero que me presten {amount} con mi {vehicle}', '{filler}tengo {car} y necesito dinero',
    '{filler}quiero solicitar un prestamo de {amount}', '{filler}como le hago para que me presten {amount}',
    '{filler}quiero pedir {amount} dejando mi {vehicle} en garantia', '{filler}ocupo {amount} urgente, tengo {car}',
    '{filler}me pueden prestar {amount} sobre mi {vehicle}', '{filler}quiero empezar mi solicitud de {amount}',
  ],
  simulate_investment: [
    '{filler}cuanto ganaria si invierto {amount}', '{filler}cuanto me da de rendimiento {amount} a {term}',
    '{filler}si invierto {amount} a {term} cuanto gano', '{filler}que ganancia tendria con {amount}',
    '{filler}simula una inversion de {amount}', '{filler}cuanto me generan {amount} en {term}',
  ],
  invest: [
    '{filler}quiero invertir {amount}', '{filler}me interesa invertir {amount} con ustedes', '{filler}tengo {amount} y quiero invertirlos',
    '{filler}quiero ser inversionista, tengo {amount}', '{filler}como invierto {amount}', '{filler}quiero que me contacten para invertir {amount}',
  ],
  book_appointment: [
    '{filler}quiero una cita {when}', '{filler}me pueden llamar {when}', '{filler}agendame {when}', '{filler}puedo ir a sus oficinas {when}',
    '{filler}quiero que revisen mi {vehicle} {when}', '{filler}tienen espacio {when}', '{filler}marquenme {when} por favor',
  ],
  manage_appointment: [
    '{filler}quiero cambiar mi cita para {when}', '{filler}mueve mi cita a {when}', '{filler}cancela mi cita de {when}',
    '{filler}no puedo ir a la cita, mejor {when}', '{filler}reagenda mi cita para {when}', '{filler}confirmo mi cita de {when}',
  ],
  marketplace: [
    '{filler}quiero comprar {car}', '{filler}tienen {car} en venta', '{filler}busco una {vehicle} para comprar',
    '{filler}venden {car}?', '{filler}cuanto cuesta {car} que tienen publicado', '{filler}quiero comprar una {vehicle} de {amount}',
  ],
  loan_status: [
    '{filler}cuanto debo de mi credito', '{filler}como va mi prestamo de {amount}', '{filler}cuando es mi siguiente pago',
    '{filler}cuanto me falta para liquidar', '{filler}cual es el saldo de mi prestamo', '{filler}ya aprobaron mi solicitud de {amount}?',
  ],
  make_payment: [
    '{filler}ya pague la mensualidad', '{filler}donde deposito los {amount}', '{filler}quiero abonar {amount} a mi credito',
    '{filler}me pasas la clabe para pagar', '{filler}ya les transferi {amount}', '{filler}como pago mi mensualidad',
  ],
  faq: [
    '{filler}que requisitos piden para el prestamo', '{filler}aceptan {car}?', '{filler}prestan con {car}?',
    '{filler}que tasa de interes manejan', '{filler}tengo que dejar mi {vehicle}?', '{filler}le ponen gps a mi {vehicle}?',
    '{filler}cuanto es lo maximo que prestan por {car}', '{filler}que documentos piden',
  ],
};

// Shorthand people use on WhatsApp; applied to copies of the messages.
const SHORTHAND: [RegExp, string][] = [
  [/\bque\b/g, 'q'], [/\bporque\b/g, 'xq'], [/\bpor favor\b/g, 'porfa'], [/\bde\b/g, 'd'], [/\btambien\b/g, 'tmb'],
  [/\binformacion\b/g, 'info'], [/\bquiero\b/g, 'kiero'], [/\bgracias\b/g, 'grax'], [/\bpor\b/g, 'x'],
];
const DECORATIONS = ['', '', '!', '??', ' 🙏', ' 😊', ' porfa', '...', ' 🤔'];

function noisyCopy(text: string, random: () => number): string {
  let t = text.toLowerCase();
  for (const [pattern, short] of SHORTHAND) if (random() < 0.5) t = t.replace(pattern, short);
  const words = t.split(' ');
  const longWords = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 5 && /^[a-zñáéíóú]+$/.test(w));
  if (longWords.length > 0 && random() < 0.7) {
    const [word, index] = longWords[Math.floor(random() * longWords.length)]!;
    const at = 1 + Math.floor(random() * (word.length - 2));
    const kind = random();
    words[index] = kind < 0.4
      ? word.slice(0, at) + word.slice(at + 1) // a letter missing
      : kind < 0.7
        ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) // two letters swapped
        : word.slice(0, at) + word[at]!.repeat(3) + word.slice(at + 1); // a letter stretched
  }
  return words.join(' ') + DECORATIONS[Math.floor(random() * DECORATIONS.length)]!;
}

function fillTemplate(template: string, random: () => number): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    const options = SLOTS[slot]!;
    return options[Math.floor(random() * options.length)]!;
  }).trim();
}

/** Every hand-written training message, by intent. */
export const TRAINING_MESSAGES: Record<IntentName, string[]> = Object.fromEntries(
  (Object.keys(HAND_WRITTEN) as IntentName[]).map((intent) => [intent, [...HAND_WRITTEN[intent], ...MORE_HAND_WRITTEN[intent]]]),
) as Record<IntentName, string[]>;

const TEMPLATE_MESSAGES_PER_INTENT = 40;

export function buildTrainingExamples(handWritten: Record<IntentName, string[]> = TRAINING_MESSAGES, seed = 7): TrainingExample[] {
  const random = seededRandom(seed);
  const examples: TrainingExample[] = [];
  for (const [intent, messages] of Object.entries(handWritten) as [IntentName, string[]][]) {
    const templates = TEMPLATES[intent] ?? [];
    const generated = new Set<string>();
    for (let i = 0; templates.length > 0 && i < TEMPLATE_MESSAGES_PER_INTENT * 3 && generated.size < TEMPLATE_MESSAGES_PER_INTENT; i++) {
      generated.add(fillTemplate(templates[i % templates.length]!, random));
    }
    const base = [...messages, ...generated];
    for (const text of base) examples.push({ text, intent });
    for (const text of messages) examples.push({ text: noisyCopy(text, random), intent });
  }
  return examples;
}

export const TRAINING_EXAMPLES: readonly TrainingExample[] = buildTrainingExamples();

import { beforeAll, describe, expect, it } from 'vitest';
import { INTENTS, trainNlu, type IntentName, type Nlu } from '../../../bot/nlu/index.ts';
import { TRAINING_EXAMPLES } from '../../../bot/nlu/data/train.ts';
import { HELDOUT_INTENTS } from '../../../bot/nlu/data/heldout.ts';
import { normalizeText } from '../../../bot/nlu/normalize.ts';

let nlu: Nlu;
beforeAll(() => {
  nlu = trainNlu();
});

const intentOf = (text: string): IntentName => nlu.parse(text).intent.name;

describe('short messages', () => {
  it.each([
    ['si', 'affirm'], ['sí', 'affirm'], ['simon', 'affirm'], ['va', 'affirm'], ['sale', 'affirm'], ['ok', 'affirm'],
    ['claro', 'affirm'], ['ándale', 'affirm'], ['sip', 'affirm'], ['de acuerdo', 'affirm'], ['👍', 'affirm'],
    ['no', 'deny'], ['nel', 'deny'], ['no gracias', 'deny'], ['ahorita no', 'deny'], ['mejor no', 'deny'],
    ['hola', 'greeting'], ['holaaaa', 'greeting'], ['buenas tardes', 'greeting'],
    ['gracias', 'thanks'], ['muchas gracias', 'thanks'], ['adios', 'goodbye'], ['bye', 'goodbye'],
  ] as [string, IntentName][])('%s → %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });
});

describe('near-miss pairs', () => {
  it.each([
    ['cuanto pagaria al mes si pido 80 mil a 24 meses', 'simulate_credit'],
    ['me urge una lana y tengo mi carro pagado', 'apply_credit'],
    ['quiero solicitar el credito', 'apply_credit'],
    ['como le hago para que me presten', 'apply_credit'],
    ['cotizar un prestamo', 'simulate_credit'],
    ['cuanto ganaria si invierto 100 mil', 'simulate_investment'],
    ['quiero ser inversionista', 'invest'],
    ['quiero agendar una cita para mañana', 'book_appointment'],
    ['necesito cambiar mi cita del jueves', 'manage_appointment'],
    ['cuanto debo todavia', 'loan_status'],
    ['ya les pague, les mando el comprobante', 'make_payment'],
    ['que tasa manejan', 'faq'],
    ['cuanto pagaria por 50 mil', 'simulate_credit'],
    ['quiero firmar mi contrato', 'contract'],
    ['quiero comprar un carro', 'marketplace'],
    ['pasame con un asesor', 'human_agent'],
    ['me cobraron de mas, pesimo servicio', 'complaint'],
    ['quien gano el futbol ayer', 'out_of_scope'],
  ] as [string, IntentName][])('%s → %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  it('understands WhatsApp shorthand and typos', () => {
    expect(intentOf('kiero un prestamo xfa, tengo mi nave')).toBe('apply_credit');
    expect(intentOf('cuanto pagaria x 80 mil a 2 anos')).toBe('simulate_credit');
    expect(intentOf('q requisitos piden??')).toBe('faq');
  });

  it.each([
    ['este... o sea, mmm, quiero pedir un prestamo con mi troca', 'apply_credit'],
    ['eh cuanto me saldria al mes ochenta mil a dos años', 'simulate_credit'],
    ['can I get a loan with my car', 'apply_credit'],
    ['quiero hacer un schedule para una llamada', 'book_appointment'],
    ['holaaaa 👋👋', 'greeting'],
    ['mil gracias!! 🙏🙏', 'thanks'],
  ] as [string, IntentName][])('voice, Spanglish and emoji: %s → %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });
});

describe('result shape', () => {
  it('ranks every intent, most likely first, with probabilities that sum to 1', () => {
    const result = nlu.parse('quiero un prestamo de 80 mil');
    expect(result.text).toBe('quiero un prestamo de 80 mil');
    expect(result.ranking).toHaveLength(INTENTS.length);
    expect(new Set(result.ranking.map((r) => r.name))).toEqual(new Set(INTENTS));
    expect(result.ranking[0]).toEqual(result.intent);
    for (let i = 1; i < result.ranking.length; i++) {
      expect(result.ranking[i]!.confidence).toBeLessThanOrEqual(result.ranking[i - 1]!.confidence);
    }
    const sum = result.ranking.reduce((s, r) => s + r.confidence, 0);
    expect(sum).toBeCloseTo(1, 6);
    for (const r of result.ranking) {
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
    expect(result.entities.map((e) => [e.type, e.value])).toEqual([['amount', 80000]]);
  });

  it('handles empty and odd input', () => {
    for (const text of ['', '   ', '😀', '???', 'a'.repeat(2000)]) {
      const result = nlu.parse(text);
      expect(INTENTS).toContain(result.intent.name);
    }
  });
});

describe('training', () => {
  it('is deterministic: the same data gives the same model', () => {
    const again = trainNlu();
    for (const text of ['hola', 'cuanto pagaria por 60 mil', 'quiero cambiar mi cita', 'xq me cobraron doble']) {
      expect(again.parse(text).ranking).toEqual(nlu.parse(text).ranking);
    }
  });

  it('never trains on held-out messages', () => {
    const training = new Set(TRAINING_EXAMPLES.map((e) => normalizeText(e.text)));
    const leaked = Object.values(HELDOUT_INTENTS).flat().filter((text) => training.has(normalizeText(text)));
    expect(leaked).toEqual([]);
  });

  it('has enough examples of every intent', () => {
    for (const intent of INTENTS) {
      expect(TRAINING_EXAMPLES.filter((e) => e.intent === intent).length).toBeGreaterThanOrEqual(80);
    }
  });

  it('trains on custom examples', () => {
    const tiny = trainNlu([
      { text: 'hola', intent: 'greeting' }, { text: 'buenas', intent: 'greeting' },
      { text: 'adios', intent: 'goodbye' }, { text: 'bye', intent: 'goodbye' },
    ]);
    expect(tiny.parse('hola buenas').intent.name).toBe('greeting');
    expect(tiny.parse('adios bye').intent.name).toBe('goodbye');
  });
});

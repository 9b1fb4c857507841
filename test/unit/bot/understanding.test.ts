import { describe, expect, it } from 'vitest';
import { readSlots } from '../../../bot/dialogs/credit-simulation/slots.ts';
import { formatCat, formatMoney } from '../../../bot/format.ts';
import type { NluResult } from '../../../bot/nlu/index.ts';
import { extractFirstName, interpret, readCommand, tooClose } from '../../../bot/understanding.ts';
import { Decimal } from 'decimal.js';

const nluOf = (text: string, ranking: [string, number][] = [['out_of_scope', 0.3]], entities: NluResult['entities'] = []): NluResult => {
  const scores = ranking.map(([name, confidence]) => ({ name, confidence })) as NluResult['ranking'];
  return { text, intent: scores[0]!, ranking: scores, entities };
};

describe('money and CAT', () => {
  it('writes money as $12,345.67 MXN, exactly', () => {
    expect(formatMoney(new Decimal('12345.675'))).toBe('$12,345.68 MXN');
    expect(formatMoney('1000000')).toBe('$1,000,000.00 MXN');
    expect(formatMoney('5.1')).toBe('$5.10 MXN');
    expect(formatCat(new Decimal('62.34'))).toBe('CAT 62.3% sin IVA, informativo');
  });
});

describe('commands', () => {
  it('recognises cancel and start over, but not "cancelar mi cita"', () => {
    expect(readCommand('cancelar')).toBe('cancel');
    expect(readCommand('Ya no quiero')).toBe('cancel');
    expect(readCommand('empezar de nuevo')).toBe('restart');
    expect(readCommand('cancelar mi cita del lunes')).toBeUndefined();
    expect(readCommand('compare_schemes')).toBe('compare_schemes');
  });

  it('takes a tapped intent value as that intent with certainty', () => {
    const nlu = { parse: () => nluOf('x') };
    expect(interpret(nlu, 'human_agent', {}).intent).toEqual({ name: 'human_agent', confidence: 1 });
  });
});

describe('clarification', () => {
  it('asks when the two best intents are close and neither is confident', () => {
    expect(tooClose(nluOf('x', [['simulate_credit', 0.45], ['apply_credit', 0.35]]))).toEqual(['simulate_credit', 'apply_credit']);
    expect(tooClose(nluOf('x', [['simulate_credit', 0.7], ['apply_credit', 0.25]]))).toBeUndefined();
    expect(tooClose(nluOf('x', [['simulate_credit', 0.45], ['apply_credit', 0.2]]))).toBeUndefined();
  });
});

describe('names', () => {
  it('reads "me llamo" anywhere and a bare name only when Ana asked', () => {
    expect(extractFirstName('me llamo juan', false, nluOf('me llamo juan'))).toBe('Juan');
    expect(extractFirstName('Mariana', true, nluOf('Mariana'))).toBe('Mariana');
    expect(extractFirstName('soy Pedro', true, nluOf('soy Pedro'))).toBe('Pedro');
    expect(extractFirstName('Mariana', false, nluOf('Mariana'))).toBeUndefined();
    expect(extractFirstName('si', true, nluOf('si', [['affirm', 0.99]]))).toBeUndefined();
    expect(extractFirstName('soy cliente', true, nluOf('soy cliente'))).toBeUndefined();
  });
});

describe('simulation slots', () => {
  it('prefers entities and reads bare answers in the context of the question', () => {
    const entities: NluResult['entities'] = [{ type: 'term_months', value: 36, text: '36 meses', start: 6, end: 14 }];
    expect(readSlots(nluOf('mejor 36 meses', [['simulate_credit', 0.8]], entities), 'scheme')).toEqual({ termMonths: 36 });
    expect(readSlots(nluOf('80'), 'amount')).toEqual({ amount: 80000 });
    expect(readSlots(nluOf('150,000'), 'amount')).toEqual({ amount: 150000 });
    expect(readSlots(nluOf('24'), 'termMonths')).toEqual({ termMonths: 24 });
    expect(readSlots(nluOf('me da igual'), 'scheme')).toEqual({ scheme: 'fixed' });
    expect(readSlots(nluOf('decreciente'), 'scheme')).toEqual({ scheme: 'decreasing' });
    expect(readSlots(nluOf('80'), 'scheme')).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../bot/nlu/index.ts';

describe('normalizeText', () => {
  it.each([
    ['Holaaaa!!!', 'hola'],
    ['Sí, claro', 'si claro'],
    ['Quiero un PRÉSTAMO', 'quiero un prestamo'],
    ['q onda', 'que onda'],
    ['xq no me contestan', 'porque no me contestan'],
    ['pq?', 'porque'],
    ['porfa', 'por favor'],
    ['plis', 'por favor'],
    ['tmb quiero info', 'tambien quiero informacion'],
    ['prestamo d 80 mil', 'prestamo de 80 mil'],
    ['kiero invertir', 'quiero invertir'],
    ['graciass', 'gracias'],
    ['siiii', 'si'],
    ['hola 😀🚗', 'hola'],
    ['  muchos   espacios ', 'muchos espacios'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('keeps the double letters Spanish really has', () => {
    expect(normalizeText('me llamo para el carro')).toBe('me llamo para el carro');
    expect(normalizeText('creer en la accion')).toBe('creer en la accion');
  });

  it('keeps brand names that start with k', () => {
    expect(normalizeText('tengo un Kia')).toBe('tengo un kia');
  });

  it('reads a thumbs up as ok and drops other emoji', () => {
    expect(normalizeText('👍')).toBe('ok');
    expect(normalizeText('sale 🙌🔥')).toBe('sale');
  });

  it('is idempotent', () => {
    for (const text of ['Holaaa q tal, xq no me dan info??', 'Mañana a las 10 porfa 🙏', 'tengo un KIA 2019']) {
      const once = normalizeText(text);
      expect(normalizeText(once)).toBe(once);
    }
  });
});

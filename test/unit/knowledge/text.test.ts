import { describe, expect, it } from 'vitest';
import { correctToVocabulary, editDistance, normalizeForSearch, searchTerms, stem, tokenize } from '../../../knowledge/text.ts';

describe('normalizeForSearch', () => {
  it('lowercases and strips accents, ñ included', () => {
    expect(normalizeForSearch('¿CUÁNTO me préstan? Año, ÑANDÚ')).toBe('cuanto me prestan ano nandu');
  });

  it('drops emoji and punctuation', () => {
    expect(normalizeForSearch('hola!!! 😀🚗 ¿me ayudas?...')).toBe('hola me ayudas');
  });

  it('collapses stretched letters but keeps real Spanish doubles', () => {
    expect(normalizeForSearch('holaaaa siiii graciass')).toBe('hola si gracias');
    expect(normalizeForSearch('carro llave acción leer')).toBe('auto llave accion leer');
  });

  it('expands WhatsApp shorthand', () => {
    expect(normalizeForSearch('q necesito xq porfa tmb info')).toBe('que necesito porque por favor tambien informacion');
  });

  it('keeps amounts as one token', () => {
    expect(tokenize('me prestan $150,000?')).toEqual(['me', 'prestan', '150000']);
  });

  it('returns nothing for text with no letters or digits', () => {
    expect(normalizeForSearch('¿?! 🙏')).toBe('');
    expect(tokenize('...')).toEqual([]);
  });
});

describe('searchTerms', () => {
  it('drops stopwords and stems what is left', () => {
    expect(searchTerms('¿Cuáles son los requisitos para los préstamos?')).toEqual(['requisit', 'prest']);
  });

  it('meets the same terms with and without accents or slang', () => {
    expect(searchTerms('vehículos financiados')).toEqual(searchTerms('vehiculos financiado'));
    expect(searchTerms('mi carro')).toEqual(searchTerms('mi auto'));
  });

  it('leaves short words and numbers unstemmed', () => {
    expect(stem('gps')).toBe('gps');
    expect(stem('2019')).toBe('2019');
  });
});

describe('typo tolerance', () => {
  it('counts edits, a transposition as one', () => {
    expect(editDistance('factura', 'factura')).toBe(0);
    expect(editDistance('factura', 'fatcura')).toBe(1);
    expect(editDistance('requisitos', 'rekisitos')).toBe(2);
    expect(editDistance('abc', 'xyzabc', 1)).toBe(2);
  });

  it('corrects to the closest known word, and only when close', () => {
    const vocabulary = new Set(['requisitos', 'factura', 'garantia', 'interes']);
    expect(correctToVocabulary('rekisitos', vocabulary)).toBe('requisitos');
    expect(correctToVocabulary('factua', vocabulary)).toBe('factura');
    expect(correctToVocabulary('garantia', vocabulary)).toBe('garantia');
    expect(correctToVocabulary('tortuga', vocabulary)).toBe('tortuga');
  });
});

describe('k for qu', () => {
  it('reads "k" before e/i as "qu", except in words with a real k', () => {
    expect(normalizeForSearch('kiero ke me den los rekisitos')).toBe('quiero que me den los requisitos');
    expect(normalizeForSearch('mi kia tiene poco kilometraje')).toBe('mi kia tiene poco kilometraje');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractEntities, type Entity, type EntityType } from '../../../bot/nlu/index.ts';

// Monday 23 Nov 2026, 16:00 in Mexico City (UTC-6).
const referenceTime = new Date('2026-11-23T22:00:00Z');

function valuesOf(text: string, type: EntityType): (string | number)[] {
  return extractEntities(text, { referenceTime }).filter((e) => e.type === type).map((e) => e.value);
}

describe('amount', () => {
  it.each([
    ['80 mil', 80000], ['quiero 80k', 80000], ['medio millón', 500000], ['$150,000', 150000],
    ['150,000.50 pesos', 150000.5], ['un melón', 1000000], ['un millon', 1000000], ['ciento veinte mil pesos', 120000],
    ['2 millones', 2000000], ['80 mil varos', 80000], ['80 mil pesos', 80000], ['80 mil de lana', 80000],
    ['necesito 45000', 45000], ['un millón y medio', 1500000], ['doscientos cincuenta mil', 250000],
    ['ochenta y cinco mil', 85000], ['1.5 millones', 1500000], ['mil quinientos pesos', 1500], ['500 pesos', 500],
    ['dos melones', 2000000], ['$ 35,000', 35000], ['me prestan 80 000?', 80000], ['quiero $80k', 80000],
    ['un millon doscientos mil', 1200000], ['veinte mil quinientos pesos', 20500], ['cuanto por 1,500,000', 1500000],
    ['eh pues este quiero como cincuenta mil pesos', 50000], ['pague $3,450.75', 3450.75],
  ])('%s → %d', (text, expected) => {
    expect(valuesOf(text, 'amount')).toEqual([expected]);
  });

  it.each([
    'mi carro es 2019', 'a 24 meses', 'mi cel es 55 1234 5678', 'mil gracias', 'a las 5', 'un carro',
    'el 15 de diciembre', 'tengo 3 años con el', 'modelo 2015', 'quiero 2 citas', 'mi cp es 06700', 'tengo 2 hijos',
  ])('finds no amount in "%s"', (text) => {
    expect(valuesOf(text, 'amount')).toEqual([]);
  });
});

describe('term_months', () => {
  it.each([
    ['24 meses', 24], ['a 2 años', 24], ['año y medio', 18], ['un año', 12], ['36 mensualidades', 36],
    ['a 3 años', 36], ['dieciocho meses', 18], ['a 12 plazos', 12], ['a 12 meses', 12], ['dos años y medio', 30],
    ['veinticuatro meses', 24], ['medio año', 6],
  ])('%s → %d', (text, expected) => {
    expect(valuesOf(text, 'term_months')).toEqual([expected]);
  });

  it('does not read a bare "a 12" as a term, nor the age of a car', () => {
    expect(valuesOf('a 12', 'term_months')).toEqual([]);
    expect(valuesOf('mi carro tiene 3 años', 'term_months')).toEqual([]);
  });

  it('reads an amount and a term from one sentence', () => {
    const entities = extractEntities('cuanto pagaria al mes si pido 80 mil a 24 meses', { referenceTime });
    expect(entities.map((e) => [e.type, e.value])).toEqual([['amount', 80000], ['term_months', 24]]);
  });
});

describe('payment_scheme', () => {
  it.each([
    ['pagos fijos', 'fixed'], ['mensualidad fija', 'fixed'], ['cuota fija', 'fixed'], ['sistema frances', 'fixed'],
    ['decreciente', 'decreasing'], ['pagos que van bajando', 'decreasing'], ['capital fijo', 'decreasing'],
    ['solo intereses', 'interest_only'], ['pago de intereses y capital al final', 'interest_only'],
    ['esquema balloon', 'interest_only'], ['capital al final', 'interest_only'],
  ])('%s → %s', (text, expected) => {
    expect(valuesOf(text, 'payment_scheme')).toEqual([expected]);
  });
});

describe('datetime (America/Mexico_City, UTC-6)', () => {
  it.each([
    ['mañana a las 10', '2026-11-24T16:00:00.000Z'],
    ['el lunes en la tarde', '2026-11-30T22:00:00.000Z'],
    ['15 de diciembre a las 4 pm', '2026-12-15T22:00:00.000Z'],
    ['el viernes a las 11 de la mañana', '2026-11-27T17:00:00.000Z'],
    ['pasado mañana', '2026-11-25T06:00:00.000Z'],
    ['hoy a las 5', '2026-11-23T23:00:00.000Z'],
    ['el 3 de enero', '2027-01-03T06:00:00.000Z'],
    ['a las 10 de la noche', '2026-11-24T04:00:00.000Z'],
    ['mañana en la mañana', '2026-11-24T15:00:00.000Z'],
    ['el 24/12 a las 9:30', '2026-12-24T15:30:00.000Z'],
    ['la proxima semana', '2026-11-30T06:00:00.000Z'],
    ['el sabado a mediodia', '2026-11-28T18:00:00.000Z'],
    ['me pueden llamar a las 4pm', '2026-11-24T22:00:00.000Z'],
    ['la cita es el 5 a las 3', '2026-12-05T21:00:00.000Z'],
    ['tengo cita a la una', '2026-11-24T19:00:00.000Z'],
    ['a las cuatro y cuarto', '2026-11-23T22:15:00.000Z'],
    ['a las dos y media', '2026-11-24T20:30:00.000Z'],
    ['nos vemos a las 10 hrs', '2026-11-24T16:00:00.000Z'],
    ['el dia 28', '2026-11-28T06:00:00.000Z'],
  ])('%s → %s', (text, expected) => {
    expect(valuesOf(text, 'datetime')).toEqual([expected]);
  });

  it('resolves "mañana" from the Mexico City date, not the UTC date', () => {
    // 23:30 in Mexico City on the 23rd is already the 24th in UTC.
    const lateEvening = new Date('2026-11-24T05:30:00Z');
    const [entity] = extractEntities('mañana a las 10', { referenceTime: lateEvening });
    expect(entity?.value).toBe('2026-11-24T16:00:00.000Z');
  });

  it('honours another time zone', () => {
    const [entity] = extractEntities('mañana a las 10', { referenceTime, timeZone: 'America/Tijuana' });
    expect(entity?.value).toBe('2026-11-24T18:00:00.000Z');
  });

  it('falls back to Recognizers-Text for rarer forms', () => {
    expect(valuesOf('en la primera quincena de diciembre', 'datetime')).toHaveLength(1);
  });

  it('does not take a model year or a term for a date', () => {
    expect(valuesOf('mi carro es 2018', 'datetime')).toEqual([]);
    expect(valuesOf('a 24 meses', 'datetime')).toEqual([]);
    expect(valuesOf('la 1a mensualidad', 'datetime')).toEqual([]);
    expect(valuesOf('me interesan las dos', 'datetime')).toEqual([]);
    expect(valuesOf('vivo en la calle 5 de mayo 123', 'datetime')).toEqual([]);
  });
});

describe('vehicle', () => {
  it.each([
    ['tengo un chevy', 'chevrolet'], ['un chevrolet', 'chevrolet'], ['mi chevi', 'chevrolet'], ['mi vocho', 'volkswagen'],
    ['un vw', 'volkswagen'], ['una volks', 'volkswagen'], ['un versa', 'nissan'], ['una np300', 'nissan'],
    ['un aveo', 'chevrolet'], ['jetta', 'volkswagen'], ['un rio', 'kia'], ['una hilux', 'toyota'], ['una cr-v', 'honda'],
    ['mercedes benz', 'mercedes-benz'], ['un mercedes', 'mercedes-benz'], ['land rover', 'land rover'], ['un Mazda', 'mazda'],
    ['una Ford Lobo', 'ford'], ['un BYD', 'byd'], ['mi Tesla', 'tesla'],
  ])('%s → %s', (text, brand) => {
    expect(valuesOf(text, 'vehicle_brand')).toContain(brand);
  });

  it.each([
    ['mi carro es 2018', 2018], ['modelo 2015', 2015], ['un versa 2019', 2019], ['tengo una troca 2008', 2008],
  ])('%s → year %d', (text, year) => {
    expect(valuesOf(text, 'vehicle_year')).toEqual([year]);
  });

  it('ignores years outside 1990..next year and years with no vehicle in sight', () => {
    expect(valuesOf('mi carro es 1985', 'vehicle_year')).toEqual([]);
    expect(valuesOf('mi carro es 2035', 'vehicle_year')).toEqual([]);
    expect(valuesOf('desde 2019 soy cliente', 'vehicle_year')).toEqual([]);
  });
});

describe('email and phone', () => {
  it('finds an email', () => {
    expect(valuesOf('mi correo es Ana.Lopez@Gmail.com gracias', 'email')).toEqual(['ana.lopez@gmail.com']);
  });

  it.each([
    ['+52 55 1234 5678', '+525512345678'], ['mi cel 55 1234 5678', '+525512345678'], ['5512345678', '+525512345678'],
    ['tel 33-1234-5678', '+523312345678'],
  ])('%s → %s (E.164)', (text, phone) => {
    expect(valuesOf(text, 'phone')).toEqual([phone]);
  });
});

describe('robustness', () => {
  it('never throws, keeps offsets inside the text and never overlaps, whatever the input', () => {
    const words = ['quiero', '80', 'mil', 'a', '24', 'meses', 'mañana', 'las', '10', 'versa', '2019', '$', '55', '1234', '5678',
      'medio', 'millón', 'y', 'el', 'lunes', '😀', 'pesos', 'de', 'diciembre', 'año', 'solo intereses', ',', 'a@b.mx'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...words), { maxLength: 14 }), fc.string({ maxLength: 20 }), (parts, noise) => {
      const text = parts.join(' ') + noise;
      const entities = extractEntities(text, { referenceTime });
      for (const [i, e] of entities.entries()) {
        expect(e.start).toBeGreaterThanOrEqual(0);
        expect(e.end).toBeLessThanOrEqual(text.length);
        expect(text.slice(e.start, e.end)).toBe(e.text);
        if (i > 0) expect(e.start).toBeGreaterThanOrEqual(entities[i - 1]!.end);
      }
    }), { numRuns: 300 });
  });
});

describe('offsets', () => {
  it('point into the original text and never overlap', () => {
    const text = 'Holaaa 😀 quiero $80,000 a 24 meses, tengo un Versa 2019, llámenme mañana a las 10 al 55 1234 5678 o a ana@x.mx';
    const entities: Entity[] = extractEntities(text, { referenceTime });
    expect(entities.map((e) => e.type)).toEqual(['amount', 'term_months', 'vehicle_brand', 'vehicle_year', 'datetime', 'phone', 'email']);
    for (const e of entities) expect(text.slice(e.start, e.end)).toBe(e.text);
    for (let i = 1; i < entities.length; i++) expect(entities[i]!.start).toBeGreaterThanOrEqual(entities[i - 1]!.end);
  });
});

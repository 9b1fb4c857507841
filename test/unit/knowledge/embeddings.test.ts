import { describe, expect, it } from 'vitest';
import { cosineSimilarity, EMBEDDING_DIMENSIONS } from '../../../knowledge/embeddings/provider.ts';
import { fitIdf, LocalHashedEmbeddings } from '../../../knowledge/embeddings/local-hashed.ts';

const CORPUS = [
  '¿Cuánto me prestan por mi auto? Te prestamos una parte del valor comercial de tu vehículo.',
  'Requisitos: INE vigente, comprobante de domicilio, factura del auto y tarjeta de circulación.',
  'Puedes pagar por transferencia SPEI a tu CLABE con tu referencia, o en tiendas de conveniencia.',
  'Si te atrasas en un pago se cobra una comisión por pago tardío e intereses moratorios.',
  'Invierte desde un monto mínimo y recibe pagos mensuales de capital e intereses.',
  'El GPS se instala en la cita de revisión y se retira cuando liquidas tu crédito.',
];

function norm(vector: number[]): number {
  return Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0));
}

describe('LocalHashedEmbeddings', () => {
  const embeddings = new LocalHashedEmbeddings();
  embeddings.fit(CORPUS);

  it('produces 384 unit-length vectors, one per text', async () => {
    const vectors = await embeddings.embed(['¿Qué requisitos piden?', 'hola', '']);
    expect(vectors).toHaveLength(3);
    for (const vector of vectors) {
      expect(vector).toHaveLength(EMBEDDING_DIMENSIONS);
      expect(norm(vector)).toBeCloseTo(1, 10);
      expect(vector.every(Number.isFinite)).toBe(true);
    }
    expect(embeddings.dimensions).toBe(384);
    expect(embeddings.model).toBe('local-hashed-ngrams-v1');
  });

  it('is deterministic across instances fitted on the same corpus', async () => {
    const other = new LocalHashedEmbeddings({ idf: fitIdf(CORPUS) });
    const text = 'cuanto me prestan x mi carro';
    expect(await other.embed([text])).toEqual(await embeddings.embed([text]));
  });

  const variants: [string, string, string][] = [
    ['¿Cuánto me prestan por mi auto?', 'cuanto me prestan x mi carro', 'Si te atrasas en un pago se cobra una comisión.'],
    ['Requisitos para el préstamo', 'rekisitos pa el prestamo', 'Puedes pagar en tiendas de conveniencia.'],
    ['Comisión por pago tardío', 'comision x pago tardio', 'Invierte y recibe pagos mensuales.'],
    ['Tarjeta de circulación', 'targeta de circulasion', 'El GPS se instala en la cita.'],
  ];
  it.each(variants)('puts "%s" closer to its sloppy variant than to an unrelated sentence', async (original, sloppy, unrelated) => {
    const [a, b, c] = await embeddings.embed([original, sloppy, unrelated]);
    expect(cosineSimilarity(a!, b!)).toBeGreaterThan(cosineSimilarity(a!, c!));
  });

  it('serialises its idf table through JSON without changing vectors', async () => {
    const table = embeddings.idfTable();
    const restored = new LocalHashedEmbeddings({ idf: JSON.parse(JSON.stringify(table)) });
    const text = 'donde pago mi mensualidad';
    expect(await restored.embed([text])).toEqual(await embeddings.embed([text]));
    expect(table.documents).toBe(CORPUS.length);
  });

  it('fits on the knowledge content by default', async () => {
    const fromContent = new LocalHashedEmbeddings();
    expect(fromContent.idfTable().documents).toBeGreaterThan(45);
    const [question, gps, investing] = await fromContent.embed([
      'me van a poner gps en el carro?',
      'El GPS se instala en tu auto durante la cita de revisión.',
      'Rendimiento objetivo de tu inversión antes de impuestos.',
    ]);
    expect(cosineSimilarity(question!, gps!)).toBeGreaterThan(cosineSimilarity(question!, investing!));
  });
});

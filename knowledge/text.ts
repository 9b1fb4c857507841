// Spanish text normalisation for knowledge search.
// Customers write on WhatsApp: no accents, stretched letters ("siiii"), "q", "xq", "porfa", emoji.
// Search works on the normalised form so that "cuanto me prestan x mi carro" meets "¿Cuánto me prestan por mi auto?".
import { createRequire } from 'node:module';

// Whole-word WhatsApp shorthand, slang and Spanglish → the word the articles use (already accent-free).
// Search-only: synonyms such as "carro" → "auto" let a question meet an article written in another register.
const ABBREVIATIONS: Record<string, string> = {
  q: 'que', k: 'que', ke: 'que', qe: 'que', xq: 'porque', pq: 'porque', pk: 'porque', xk: 'porque',
  porq: 'porque', porke: 'porque', xque: 'porque',
  porfa: 'por favor', porfis: 'por favor', plis: 'por favor', pls: 'por favor', xfa: 'por favor', xfavor: 'por favor',
  tmb: 'tambien', tmbn: 'tambien', tb: 'tambien', tbn: 'tambien',
  info: 'informacion', infor: 'informacion', d: 'de', x: 'por', xo: 'pero', msj: 'mensaje',
  cel: 'celular', dnd: 'donde', dnde: 'donde', cdo: 'cuando', qdo: 'cuando', hrs: 'horas', hr: 'hora',
  tons: 'entonces', pa: 'para', nd: 'nada', vdd: 'verdad', aki: 'aqui', sta: 'esta', toy: 'estoy',
  cto: 'cuanto', kuanto: 'cuanto', kuando: 'cuando', nececito: 'necesito', nesecito: 'necesito', nesesito: 'necesito',
  wapp: 'whatsapp', whats: 'whatsapp', wasap: 'whatsapp', guasap: 'whatsapp',
  kredito: 'credito', lana: 'dinero', varo: 'dinero', feria: 'dinero',
  carro: 'auto', coche: 'auto', carrito: 'auto', nave: 'auto', troca: 'camioneta', trocka: 'camioneta',
  depa: 'departamento', cuate: 'amigo', chamba: 'trabajo', jale: 'trabajo',
  ife: 'ine', tel: 'telefono', num: 'numero', dep: 'deposito', transfer: 'transferencia',
  abono: 'pago', abonos: 'pagos', abonar: 'pagar',
  invest: 'invertir', investment: 'inversion', payment: 'pago', payments: 'pagos', loan: 'prestamo',
  rate: 'tasa', interest: 'interes', car: 'auto', cash: 'efectivo', app: 'aplicacion', apps: 'aplicaciones',
};

// Letters Spanish writes doubled on purpose ("llave", "carro", "acción", "leer", "coordinar", "innovar").
const SPANISH_DOUBLES = new Set(['l', 'r', 'c', 'e', 'o', 'n']);

function collapseRepeats(word: string): string {
  // Three or more of the same letter is always emphasis ("holaaaa", "siiii").
  const w = word.replace(/([a-z])\1{2,}/g, '$1');
  // Two of a letter Spanish never doubles is emphasis too ("graciass"); "ll", "rr", "cc", "ee", "oo", "nn" are real.
  return w.replace(/([a-z])\1/g, (pair: string, letter: string) => (SPANISH_DOUBLES.has(letter) ? pair : letter));
}

// Words that really start with "k" + e/i and must not become "qu" ("kilometraje", "Kia").
const KEEP_K = /^(?:kia|kilo|kilometr|kit|kiosk|kiosc|kevin|kenia|kendra)/;

/** WhatsApp writes "qu" as "k" ("kiero", "rekisitos"): ke/ki → que/qui, except in words that use a real k. */
function restoreQu(word: string): string {
  if (!word.includes('k') || KEEP_K.test(word)) return word;
  return word.replace(/k(?=[ei])/g, 'qu');
}

/** Lowercase, accent-free (ñ → n), letters and digits only, stretched letters collapsed, WhatsApp shorthand expanded. */
export function normalizeForSearch(text: string): string {
  const folded = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    // Glue digits split by thousands separators so "150,000" stays one token.
    .replace(/(\d)[,.](\d{3})\b/g, '$1$2')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (folded === '') return '';
  return folded
    .split(' ')
    .map((raw) => {
      if (/\d/.test(raw)) return raw;
      const word = collapseRepeats(raw);
      return ABBREVIATIONS[word] ?? ABBREVIATIONS[restoreQu(word)] ?? restoreQu(word);
    })
    .join(' ');
}

/** Normalised words of `text`, in order. */
export function tokenize(text: string): string[] {
  const normalized = normalizeForSearch(text);
  return normalized === '' ? [] : normalized.split(' ');
}

// Accent-free Spanish function words: they carry no topic, so search ignores them.
export const SPANISH_STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a al algo algun alguna algunas alguno algunos ante antes aqui asi aun bien cada como con contra cual cuales ' +
    'de del desde donde dos durante e el ella ellas ello ellos en entonces entre era eran eres es esa esas ese eso esos ' +
    'esta estaba estado estan estar estas este esto estos estoy fue fueron fui ha habia han has hasta hay he la las le les ' +
    'lo los mas me mi mis mismo mucho muy nada ni nos nosotros o os otra otras otro otros para pero poco por porque pues que ' +
    'quien se sea ser si sido siempre sin sobre solo son su sus tal tambien te tenia ti tiene tienen tu tus un una uno unos ' +
    'usted ustedes va vamos van y ya yo oiga oye este bueno hola buenas buenos dias tardes noches favor gracias ok ' +
    'quisiera quiero queria saber pregunta preguntar duda dudas informacion ustedes hacen hace puedo puede pueden podria ' +
    'seria tengo tener tienes tenemos cosa cosas pasa pasar ' +
    // Verbs customers wrap questions in ("piden gps?", "que documentos necesito"): not the topic.
    'piden pide pedir necesito necesita necesitan ocupo ocupa ocupan dan dar'
  ).split(' '),
);

type SnowballStemmer = { stem(word: string): string };
type SnowballModule = { newStemmer(language: string): SnowballStemmer };

// snowball-stemmers is CommonJS without type declarations; this is the one call we use.
const snowball = createRequire(import.meta.url)('snowball-stemmers') as SnowballModule;
const spanishStemmer = snowball.newStemmer('spanish');
const stemCache = new Map<string, string>();

/** Snowball Spanish stem of one normalised word ("prestamos" → "prestam", "requisitos" → "requisit"). */
export function stem(word: string): string {
  if (/\d/.test(word) || word.length <= 3) return word;
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = spanishStemmer.stem(word);
    stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** Topic terms of `text`: normalised, stopwords dropped, stemmed. What BM25 and the hashed embeddings index. */
export function searchTerms(text: string): string[] {
  return tokenize(text)
    .filter((word) => !SPANISH_STOPWORDS.has(word))
    .map(stem);
}

/** Damerau–Levenshtein (optimal string alignment) distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
      rowMin = Math.min(rowMin, best);
    }
    if (rowMin > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/**
 * Typo tolerance: maps a word to the closest word of `vocabulary` (one edit for short words, two for long ones),
 * or returns it unchanged when it is already known or nothing is close enough.
 */
export function correctToVocabulary(word: string, vocabulary: ReadonlySet<string>): string {
  if (vocabulary.has(word) || word.length < 4 || /\d/.test(word)) return word;
  const allowed = word.length >= 8 ? 2 : 1;
  let best = word;
  let bestDistance = allowed + 1;
  for (const candidate of vocabulary) {
    if (Math.abs(candidate.length - word.length) > allowed || candidate[0] !== word[0]) continue;
    const distance = editDistance(word, candidate, allowed);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

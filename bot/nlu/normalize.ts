// Text normalisation shared by the classifier and the tests.
// Customers write on WhatsApp: no accents, repeated letters, "q", "xq", "porfa", emoji.

/** Folds one UTF-16 unit to lowercase without accents, keeping the length, so offsets survive. */
function foldChar(ch: string): string {
  const lower = ch.toLowerCase();
  if (lower.length !== 1) return ch;
  const base = lower.normalize('NFD').charAt(0);
  return base;
}

/**
 * Lowercase and accent-free copy of `text` with exactly the same length,
 * used by entity extraction so that match offsets are offsets in the original.
 */
export function foldForMatching(text: string): string {
  // Only capitals and non-ASCII characters need work; one pass, no per-character strings otherwise.
  return text.replace(/[A-Z\u0080-\uFFFF]/g, foldChar);
}

// Whole-word WhatsApp shorthand → the word it stands for.
const ABBREVIATIONS: Record<string, string> = {
  q: 'que', k: 'que', ke: 'que', qe: 'que', xq: 'porque', pq: 'porque', pk: 'porque', xk: 'porque',
  porq: 'porque', porke: 'porque', xque: 'porque',
  porfa: 'por favor', porfis: 'por favor', porfavor: 'por favor', plis: 'por favor', pliss: 'por favor',
  pls: 'por favor', plz: 'por favor', please: 'por favor', xfa: 'por favor', xfavor: 'por favor',
  tmb: 'tambien', tmbn: 'tambien', tb: 'tambien', tbn: 'tambien', tambn: 'tambien',
  info: 'informacion', infor: 'informacion', d: 'de', x: 'por', xo: 'pero', msj: 'mensaje',
  cel: 'celular', dnd: 'donde', dnde: 'donde', cdo: 'cuando', qdo: 'cuando', hrs: 'horas', hr: 'hora',
  bn: 'bien', ntp: 'no te preocupes', grax: 'gracias', grs: 'gracias', grcs: 'gracias', gracs: 'gracias',
  grasias: 'gracias', thx: 'gracias', thanks: 'gracias', tons: 'entonces', entons: 'entonces',
  pa: 'para', nd: 'nada', vdd: 'verdad', bno: 'bueno', aki: 'aqui', sta: 'esta', toy: 'estoy',
  tas: 'estas', ta: 'esta', dle: 'dale', oki: 'ok', okey: 'ok', okay: 'ok', okis: 'ok', okok: 'ok',
  hla: 'hola', ola: 'hola', bnas: 'buenas', bns: 'buenas', bnos: 'buenos', tqm: 'te quiero mucho',
  cto: 'cuanto', kuanto: 'cuanto', nececito: 'necesito', nesecito: 'necesito',
  nesesito: 'necesito', tmpoco: 'tampoco', mjr: 'mejor', sr: 'senor', sra: 'senora', lic: 'licenciado',
  wapp: 'whatsapp', wa: 'whatsapp', whats: 'whatsapp', wasap: 'whatsapp', guasap: 'whatsapp',
};

// Words that legitimately start with "k" + e/i and must not become "qu".
const KEEP_K = new Set(['kia', 'kilo', 'kilos', 'kilometro', 'kilometros', 'kilometraje', 'kit', 'kiosko', 'kiosco', 'kick', 'kicks', 'kim', 'kevin', 'kenia', 'kendra']);

// Emoji that carry meaning in a chat become words; every other pictograph is dropped.
const MEANINGFUL_EMOJI: [RegExp, string][] = [
  [/[\u{1F44D}\u{1F44C}\u{2705}\u{2714}]\u{FE0F}?/gu, ' ok '],
  [/\u{1F44E}/gu, ' no '],
];

const SPANISH_DOUBLES = new Set(['l', 'r', 'c', 'e', 'o', 'n']);

function collapseRepeats(word: string): string {
  // Three or more of the same letter is always emphasis ("holaaaa", "siiii").
  let w = word.replace(/([a-z])\1{2,}/g, '$1');
  // Two of a letter Spanish never doubles is emphasis too ("graciass"); "ll", "rr", "cc", "ee", "oo", "nn" are real.
  w = w.replace(/([a-z])\1/g, (pair: string, letter: string) => (SPANISH_DOUBLES.has(letter) ? pair : letter));
  return w;
}

function expandWord(raw: string): string {
  const exact = ABBREVIATIONS[raw];
  if (exact !== undefined) return exact;
  const word = collapseRepeats(raw);
  const known = ABBREVIATIONS[word];
  if (known !== undefined) return known;
  if (/^k[ei]/.test(word) && !KEEP_K.has(word)) return 'qu' + word.slice(1);
  return word;
}

/**
 * Canonical form of a customer message for classification: lowercase, no accents,
 * no repeated letters, WhatsApp shorthand expanded, emoji and punctuation removed.
 */
export function normalizeText(text: string): string {
  let t = text;
  for (const [pattern, word] of MEANINGFUL_EMOJI) t = t.replace(pattern, word);
  t = foldForMatching(t)
    .replace(/\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|[\u{1F3FB}-\u{1F3FF}]/gu, ' ')
    .replace(/[^a-z0-9$%@\s]/g, (ch) => (/\p{L}/u.test(ch) ? ch : ' '));
  return t
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map(expandWord)
    .join(' ');
}

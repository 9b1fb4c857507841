// Numbers as Mexicans write and say them: "80", "150,000.50", "80k", "ciento veinte mil",
// "medio millón", "un melón". Works on folded text (lowercase, no accents), same offsets as the original.

export interface NumberPhrase {
  value: number;
  start: number;
  end: number;
  /** "mil", "millón", "k": the speaker scaled the number, so it is almost surely money. */
  scaled: boolean;
  /** Digits only, no words and no separators ("2019", "5512345678"). */
  bareDigits: boolean;
}

const SMALL_NUMBERS: Record<string, number> = {
  cero: 0, un: 1, uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8,
  nueve: 9, diez: 10, once: 11, doce: 12, trece: 13, catorce: 14, quince: 15, dieciseis: 16,
  diecisiete: 17, dieciocho: 18, diecinueve: 19, veinte: 20, veintiun: 21, veintiuno: 21, veintiuna: 21,
  veintidos: 22, veintitres: 23, veinticuatro: 24, veinticinco: 25, veintiseis: 26, veintisiete: 27,
  veintiocho: 28, veintinueve: 29, treinta: 30, cuarenta: 40, cincuenta: 50, sesenta: 60, setenta: 70,
  ochenta: 80, noventa: 90, cien: 100, ciento: 100, doscientos: 200, doscientas: 200, trescientos: 300,
  trescientas: 300, cuatrocientos: 400, cuatrocientas: 400, quinientos: 500, quinientas: 500,
  seiscientos: 600, seiscientas: 600, setecientos: 700, setecientas: 700, ochocientos: 800,
  ochocientas: 800, novecientos: 900, novecientas: 900,
};
const TENS = new Set([30, 40, 50, 60, 70, 80, 90]);
const THOUSAND = new Set(['mil']);
// "melón" is slang for a million ("un melón", "dos melones").
const MILLION = new Set(['millon', 'millones', 'melon', 'melones', 'mdp']);

interface Token { text: string; start: number; end: number }

function tokenize(folded: string): Token[] {
  const tokens: Token[] = [];
  // "80 000" (space as thousands separator) is one number; phone numbers come in groups of 4.
  for (const m of folded.matchAll(/\d{1,3}(?: \d{3})+(?![\d,.])|\d+(?:[.,]\d+)*(?:k\b)?|[a-zñ]+/g)) {
    tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** "150,000" → 150000, "150,000.50" → 150000.5, "1.5" → 1.5, "80.000" → 80000, "1,5" → 1.5. */
export function parseNumeral(raw: string): number {
  const s = raw.replace(/k$/, '').replace(/ /g, ',');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return Number(s.replace(/,/g, ''));
  if (/^\d{1,3}(\.\d{3}){2,}$/.test(s) || /^\d{1,3}\.\d{3}$/.test(s) && !/^0/.test(s)) return Number(s.replace(/\./g, ''));
  if (/^\d+,\d{1,2}$/.test(s)) return Number(s.replace(',', '.'));
  return Number(s.replace(/,/g, ''));
}

function isNumberWord(text: string): boolean {
  return text in SMALL_NUMBERS || THOUSAND.has(text) || MILLION.has(text) || text === 'medio';
}

/** All number phrases in folded text, longest first from left to right. */
export function findNumberPhrases(folded: string): NumberPhrase[] {
  const tokens = tokenize(folded);
  const phrases: NumberPhrase[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i]!;
    const isNumeral = /^\d/.test(first.text);
    if (!isNumeral && !(first.text in SMALL_NUMBERS) && !THOUSAND.has(first.text) && first.text !== 'medio') {
      i++;
      continue;
    }
    // "medio" alone is not a number; only "medio millón".
    if (first.text === 'medio' && !MILLION.has(tokens[i + 1]?.text ?? '')) {
      i++;
      continue;
    }
    let total = 0;
    let current = 0;
    let scaled = false;
    let lastSmall = -1;
    let end = first.end;
    let j = i;
    let lastWasMillion = false;
    for (; j < tokens.length; j++) {
      const t = tokens[j]!;
      if (j > i && /\S/.test(folded.slice(tokens[j - 1]!.end, t.start).replace(/[\s$]/g, ''))) break;
      if (/^\d/.test(t.text)) {
        if (j > i) break; // two numerals in a row are two numbers
        current = parseNumeral(t.text);
        if (t.text.endsWith('k')) {
          total += current * 1000;
          current = 0;
          scaled = true;
          end = t.end;
          j++;
          break;
        }
      } else if (t.text === 'y') {
        const next = tokens[j + 1]?.text ?? '';
        const joinsUnits = TENS.has(lastSmall) && (SMALL_NUMBERS[next] ?? 99) < 10;
        if (lastWasMillion && next === 'medio') {
          total += 500_000;
          end = tokens[j + 1]!.end;
          j += 2;
          break;
        }
        if (!joinsUnits) break;
        continue;
      } else if (t.text in SMALL_NUMBERS) {
        const n = SMALL_NUMBERS[t.text]!;
        // "veinte treinta" is two numbers; a smaller order after a larger one continues it.
        if (j > i && lastSmall >= 0 && (lastSmall < 10 || n >= lastSmall || (lastSmall >= 100 && n >= 100))) break;
        if (j > i && lastSmall < 0 && current !== 0 && /^\d/.test(tokens[j - 1]!.text)) break;
        current += n;
        lastSmall = n;
      } else if (THOUSAND.has(t.text)) {
        current = (current || 1) * 1000;
        total += current;
        current = 0;
        scaled = true;
        lastSmall = -1;
      } else if (MILLION.has(t.text)) {
        total = (total + (current || 1)) * 1_000_000;
        current = 0;
        scaled = true;
        lastSmall = -1;
        lastWasMillion = true;
        end = t.end;
        continue;
      } else if (t.text === 'medio' && MILLION.has(tokens[j + 1]?.text ?? '')) {
        current += 0.5;
      } else {
        break;
      }
      lastWasMillion = false;
      end = t.end;
    }
    const value = total + current;
    phrases.push({
      value,
      start: first.start,
      end,
      scaled,
      bareDigits: isNumeral && /^\d+$/.test(first.text) && !scaled,
    });
    i = Math.max(j, i + 1);
  }
  return phrases.filter((p) => Number.isFinite(p.value));
}

export function isNumberToken(text: string): boolean {
  return /^\d/.test(text) || isNumberWord(text);
}

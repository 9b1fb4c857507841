// Sparse features of a normalised message: word unigrams and bigrams plus
// word-boundary character n-grams (3–5), which keep typos close to the right word.
// Features are 30-bit FNV-1a hashes computed straight from the characters: no substring is
// allocated per n-gram, which keeps garbage (and GC pauses) out of the parse path.

/** Feature hash → weight. */
export type FeatureCounts = Map<number, number>;

const CHAR_NGRAM_SIZES = [3, 4, 5];
// Character n-grams are many and overlap; this keeps them from drowning the words.
const CHAR_WEIGHT = 0.35;
const BIGRAM_WEIGHT = 0.8;
const LENGTH_WEIGHT = 0.5;

// A different starting value per kind of feature keeps "w:abc" and "c:abc" apart.
const enum Kind { Word = 1, Bigram = 2, Char = 3, Length = 4 }

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}

function hashText(hash: number, text: string, start = 0, end = text.length): number {
  let h = hash;
  for (let i = start; i < end; i++) h = hashStep(h, text.charCodeAt(i));
  return h;
}

function finish(hash: number): number {
  return (hash >>> 0) & 0x3fffffff;
}

function wordShape(word: string): string {
  // Amounts and terms vary endlessly; their shape is what tells the intent.
  return /^\d+$/.test(word) ? '<num>' : word;
}

function add(counts: FeatureCounts, key: number, weight: number): void {
  counts.set(key, (counts.get(key) ?? 0) + weight);
}

export function extractFeatures(normalized: string): FeatureCounts {
  const counts: FeatureCounts = new Map();
  const words = normalized.split(' ').filter((w) => w.length > 0).map(wordShape);
  let previous = '<s>';
  for (const word of words) {
    add(counts, finish(hashText(hashStep(FNV_OFFSET, Kind.Word), word)), 1);
    add(counts, finish(hashText(hashText(hashStep(FNV_OFFSET, Kind.Bigram), previous), ' ' + word)), BIGRAM_WEIGHT);
    previous = word;
    if (word === '<num>') continue;
    const padded = '#' + word + '#';
    for (const n of CHAR_NGRAM_SIZES) {
      const seed = hashStep(hashStep(FNV_OFFSET, Kind.Char), n);
      for (let j = 0; j + n <= padded.length; j++) add(counts, finish(hashText(seed, padded, j, j + n)), CHAR_WEIGHT);
    }
  }
  add(counts, finish(hashText(hashText(hashStep(FNV_OFFSET, Kind.Bigram), previous), ' </s>')), BIGRAM_WEIGHT);
  // Length matters: one-word replies are mostly affirm/deny/greeting/thanks.
  add(counts, finish(hashStep(hashStep(FNV_OFFSET, Kind.Length), Math.min(words.length, 6))), LENGTH_WEIGHT);
  return counts;
}

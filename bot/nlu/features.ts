// Sparse features of a normalised message: word unigrams and bigrams plus
// word-boundary character n-grams (3–5), which keep typos close to the right word.

export type FeatureCounts = Map<string, number>;

const CHAR_NGRAM_SIZES = [3, 4, 5];
// Character n-grams are many and overlap; this keeps them from drowning the words.
const CHAR_WEIGHT = 0.35;
const BIGRAM_WEIGHT = 0.8;

function wordShape(word: string): string {
  // Amounts and terms vary endlessly; their shape is what tells the intent.
  return /^\d+$/.test(word) ? '<num>' : word;
}

function add(counts: FeatureCounts, key: string, weight: number): void {
  counts.set(key, (counts.get(key) ?? 0) + weight);
}

export function extractFeatures(normalized: string): FeatureCounts {
  const counts: FeatureCounts = new Map();
  const words = normalized.split(' ').filter((w) => w.length > 0).map(wordShape);
  if (words.length === 0) {
    add(counts, 'w:<empty>', 1);
    return counts;
  }
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    add(counts, 'w:' + word, 1);
    add(counts, 'b:' + (i === 0 ? '<s>' : words[i - 1]) + ' ' + word, BIGRAM_WEIGHT);
    if (word === '<num>') continue;
    const padded = '#' + word + '#';
    for (const n of CHAR_NGRAM_SIZES) {
      for (let j = 0; j + n <= padded.length; j++) add(counts, 'c:' + padded.slice(j, j + n), CHAR_WEIGHT);
    }
  }
  add(counts, 'b:' + words[words.length - 1] + ' </s>', BIGRAM_WEIGHT);
  // Length matters: one-word replies are mostly affirm/deny/greeting/thanks.
  add(counts, 'len:' + Math.min(words.length, 6), 0.5);
  return counts;
}

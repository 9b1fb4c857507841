// Offline embeddings: no model download, no network. Each text becomes a bag of features
// (stemmed words, word pairs, character n-grams of each word), weighted by sublinear tf × idf,
// folded into 384 dimensions with signed hashing, and L2-normalised.
// Character n-grams are what make "prestamo", "préstamo" and "prestmo" land near each other.
import { chunkArticle } from '../chunking.ts';
import { loadPublishedArticles } from '../content/load.ts';
import { correctToVocabulary, SPANISH_STOPWORDS, stem, tokenize } from '../text.ts';
import { fnv1a } from './hashing.ts';
import { EMBEDDING_DIMENSIONS, type EmbeddingProvider } from './provider.ts';

/** Serialisable result of `fit`: document frequencies turned into idf weights. */
export interface IdfTable {
  version: 1;
  documents: number;
  /** idf of a feature never seen in the corpus (rare means informative). */
  unseenIdf: number;
  idf: Record<string, number>;
  /** Words of the corpus, for typo correction of words the corpus never uses. */
  vocabulary: string[];
}

type FeatureGroup = 'word' | 'pair' | 'char';

// How much each group counts in the final vector; each group is normalised first so that the
// many character n-grams of a text do not drown its few words.
const GROUP_WEIGHTS: Record<FeatureGroup, number> = { word: 1.0, pair: 0.45, char: 0.75 };
const MIN_GRAM = 3;
const MAX_GRAM = 5;

/** Features of one text, grouped, with raw counts. */
function extractFeatures(text: string, vocabulary: ReadonlySet<string> | undefined): Map<FeatureGroup, Map<string, number>> {
  const groups = new Map<FeatureGroup, Map<string, number>>([
    ['word', new Map()],
    ['pair', new Map()],
    ['char', new Map()],
  ]);
  const add = (group: FeatureGroup, key: string): void => {
    const counts = groups.get(group)!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };

  const words = tokenize(text).filter((word) => !SPANISH_STOPWORDS.has(word));
  // A word the corpus never uses is most likely a typo of one it does: index both spellings.
  const corrected = vocabulary === undefined ? words : words.map((word) => correctToVocabulary(word, vocabulary));
  let previousStem: string | undefined;
  words.forEach((word, i) => {
    const spellings = corrected[i] === word ? [word] : [word, corrected[i]!];
    for (const spelling of spellings) {
      const wordStem = stem(spelling);
      add('word', `w:${wordStem}`);
      const marked = `<${spelling}>`;
      for (let n = MIN_GRAM; n <= MAX_GRAM; n++) {
        for (let start = 0; start + n <= marked.length; start++) add('char', `c:${marked.slice(start, start + n)}`);
      }
    }
    const currentStem = stem(corrected[i]!);
    if (previousStem !== undefined) add('pair', `p:${previousStem}_${currentStem}`);
    previousStem = currentStem;
  });
  return groups;
}

/** Learns idf weights (smoothed, ln((N+1)/(df+1)) + 1) from a corpus of texts. */
export function fitIdf(corpusTexts: readonly string[]): IdfTable {
  const documentFrequency = new Map<string, number>();
  const vocabulary = new Set<string>();
  for (const text of corpusTexts) {
    for (const word of tokenize(text)) vocabulary.add(word);
    const features = extractFeatures(text, undefined);
    for (const counts of features.values()) {
      for (const key of counts.keys()) documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
    }
  }
  const documents = corpusTexts.length;
  const idf: Record<string, number> = {};
  for (const [key, df] of [...documentFrequency].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    idf[key] = Math.log((documents + 1) / (df + 1)) + 1;
  }
  return {
    version: 1,
    documents,
    unseenIdf: Math.log(documents + 1) + 1,
    idf,
    vocabulary: [...vocabulary].filter((word) => !SPANISH_STOPWORDS.has(word)).sort(),
  };
}

/** Passages of the published seed articles: the default corpus the idf is learned from. */
export function knowledgeCorpus(): string[] {
  return loadPublishedArticles().flatMap((article) => chunkArticle(article).map((chunk) => chunk.searchText));
}

export class LocalHashedEmbeddings implements EmbeddingProvider {
  readonly model = 'local-hashed-ngrams-v1';
  readonly dimensions = EMBEDDING_DIMENSIONS;
  private table: IdfTable | undefined;
  private vocabulary: ReadonlySet<string> | undefined;

  /** Without a table, idf is learned from the knowledge content on first use. */
  constructor(options: { idf?: IdfTable } = {}) {
    if (options.idf !== undefined) this.use(options.idf);
  }

  /** Learns idf from `corpusTexts` and returns the table, to store next to the vectors it produced. */
  fit(corpusTexts: readonly string[]): IdfTable {
    const table = fitIdf(corpusTexts);
    this.use(table);
    return table;
  }

  /** The idf table in use (fitting on the knowledge content if none was given). */
  idfTable(): IdfTable {
    if (this.table === undefined) this.fit(knowledgeCorpus());
    return this.table!;
  }

  async embed(texts: string[]): Promise<number[][]> {
    return texts.map((text) => this.embedOne(text));
  }

  /** Synchronous form of `embed` for one text. */
  embedOne(text: string): number[] {
    const table = this.idfTable();
    const vector = new Array<number>(EMBEDDING_DIMENSIONS).fill(0);
    for (const [group, counts] of extractFeatures(text, this.vocabulary)) {
      const weighted: [string, number][] = [];
      let norm = 0;
      for (const [key, count] of counts) {
        const weight = (1 + Math.log(count)) * (table.idf[key] ?? table.unseenIdf);
        weighted.push([key, weight]);
        norm += weight * weight;
      }
      if (norm === 0) continue;
      const scale = GROUP_WEIGHTS[group] / Math.sqrt(norm);
      for (const [key, weight] of weighted) {
        const hash = fnv1a(key);
        const sign = fnv1a(key, 0x9e3779b9) & 1 ? 1 : -1;
        vector[hash % EMBEDDING_DIMENSIONS]! += sign * weight * scale;
      }
    }
    return l2Normalize(vector);
  }

  private use(table: IdfTable): void {
    this.table = table;
    this.vocabulary = new Set(table.vocabulary);
  }
}

function l2Normalize(vector: number[]): number[] {
  const norm = Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0));
  // An empty or all-stopword text has no direction; a fixed unit vector keeps the norm contract.
  if (norm === 0) {
    vector[0] = 1;
    return vector;
  }
  return vector.map((x) => x / norm);
}

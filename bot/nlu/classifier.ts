// Multinomial logistic regression (softmax) over sparse, L2-normalised log-count features,
// trained with seeded SGD. Small on purpose: it trains in about a second at start-up.

import { extractFeatures } from './features.ts';
import { normalizeText } from './normalize.ts';
import { INTENTS, type IntentName, type IntentScore, type TrainingExample } from './types.ts';
import { seededRandom } from './random.ts';

interface SparseVector { indices: Int32Array; values: Float32Array }

export interface TrainOptions { epochs?: number; learningRate?: number; l2?: number; seed?: number }

const DEFAULTS: Required<TrainOptions> = { epochs: 30, learningRate: 0.5, l2: 1e-5, seed: 20241 };


export class IntentClassifier {
  private readonly classes: readonly IntentName[] = INTENTS;
  private readonly vocabulary = new Map<number, number>();
  private weights = new Float32Array(0);
  private bias = new Float32Array(INTENTS.length);

  private vectorize(text: string, grow: boolean): SparseVector {
    const counts = extractFeatures(normalizeText(text));
    const indices: number[] = [];
    const values: number[] = [];
    let norm = 0;
    for (const [feature, count] of counts) {
      const value = Math.log1p(count);
      // Unseen features still count in the norm, so a message full of unknown words is less confident.
      norm += value * value;
      let index = this.vocabulary.get(feature);
      if (index === undefined && grow) {
        index = this.vocabulary.size;
        this.vocabulary.set(feature, index);
      }
      if (index === undefined) continue;
      indices.push(index);
      values.push(value);
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    return { indices: Int32Array.from(indices), values: Float32Array.from(values, (v) => v * scale) };
  }

  private scores(x: SparseVector, out: Float64Array): void {
    const k = this.classes.length;
    for (let c = 0; c < k; c++) out[c] = this.bias[c]!;
    for (let i = 0; i < x.indices.length; i++) {
      const base = x.indices[i]! * k;
      const v = x.values[i]!;
      for (let c = 0; c < k; c++) out[c]! += this.weights[base + c]! * v;
    }
    let max = -Infinity;
    for (let c = 0; c < k; c++) max = Math.max(max, out[c]!);
    let sum = 0;
    for (let c = 0; c < k; c++) {
      out[c] = Math.exp(out[c]! - max);
      sum += out[c]!;
    }
    for (let c = 0; c < k; c++) out[c]! /= sum;
  }

  train(examples: readonly TrainingExample[], options: TrainOptions = {}): void {
    const { epochs, learningRate, l2, seed } = { ...DEFAULTS, ...options };
    const k = this.classes.length;
    const classIndex = new Map(this.classes.map((name, i) => [name, i]));
    const data = examples.map((e) => ({ x: this.vectorize(e.text, true), y: classIndex.get(e.intent)! }));
    this.weights = new Float32Array(this.vocabulary.size * k);
    this.bias = new Float32Array(k);
    const random = seededRandom(seed);
    const order = data.map((_, i) => i);
    const probabilities = new Float64Array(k);
    let step = 0;
    const totalSteps = epochs * data.length;
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      for (const n of order) {
        const { x, y } = data[n]!;
        // Linear decay keeps the last epochs from undoing what the first learned.
        const rate = learningRate * (1 - step / totalSteps) + 0.01;
        step++;
        this.scores(x, probabilities);
        for (let c = 0; c < k; c++) {
          const gradient = probabilities[c]! - (c === y ? 1 : 0);
          this.bias[c]! -= rate * gradient * 0.1;
          for (let i = 0; i < x.indices.length; i++) {
            const w = x.indices[i]! * k + c;
            this.weights[w] = this.weights[w]! * (1 - rate * l2) - rate * gradient * x.values[i]!;
          }
        }
      }
    }
  }

  /** Every intent with its probability, most likely first. */
  rank(text: string): IntentScore[] {
    const probabilities = new Float64Array(this.classes.length);
    this.scores(this.vectorize(text, false), probabilities);
    return this.classes
      .map((name, c) => ({ name, confidence: probabilities[c]! }))
      .sort((a, b) => b.confidence - a.confidence || a.name.localeCompare(b.name));
  }
}

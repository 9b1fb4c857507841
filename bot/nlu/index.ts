// Ana's offline Spanish NLU: intent classification trained at start-up plus entity extraction.

import { IntentClassifier, type TrainOptions } from './classifier.ts';
import { TRAINING_EXAMPLES } from './data/train.ts';
import { warmUpDateRecognizer } from './entities/datetime.ts';
import { extractEntities } from './entities/index.ts';
import type { Nlu, NluResult, ParseOptions, TrainingExample } from './types.ts';

export { INTENTS } from './types.ts';
export type { Entity, EntityType, IntentName, IntentScore, Nlu, NluResult, ParseOptions, PaymentScheme, TrainingExample } from './types.ts';
export { extractEntities } from './entities/index.ts';
export { normalizeText } from './normalize.ts';

/** Trains the intent classifier (synchronously, about a second) on `examples`, by default the repo's training split. */
export function trainNlu(examples: readonly TrainingExample[] = TRAINING_EXAMPLES, options?: TrainOptions): Nlu {
  const classifier = new IntentClassifier();
  classifier.train(examples, options);
  warmUpDateRecognizer();
  return {
    parse(text: string, parseOptions: ParseOptions = {}): NluResult {
      const ranking = classifier.rank(text);
      return { text, intent: ranking[0]!, ranking, entities: extractEntities(text, parseOptions) };
    },
  };
}

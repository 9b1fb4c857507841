// K-fold cross-validation on the TRAINING split only: the tuning signal for features,
// hyper-parameters and training data, so that the held-out set stays untouched by tuning.
// `npx tsx bot/nlu/cross-validate.ts [--errors]`

import { IntentClassifier, type TrainOptions } from './classifier.ts';
import { buildTrainingExamples, TRAINING_MESSAGES } from './data/train.ts';
import type { IntentName } from './types.ts';

const FOLDS = 5;

export function crossValidate(options: TrainOptions = {}): { accuracy: number; errors: string[] } {
  let correct = 0;
  let total = 0;
  const errors: string[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const trainPart = {} as Record<IntentName, string[]>;
    const testPart: { text: string; intent: IntentName }[] = [];
    for (const [intent, messages] of Object.entries(TRAINING_MESSAGES) as [IntentName, string[]][]) {
      trainPart[intent] = messages.filter((_, i) => i % FOLDS !== fold);
      for (const text of messages.filter((_, i) => i % FOLDS === fold)) testPart.push({ text, intent });
    }
    const classifier = new IntentClassifier();
    classifier.train(buildTrainingExamples(trainPart), options);
    for (const { text, intent } of testPart) {
      const predicted = classifier.rank(text)[0]!.name;
      total++;
      if (predicted === intent) correct++;
      else errors.push(`  [${intent} → ${predicted}] ${text}`);
    }
  }
  return { accuracy: correct / total, errors };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { accuracy, errors } = crossValidate();
  console.log(`${FOLDS}-fold cross-validation accuracy on hand-written training messages: ${(100 * accuracy).toFixed(1)}%`);
  if (process.argv.includes('--errors')) console.log(errors.join('\n'));
}

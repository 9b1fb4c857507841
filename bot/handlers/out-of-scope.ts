import { mainMenu } from '../actions.ts';
import { texts } from '../texts.ts';
import type { IntentHandler, Turn } from './types.ts';

export class OutOfScopeHandler implements IntentHandler {
  readonly intent = 'out_of_scope';

  async handle(turn: Turn): Promise<void> {
    await turn.say(texts.outOfScope, mainMenu);
  }
}

/** When Ana did not understand at all. */
export async function fallback(turn: Turn): Promise<void> {
  await turn.say(texts.fallback, mainMenu);
}

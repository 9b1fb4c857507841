import { mainMenu } from '../actions.ts';
import { texts } from '../texts.ts';
import type { IntentHandler, Turn } from './types.ts';

/** "No" declines Ana's last offer, if there was one. */
export class DenyHandler implements IntentHandler {
  readonly intent = 'deny';

  async handle(turn: Turn): Promise<void> {
    const question = turn.memory.pendingQuestion;
    turn.memory.pendingQuestion = undefined;
    if (question) return turn.say(texts.declinedOffer, mainMenu);
    await turn.say(texts.denyWithoutContext);
  }
}

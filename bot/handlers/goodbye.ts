import { texts } from '../texts.ts';
import type { IntentHandler, Turn } from './types.ts';

export class GoodbyeHandler implements IntentHandler {
  readonly intent = 'goodbye';

  async handle(turn: Turn): Promise<void> {
    turn.memory.pendingQuestion = undefined;
    await turn.dialogs.cancelAllDialogs();
    await turn.say(texts.goodbye(turn.conversation.firstName));
  }
}

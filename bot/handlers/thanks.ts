import { texts } from '../texts.ts';
import type { IntentHandler, Turn } from './types.ts';

export class ThanksHandler implements IntentHandler {
  readonly intent = 'thanks';

  async handle(turn: Turn): Promise<void> {
    await turn.say(texts.thanks);
  }
}

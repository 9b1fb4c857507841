import { texts } from '../texts.ts';
import { handOff } from './handoff.ts';
import type { IntentHandler, Turn } from './types.ts';

/** A complaint goes to a person at once, ahead of the queue. */
export class ComplaintHandler implements IntentHandler {
  readonly intent = 'complaint';

  async handle(turn: Turn): Promise<void> {
    await handOff(turn, 'high', 'complaint');
    await turn.say(texts.complaint(turn.conversation.firstName, turn.services.business.company.hours));
  }
}

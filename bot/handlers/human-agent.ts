import { texts } from '../texts.ts';
import { handOff } from './handoff.ts';
import type { IntentHandler, Turn } from './types.ts';

export class HumanAgentHandler implements IntentHandler {
  readonly intent = 'human_agent';

  async handle(turn: Turn): Promise<void> {
    await handOff(turn, 'normal', 'customer asked for an advisor');
    await turn.say(texts.handoff(turn.conversation.firstName, turn.services.business.company.hours));
  }
}

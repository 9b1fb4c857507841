import { mainMenu } from '../actions.ts';
import { texts } from '../texts.ts';
import type { IntentHandler, Turn } from './types.ts';

/** The first greeting introduces Ana and asks the customer's name (once per person, not per channel). */
export class GreetingHandler implements IntentHandler {
  readonly intent = 'greeting';

  async handle(turn: Turn): Promise<void> {
    const name = turn.conversation.firstName;
    if (turn.memory.introduced) return turn.say(texts.greetingAgain(name), mainMenu);
    turn.memory.introduced = true;
    if (name) {
      await turn.say(texts.introduction(name));
      return turn.say(texts.howCanIHelp, mainMenu);
    }
    await turn.say(texts.introduction(null));
    turn.memory.awaitingName = true;
    await turn.say(texts.askName, mainMenu);
  }
}

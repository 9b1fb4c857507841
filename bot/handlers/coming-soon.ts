// Intents whose services arrive in later work: Ana says honestly that the
// option is being prepared and offers an advisor. No invented results. Each
// intent has its own small class so it can be replaced on its own.
import { action } from '../actions.ts';
import type { IntentName } from '../nlu/index.ts';
import { intentTopics, texts } from '../texts.ts';
import type { IntentHandler, Turn } from './types.ts';

export abstract class ComingSoonHandler implements IntentHandler {
  constructor(readonly intent: IntentName) {}

  async handle(turn: Turn): Promise<void> {
    // In the middle of a flow this is a digression: answer without a yes/no offer, the flow resumes after it.
    if (turn.dialogs.activeDialog) return turn.say(texts.comingSoonInFlow(intentTopics[this.intent]));
    turn.memory.pendingQuestion = { kind: 'offer_advisor', reason: this.intent };
    await turn.say(texts.comingSoon(intentTopics[this.intent]), [action.yes, action.no]);
  }
}

// The faq intent: Ana answers from the curated knowledge base (knowledge/answer.ts),
// citing the article; when nothing relevant is found she says so honestly and
// offers an advisor (the question is recorded for curators by the knowledge base).
import { action } from '../actions.ts';
import { ComingSoonHandler } from './coming-soon.ts';
import type { Turn } from './types.ts';

export type { KnowledgeAnswerer } from '../turn-info.ts';

const NOT_FOUND =
  'Esa no me la sé todavía 🙈 Ya se la pasé a mi equipo para aprender a responderla. ¿Quieres que te comunique con un asesor?';
const NOT_FOUND_IN_FLOW = 'Esa no me la sé todavía 🙈 Si prefieres, escribe "asesor" y te comunico con una persona.';

export class FaqHandler extends ComingSoonHandler {
  constructor() {
    super('faq');
  }

  override async handle(turn: Turn): Promise<void> {
    // A bot run without the knowledge base keeps the honest placeholder.
    const knowledge = turn.services.knowledge;
    if (!knowledge) return super.handle(turn);
    const answer = await knowledge.answer({ question: turn.nlu.text, audience: 'customer', conversationId: turn.conversation.conversationId });
    if (answer.kind === 'answer') return turn.say(answer.text);
    if (turn.dialogs.activeDialog) return turn.say(NOT_FOUND_IN_FLOW);
    turn.memory.pendingQuestion = { kind: 'offer_advisor', reason: 'faq' };
    await turn.say(NOT_FOUND, [action.yes, action.no]);
  }
}

import { mainMenu } from '../actions.ts';
import { texts } from '../texts.ts';
import { showInvestmentComparison } from '../dialogs/investment/index.ts';
import { showComparison } from './simulate-credit.ts';
import type { IntentHandler, Turn } from './types.ts';

/** "Sí" means whatever Ana's last yes/no question offered. */
export class AffirmHandler implements IntentHandler {
  readonly intent = 'affirm';

  async handle(turn: Turn): Promise<void> {
    const question = turn.memory.pendingQuestion;
    turn.memory.pendingQuestion = undefined;
    if (question?.kind === 'offer_advisor') return turn.run('human_agent');
    if (question?.kind === 'offer_comparison') return showComparison(turn, question.amount, question.termMonths);
    if (question?.kind === 'offer_apply') return turn.run('apply_credit');
    if (question?.kind === 'offer_investment_comparison') return showInvestmentComparison(turn, question.amount, question.termMonths);
    await turn.say(texts.affirmWithoutContext, mainMenu);
  }
}

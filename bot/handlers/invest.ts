import { beginFlow } from '../dialogs/flow.ts';
import { LEAD_CONTACT, type LeadContactOptions } from '../dialogs/lead-contact/index.ts';
import { ComingSoonHandler } from './coming-soon.ts';
import { knownDetails } from './lead-details.ts';
import type { Turn } from './types.ts';

/** The investor lead: details as needed, then an advisor of the investment team and a call-back. */
export class InvestHandler extends ComingSoonHandler {
  constructor() {
    super('invest');
  }

  override async handle(turn: Turn): Promise<void> {
    if (!turn.services.backOffice) return super.handle(turn);
    turn.memory.pendingQuestion = undefined;
    const amount = turn.nlu.entities.find((e) => e.type === 'amount')?.value;
    const term = turn.nlu.entities.find((e) => e.type === 'term_months')?.value;
    const last = turn.memory.lastInvestment;
    const purpose = {
      kind: 'invest' as const,
      amount: typeof amount === 'number' ? amount : last?.amount,
      termMonths: typeof term === 'number' ? term : last?.termMonths,
    };
    await beginFlow(turn, LEAD_CONTACT, { nlu: turn.nlu, purpose, known: await knownDetails(turn) } satisfies LeadContactOptions);
  }
}

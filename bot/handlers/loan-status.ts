import { beginFlow } from '../dialogs/flow.ts';
import { LOAN_LOOKUP, type LoanLookupOptions } from '../dialogs/loan-lookup/index.ts';
import { ComingSoonHandler } from './coming-soon.ts';
import type { Turn } from './types.ts';

/** Where the customer's loan stands, after identity verification (bot/dialogs/loan-lookup). */
export class LoanStatusHandler extends ComingSoonHandler {
  constructor() {
    super('loan_status');
  }

  override async handle(turn: Turn): Promise<void> {
    if (!turn.services.backOffice) return super.handle(turn);
    turn.memory.pendingQuestion = undefined;
    await beginFlow(turn, LOAN_LOOKUP, { nlu: turn.nlu, purpose: 'status' } satisfies LoanLookupOptions);
  }
}

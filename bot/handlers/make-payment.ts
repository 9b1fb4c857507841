import { normalizeText } from '../nlu/index.ts';
import { beginFlow } from '../dialogs/flow.ts';
import { LOAN_LOOKUP, type LoanLookupOptions } from '../dialogs/loan-lookup/index.ts';
import { ComingSoonHandler } from './coming-soon.ts';
import type { Turn } from './types.ts';

const ALREADY_PAID = /\b(?:ya (?:pague|deposite|transferi|hice (?:el|mi) pago|realice (?:el|mi) pago)|reportar (?:un|mi) pago|acabo de pagar|hice (?:el|mi) pago)\b/;

/** How to pay a loan (reference, CLABE, amount due) or, on "ya pagué", reporting the payment; identity first. */
export class MakePaymentHandler extends ComingSoonHandler {
  constructor() {
    super('make_payment');
  }

  override async handle(turn: Turn): Promise<void> {
    if (!turn.services.backOffice) return super.handle(turn);
    turn.memory.pendingQuestion = undefined;
    const purpose = ALREADY_PAID.test(normalizeText(turn.nlu.text)) ? 'report' : 'payment';
    await beginFlow(turn, LOAN_LOOKUP, { nlu: turn.nlu, purpose } satisfies LoanLookupOptions);
  }
}

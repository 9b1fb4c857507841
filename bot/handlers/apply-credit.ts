import { CREDIT_APPLICATION, type ApplicationOptions } from '../dialogs/credit-application/index.ts';
import { beginFlow } from '../dialogs/flow.ts';
import { ComingSoonHandler } from './coming-soon.ts';
import { knownDetails } from './lead-details.ts';
import type { Turn } from './types.ts';

/** The Tranki application: starts the dialog with what the contact, the channel and the message already say. */
export class ApplyCreditHandler extends ComingSoonHandler {
  constructor() {
    super('apply_credit');
  }

  override async handle(turn: Turn): Promise<void> {
    if (!turn.services.backOffice) return super.handle(turn);
    const options: ApplicationOptions = { nlu: turn.nlu, known: await knownDetails(turn), requested: turn.memory.lastSimulation };
    turn.memory.pendingQuestion = undefined;
    await beginFlow(turn, CREDIT_APPLICATION, options);
  }
}

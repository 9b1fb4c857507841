import { CREDIT_APPLICATION, type ApplicationOptions } from '../dialogs/credit-application/index.ts';
import { beginFlow } from '../dialogs/flow.ts';
import { ComingSoonHandler } from './coming-soon.ts';
import type { Turn } from './types.ts';

/** The Tranki application: starts the dialog with what the contact, the channel and the message already say. */
export class ApplyCreditHandler extends ComingSoonHandler {
  constructor() {
    super('apply_credit');
  }

  override async handle(turn: Turn): Promise<void> {
    const office = turn.services.backOffice;
    if (!office) return super.handle(turn);
    const contact = turn.conversation.contactId ? await office.contact(turn.conversation.contactId) : null;
    const options: ApplicationOptions = {
      nlu: turn.nlu,
      known: { name: turn.conversation.firstName ?? contact?.firstName ?? undefined, phone: contact?.phoneE164 ?? undefined, email: contact?.email ?? undefined },
      requested: turn.memory.lastSimulation,
    };
    turn.memory.pendingQuestion = undefined;
    await beginFlow(turn, CREDIT_APPLICATION, options);
  }
}

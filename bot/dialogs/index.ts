// The business dialogs Ana runs next to the credit simulation, registered in
// the bot's DialogSet (bot/ana-bot.ts).
import type { Dialog } from 'botbuilder-dialogs';
import type { BotServices } from '../turn-info.ts';
import { CreditApplicationDialog } from './credit-application/index.ts';
import { InvestmentSimulationDialog } from './investment/index.ts';
import { LeadContactDialog } from './lead-contact/index.ts';
import { LoanLookupDialog } from './loan-lookup/index.ts';

export function businessDialogs(services: BotServices): Dialog[] {
  return [new CreditApplicationDialog(services), new LoanLookupDialog(services), new InvestmentSimulationDialog(services), new LeadContactDialog(services)];
}

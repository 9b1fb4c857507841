// The one place where intents meet their handlers. Later work replaces a
// placeholder (e.g. FaqHandler) by registering its real handler here.
import type { IntentName } from '../nlu/index.ts';
import { AffirmHandler } from './affirm.ts';
import { ApplyCreditHandler } from './apply-credit.ts';
import { BookAppointmentHandler } from './book-appointment.ts';
import { ComplaintHandler } from './complaint.ts';
import { ContractHandler } from './contract.ts';
import { DenyHandler } from './deny.ts';
import { FaqHandler } from './faq.ts';
import { GoodbyeHandler } from './goodbye.ts';
import { GreetingHandler } from './greeting.ts';
import { HumanAgentHandler } from './human-agent.ts';
import { InvestHandler } from './invest.ts';
import { LoanStatusHandler } from './loan-status.ts';
import { MakePaymentHandler } from './make-payment.ts';
import { ManageAppointmentHandler } from './manage-appointment.ts';
import { MarketplaceHandler } from './marketplace.ts';
import { OutOfScopeHandler } from './out-of-scope.ts';
import { SimulateCreditHandler } from './simulate-credit.ts';
import { SimulateInvestmentHandler } from './simulate-investment.ts';
import { ThanksHandler } from './thanks.ts';
import type { IntentHandler } from './types.ts';

export type HandlerRegistry = ReadonlyMap<IntentName, IntentHandler>;

export function createHandlers(): HandlerRegistry {
  const handlers: IntentHandler[] = [
    new GreetingHandler(),
    new GoodbyeHandler(),
    new ThanksHandler(),
    new AffirmHandler(),
    new DenyHandler(),
    new OutOfScopeHandler(),
    new ComplaintHandler(),
    new HumanAgentHandler(),
    new SimulateCreditHandler(),
    new ApplyCreditHandler(),
    new SimulateInvestmentHandler(),
    new InvestHandler(),
    new LoanStatusHandler(),
    new MakePaymentHandler(),
    new BookAppointmentHandler(),
    new ManageAppointmentHandler(),
    new ContractHandler(),
    new MarketplaceHandler(),
    new FaqHandler(),
  ];
  return new Map(handlers.map((handler) => [handler.intent, handler]));
}

export type { IntentHandler, Turn } from './types.ts';

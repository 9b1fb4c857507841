// What Ana remembers between turns of one conversation (stored in BotState
// with the dialog stack). The contact's name is not here: it lives on the
// Contact, so every channel of the same person knows it.
import type { IntentName } from './nlu/index.ts';

/** The last yes/no question Ana asked, so that "sí" / "no" mean something. */
export type PendingQuestion =
  | { kind: 'offer_advisor'; reason: string }
  | { kind: 'offer_comparison'; amount: number; termMonths: number }
  | { kind: 'offer_apply' }
  | { kind: 'offer_investment_comparison'; amount: number; termMonths: number };

export interface AnaMemory {
  introduced?: boolean;
  awaitingName?: boolean;
  misunderstandings?: number;
  pendingQuestion?: PendingQuestion;
  /** The two intents offered in the last clarifying question. */
  clarifying?: [IntentName, IntentName];
  /** The last credit simulation shown, for "compara los esquemas". */
  lastSimulation?: { amount: number; termMonths: number };
  /** The last investment simulation shown, for the investor lead. */
  lastInvestment?: { amount: number; termMonths: number };
}

// What the turn processor tells the bot about the conversation of this turn,
// and the services the bot may call. Handlers change `status` and `firstName`
// in place so that the rest of the turn (and the processor) sees the change.
import type { TurnContext } from 'botbuilder';
import type { Answer, AnswerRequest } from '../knowledge/answer.ts';
import type { BusinessConfig } from '../services/config/business.ts';
import type { NluResult } from './nlu/index.ts';
import type { Channel, ConversationStatus, Priority } from '../services/db/generated/enums.ts';
import type { BackOffice } from './back-office/index.ts';

export interface ConversationTurnInfo {
  conversationId: string;
  channel: Channel;
  contactId: string | null;
  firstName: string | null;
  status: ConversationStatus;
  receivedAt: Date;
}

export interface BotServices {
  business: BusinessConfig;
  timeZone: string;
  handOff(conversationId: string, request: { priority: Priority; reason: string }): Promise<void>;
  rememberFirstName(contactId: string, firstName: string): Promise<void>;
  /** The business services (CRM, scoring, loans, marketplace); absent when the bot runs without them. */
  backOffice?: BackOffice;
  /** Answers faq questions; the running app provides `knowledgeBaseOf(context)`. */
  knowledge?: KnowledgeAnswerer;
  /** "Now" for business figures (loan balances, lead call-backs); default: when the message arrived. */
  clock?: () => Date;
}

/** What the bot needs from the knowledge base. */
export interface KnowledgeAnswerer {
  answer(request: AnswerRequest): Promise<Answer>;
}

/** The instant business figures of this turn are computed for. */
export function businessNow(services: BotServices, conversation: ConversationTurnInfo): Date {
  return services.clock?.() ?? conversation.receivedAt;
}

const TURN_INFO = Symbol('anaTurnInfo');

export function setTurnInfo(context: TurnContext, info: ConversationTurnInfo): void {
  context.turnState.set(TURN_INFO, info);
}

export function turnInfo(context: TurnContext): ConversationTurnInfo {
  const info = context.turnState.get(TURN_INFO) as ConversationTurnInfo | undefined;
  if (!info) throw new Error('The turn has no conversation info: run it through the turn processor');
  return info;
}

const TURN_NLU = Symbol('anaTurnNlu');

/** The NLU reading of this turn's message, shared by the router and the active dialog. */
export function setTurnNlu(context: TurnContext, nlu: NluResult): void {
  context.turnState.set(TURN_NLU, nlu);
}

export function turnNlu(context: TurnContext): NluResult {
  const nlu = context.turnState.get(TURN_NLU) as NluResult | undefined;
  if (!nlu) throw new Error('The turn has no NLU result yet');
  return nlu;
}

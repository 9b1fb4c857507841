// The credit simulation as a slot-filling dialog: amount, term and payment
// scheme. It asks only for what is missing, takes corrections at any point
// ("mejor a 36 meses", "no, que sean 100 mil" overwrite a slot), validates
// against the business limits and answers with figures from services/credit.
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import type { BusinessConfig } from '../../../services/config/business.ts';
import { schemeOptions, termOptions } from '../../actions.ts';
import { formatAmount } from '../../format.ts';
import type { NluResult } from '../../nlu/index.ts';
import { message } from '../../reply.ts';
import { schemeNames, texts } from '../../texts.ts';
import { turnNlu } from '../../turn-info.ts';
import { quoteText, type SimulationRequest } from './quote.ts';
import { hasAny, readSlots, type CreditSlots, type Slot } from './slots.ts';

export const CREDIT_SIMULATION = 'creditSimulation';

interface SimulationState extends CreditSlots {
  asking?: Slot;
}

export type SimulationOutcome = SimulationRequest;

export function isSimulationOutcome(value: unknown): value is SimulationOutcome {
  return typeof value === 'object' && value !== null && 'amount' in value && 'termMonths' in value && 'scheme' in value;
}

export class CreditSimulationDialog extends Dialog<{ nlu: NluResult }> {
  constructor(private readonly business: BusinessConfig) {
    super(CREDIT_SIMULATION);
  }

  /** Is this message for the simulation (a slot, a correction, "simúlalo") rather than a digression? */
  accepts(instance: DialogInstance, nlu: NluResult): boolean {
    const state = instance.state as SimulationState;
    return hasAny(readSlots(nlu, state.asking)) || (nlu.intent.name === 'simulate_credit' && nlu.intent.confidence >= 0.5);
  }

  async beginDialog(dc: DialogContext, options?: { nlu: NluResult }): Promise<DialogTurnResult> {
    if (options?.nlu) Object.assign(this.state(dc), defined(readSlots(options.nlu, undefined)));
    return this.next(dc);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = this.state(dc);
    const said = defined(readSlots(turnNlu(dc.context), state.asking));
    const corrected = (Object.keys(said) as (keyof CreditSlots)[]).filter((slot) => state[slot] !== undefined && state[slot] !== said[slot]);
    Object.assign(state, said);
    if (corrected.length) await dc.context.sendActivity(message(texts.simulation.corrected(corrected.map((slot) => this.describe(slot, state)).join(' y '))));
    return this.next(dc);
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const asking = (instance.state as SimulationState).asking;
    if (asking) await context.sendActivity(this.question(asking));
  }

  private state(dc: DialogContext): SimulationState {
    return dc.activeDialog!.state as SimulationState;
  }

  private async next(dc: DialogContext): Promise<DialogTurnResult> {
    const state = this.state(dc);
    const credit = this.business.credit;
    const terms = credit.allowedTermsMonths;
    if (state.amount !== undefined && (state.amount < Number(credit.minAmount) || state.amount > Number(credit.maxAmount))) {
      delete state.amount;
      state.asking = 'amount';
      await dc.context.sendActivity(message(texts.simulation.amountOutOfRange(formatAmount(Number(credit.minAmount)), formatAmount(Number(credit.maxAmount)))));
      return Dialog.EndOfTurn;
    }
    if (state.termMonths !== undefined && !terms.includes(state.termMonths)) {
      const refused = state.termMonths;
      delete state.termMonths;
      state.asking = 'termMonths';
      await dc.context.sendActivity(message(texts.simulation.termNotAllowed(refused, terms), termOptions(nearest(terms, refused))));
      return Dialog.EndOfTurn;
    }
    const missing: Slot | undefined = state.amount === undefined ? 'amount' : state.termMonths === undefined ? 'termMonths' : state.scheme === undefined ? 'scheme' : undefined;
    if (missing) {
      state.asking = missing;
      await dc.context.sendActivity(this.question(missing));
      return Dialog.EndOfTurn;
    }
    const request: SimulationRequest = { amount: state.amount!, termMonths: state.termMonths!, scheme: state.scheme! };
    await dc.context.sendActivity(message(quoteText(request, this.business)));
    return dc.endDialog(request);
  }

  private describe(slot: Slot, state: SimulationState): string {
    if (slot === 'amount') return formatAmount(state.amount!);
    if (slot === 'termMonths') return `${state.termMonths} meses`;
    return schemeNames[state.scheme!];
  }

  private question(slot: Slot) {
    const t = texts.simulation;
    if (slot === 'amount') return message(t.askAmount);
    if (slot === 'termMonths') return message(t.askTerm(this.business.credit.allowedTermsMonths), termOptions([12, 24, 36, 48].filter((m) => this.business.credit.allowedTermsMonths.includes(m))));
    return message(t.askScheme, schemeOptions);
  }
}

function defined(slots: CreditSlots): CreditSlots {
  return Object.fromEntries(Object.entries(slots).filter(([, value]) => value !== undefined));
}

/** The allowed terms closest to what the customer asked, as suggestions. */
function nearest(terms: number[], months: number): number[] {
  return [...terms].sort((a, b) => Math.abs(a - months) - Math.abs(b - months)).slice(0, 3).sort((a, b) => a - b);
}

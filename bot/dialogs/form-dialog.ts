// The shape shared by Ana's business dialogs (credit application, investor
// contact, loan lookup): slots read from each message, asked one at a time,
// corrections overwrite a slot already given, and `next` decides what to ask
// or does the work. Subclasses say what a message contains and what comes next.
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import type { NluResult } from '../nlu/index.ts';
import { texts } from '../texts.ts';
import { businessNow, turnInfo, turnNlu, type BotServices, type ConversationTurnInfo } from '../turn-info.ts';
import type { FlowDialog } from './flow.ts';
import { say } from './flow.ts';

export interface FormState {
  asking?: string;
}

export interface KnownContact {
  name?: string;
  phone?: string;
  email?: string;
}

/** The contact details the channel or the CRM already gave, as initial slots (empty ones left out). */
export function knownContactSlots(known: KnownContact = {}): KnownContact {
  return {
    ...(known.name ? { name: known.name } : {}),
    ...(known.phone ? { phone: known.phone } : {}),
    ...(known.email ? { email: known.email } : {}),
  };
}

export abstract class FormDialog<S extends FormState, O extends { nlu?: NluResult } = { nlu?: NluResult }> extends Dialog<O> implements FlowDialog {
  constructor(
    id: string,
    protected readonly services: BotServices,
  ) {
    super(id);
  }

  /** The slots this message gives, read knowing what Ana just asked. */
  protected abstract read(nlu: NluResult, state: S): Partial<S>;
  /** Asks for what is missing or does the work; ends the dialog when done. */
  protected abstract next(dc: DialogContext, state: S): Promise<DialogTurnResult>;
  /** Repeats the pending question (after a digression). */
  protected abstract ask(context: TurnContext, state: S): Promise<void>;
  /** How a corrected slot is said back ("tu correo: ana@x.com"); undefined: not acknowledged. */
  protected describe(_slot: keyof S, _state: S): string | undefined {
    return undefined;
  }
  /** How a slot given before Ana asked for it is said back; undefined (the default): it is taken silently. */
  protected acknowledge(_slot: keyof S, _state: S): string | undefined {
    return undefined;
  }
  /** The initial state from the handler's options (known contact details...). */
  protected initial(_options: O | undefined): Partial<S> {
    return {};
  }

  accepts(instance: DialogInstance, nlu: NluResult): boolean {
    return Object.keys(this.read(nlu, instance.state as S)).length > 0;
  }

  override async beginDialog(dc: DialogContext, options?: O): Promise<DialogTurnResult> {
    const state = this.state(dc);
    Object.assign(state, this.initial(options));
    if (options?.nlu) Object.assign(state, this.read(options.nlu, { ...state, asking: undefined }));
    return this.next(dc, state);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = this.state(dc);
    const found = this.read(turnNlu(dc.context), state);
    const slots = (Object.keys(found) as (keyof S)[]).filter((slot) => slot !== 'asking');
    const corrected = slots.filter((slot) => state[slot] !== undefined && state[slot] !== found[slot]);
    const unasked = slots.filter((slot) => state[slot] === undefined && slot !== state.asking);
    Object.assign(state, found);
    // Two slots may be said back as one ("$80,000 a 24 meses"): each text once.
    const described = new Set(corrected.map((slot) => this.describe(slot, state)).filter((text): text is string => Boolean(text)));
    if (described.size) await say(dc.context, texts.simulation.corrected([...described].join(' y ')));
    // A slot said back within a correction ("$90,000 a 24 meses") is not acknowledged again.
    const fresh = unasked.filter((slot) => !described.has(this.describe(slot, state) ?? ''));
    const acknowledged = new Set(fresh.map((slot) => this.acknowledge(slot, state)).filter((text): text is string => Boolean(text)));
    if (acknowledged.size) await say(dc.context, texts.form.noted([...acknowledged].join(' y ')));
    return this.next(dc, state);
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.ask(context, instance.state as S);
  }

  protected state(dc: DialogContext): S {
    return dc.activeDialog!.state as S;
  }

  protected now(context: TurnContext): Date {
    return businessNow(this.services, turnInfo(context));
  }

  protected conversation(context: TurnContext): ConversationTurnInfo {
    return turnInfo(context);
  }

  protected async askFor(dc: DialogContext, state: S, slot: string): Promise<DialogTurnResult> {
    state.asking = slot;
    await this.ask(dc.context, state);
    return Dialog.EndOfTurn;
  }
}

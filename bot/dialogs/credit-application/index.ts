// Tranki's digital application as a dialog: name, phone (skipped when the
// channel or the contact already gave it), e-mail (optional), the car (brand,
// model, year), monthly income and debts → prequalification (services/scoring)
// → lead, opportunity, advisor and call-back (services/crm) → the result in
// plain words. Asks only for what is missing; any slot can be corrected.
import { Dialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { Decimal } from 'decimal.js';
import { VehicleNotInGuideError, type StoredPrequalification } from '../../../services/scoring/prequalification.ts';
import { action } from '../../actions.ts';
import type { BackOffice } from '../../back-office/index.ts';
import { formatMoney } from '../../format.ts';
import type { Turn } from '../../handlers/types.ts';
import type { NluResult } from '../../nlu/index.ts';
import type { BotServices } from '../../turn-info.ts';
import type { SuggestedAction } from '../../turn.ts';
import { say } from '../flow.ts';
import { FormDialog, knownContactSlots, type FormState } from '../form-dialog.ts';
import { normalizeText } from '../../nlu/index.ts';
import { confidentlyElse, entity, readEmail, readMoney, readName, readPhone, saysNothing } from '../readers.ts';
import { sayWhen } from '../when.ts';
import { applicationTexts as t } from './texts.ts';
import { readVehicle, vehicleName } from './vehicle.ts';

export const CREDIT_APPLICATION = 'creditApplication';

interface ApplicationState extends FormState {
  name?: string;
  phone?: string;
  email?: string;
  noEmail?: boolean;
  brand?: string;
  model?: string;
  year?: number;
  income?: number;
  debts?: number;
  /** The car was found in the price guide (checked before asking about income). */
  vehicleKnown?: boolean;
  /** What the customer wants: from the last simulation, or said during the application ("80 mil", "a 24 meses"). */
  requestedAmount?: number;
  requestedTermMonths?: number;
}

export interface ApplicationOptions {
  nlu?: NluResult;
  known?: { name?: string; phone?: string; email?: string };
  /** The last simulation, as the amount and term the customer asked for. */
  requested?: { amount: number; termMonths: number };
}

export interface ApplicationOutcome {
  kind: 'credit_application';
  decision: StoredPrequalification['decision'];
}

const INCOME_WORDS = /\b(gano|ganando|ingreso|ingresos|sueldo|salario|me pagan)\b/i;
// An amount said while applying is the loan's, unless the customer speaks of investing.
const INVESTING_WORDS = /\b(invert\w*|invierto|inversion\w*|rendimiento\w*)\b/;
const DEBT_WORDS = /\b(debo|deuda|deudas|tarjeta|tarjetas|pago de)\b/i;

export class CreditApplicationDialog extends FormDialog<ApplicationState, ApplicationOptions> {
  constructor(services: BotServices) {
    super(CREDIT_APPLICATION, services);
  }

  protected override initial(options: ApplicationOptions | undefined): Partial<ApplicationState> {
    return {
      ...knownContactSlots(options?.known),
      ...(options?.requested ? { requestedAmount: options.requested.amount, requestedTermMonths: options.requested.termMonths } : {}),
    };
  }

  protected read(nlu: NluResult, state: ApplicationState): Partial<ApplicationState> {
    const asking = state.asking;
    const found: Partial<ApplicationState> = {};
    const name = readName(nlu, asking === 'name');
    if (name) found.name = name;
    const phone = readPhone(nlu);
    if (phone) found.phone = phone;
    const email = readEmail(nlu);
    if (email) found.email = email;
    else if (asking === 'email' && saysNothing(nlu)) found.noEmail = true;
    if (asking === 'brand' || asking === 'model' || asking === 'year' || nlu.entities.some((e) => e.type === 'vehicle_brand')) {
      const vehicle = readVehicle(nlu, asking);
      if (vehicle.model && asking === 'model' && !vehicle.brand && confidentlyElse(nlu)) delete vehicle.model;
      Object.assign(found, vehicle);
      if (Object.keys(vehicle).length) found.vehicleKnown = false;
    }
    if (asking === 'debts' && saysNothing(nlu)) found.debts = 0;
    const money = readMoney(nlu, asking === 'income' || asking === 'debts');
    if (money !== undefined) {
      if (asking === 'income' || (asking !== 'debts' && INCOME_WORDS.test(nlu.text))) found.income = money;
      else if (asking === 'debts' || DEBT_WORDS.test(nlu.text)) found.debts = money;
      else if (!INVESTING_WORDS.test(normalizeText(nlu.text))) found.requestedAmount = money;
    }
    const term = entity(nlu, 'term_months');
    if (typeof term === 'number' && !INVESTING_WORDS.test(normalizeText(nlu.text))) found.requestedTermMonths = term;
    return found;
  }

  protected override describe(slot: keyof ApplicationState, state: ApplicationState): string | undefined {
    if (slot === 'name') return `tu nombre, ${state.name}`;
    if (slot === 'phone') return `tu celular, ${state.phone}`;
    if (slot === 'email') return `tu correo, ${state.email}`;
    if (slot === 'brand' || slot === 'model' || slot === 'year') return `tu auto, ${vehicleName(state)}`;
    if (slot === 'income') return `tu ingreso, ${formatMoney(state.income!)}`;
    if (slot === 'debts') return `tus deudas, ${formatMoney(state.debts!)}`;
    if (slot === 'requestedAmount' || slot === 'requestedTermMonths') return `el crédito que buscas, ${t.wanted(state)}`;
    return undefined;
  }

  protected override acknowledge(slot: keyof ApplicationState, state: ApplicationState): string | undefined {
    return slot === 'requestedAmount' || slot === 'requestedTermMonths' ? `buscas ${t.wanted(state)}` : undefined;
  }

  protected async ask(context: TurnContext, state: ApplicationState, actions: SuggestedAction[] = []): Promise<void> {
    const first = state.name?.split(' ')[0];
    const questions: Record<string, string> = {
      name: t.askName,
      phone: t.askPhone(first),
      email: t.askEmail,
      brand: t.askBrand,
      model: t.askModel(vehicleName({ brand: state.brand })),
      year: t.askYear(vehicleName({ brand: state.brand, model: state.model })),
      income: t.askIncome,
      debts: t.askDebts,
    };
    const question = state.asking ? questions[state.asking] : undefined;
    const defaults: SuggestedAction[] = state.asking === 'email' ? [{ title: 'No tengo', value: 'no tengo' }] : state.asking === 'debts' ? [{ title: 'Ninguna', value: 'ninguna' }] : [];
    if (question) await say(context, question, actions.length ? actions : defaults);
  }

  override async beginDialog(dc: DialogContext, options?: ApplicationOptions): Promise<DialogTurnResult> {
    await say(dc.context, t.start);
    return super.beginDialog(dc, options);
  }

  protected async next(dc: DialogContext, state: ApplicationState): Promise<DialogTurnResult> {
    const missing = (['name', 'phone', 'email', 'brand', 'model', 'year', 'income', 'debts'] as const).find((slot) =>
      slot === 'email' ? state.email === undefined && !state.noEmail : state[slot] === undefined,
    );
    const office = this.services.backOffice;
    if (!office) throw new Error('The credit application needs the back office');
    const vehicleComplete = state.brand !== undefined && state.model !== undefined && state.year !== undefined;
    if (vehicleComplete && !state.vehicleKnown) {
      try {
        await office.findVehicle({ brand: state.brand!, model: state.model!, year: state.year! });
        state.vehicleKnown = true;
      } catch (error) {
        if (!(error instanceof VehicleNotInGuideError)) throw error;
        return this.vehicleNotFound(dc, state, error);
      }
    }
    if (missing) return this.askFor(dc, state, missing);
    return this.apply(dc, state, office);
  }

  private async apply(dc: DialogContext, state: ApplicationState, office: BackOffice): Promise<DialogTurnResult> {
    const now = this.now(dc.context);
    const conversation = this.conversation(dc.context);
    const contact = await office.identify({ name: state.name, phone: state.phone, email: state.email, channel: conversation.channel });
    let result: StoredPrequalification;
    try {
      result = await office.prequalify(
        {
          brand: state.brand!,
          model: state.model!,
          year: state.year!,
          monthlyIncome: state.income!,
          monthlyDebts: state.debts ?? 0,
          requestedAmount: state.requestedAmount,
          requestedTermMonths: state.requestedTermMonths,
          contactId: contact.id,
          conversationId: conversation.conversationId,
        },
        now,
      );
    } catch (error) {
      if (!(error instanceof VehicleNotInGuideError)) throw error;
      return this.vehicleNotFound(dc, state, error);
    }
    const first = state.name!.split(' ')[0];
    const vehicle = `${vehicleName({ brand: result.vehicle.brand, model: result.vehicle.model, year: result.vehicle.year })}`;
    const maxAmount = formatMoney(result.maxAmount);
    const reasons = result.reasons;
    if (result.decision === 'declined') {
      await say(dc.context, [t.declined(first), t.reasons(reasons)].join('\n'));
      await say(dc.context, t.declinedNext, [action.advisor, action.simulateCredit]);
      return dc.endDialog({ kind: 'credit_application', decision: result.decision } satisfies ApplicationOutcome);
    }
    const wanted = state.requestedAmount;
    const amount = wanted !== undefined && new Decimal(wanted).lte(result.maxAmount) ? new Decimal(wanted) : result.maxAmount;
    const lead = await office.captureLead(
      {
        name: state.name,
        phone: state.phone,
        email: state.email,
        channel: conversation.channel,
        product: 'credit',
        source: 'ana',
        amount: amount.toFixed(2),
        termMonths: Math.min(state.requestedTermMonths ?? result.maxTermMonths, result.maxTermMonths),
        conversationId: conversation.conversationId,
        message: `Precalificación ${result.decision} (grado ${result.grade}): ${vehicle}, ingreso ${formatMoney(state.income!)}, deudas ${formatMoney(state.debts ?? 0)}; hasta ${maxAmount} a ${result.maxTermMonths} meses.`,
      },
      now,
    );
    const headline =
      result.decision === 'prequalified'
        ? [t.prequalified(first, vehicle, maxAmount, result.maxTermMonths), ...(reasons.length ? [t.reasons(reasons)] : [])]
        : [t.review(first, vehicle, maxAmount, result.maxTermMonths), t.reasons(reasons)];
    await say(dc.context, headline.join('\n'));
    const callback = lead.advisor && lead.task ? t.advisorCalls(lead.advisor.name, sayWhen(lead.task.dueAt, now, this.services.timeZone)) : t.advisorWillCall;
    await say(dc.context, `${callback}\n${t.anythingElse}`, [action.simulateCredit, { title: 'Ver autos en venta', value: 'marketplace' }, action.advisor]);
    return dc.endDialog({ kind: 'credit_application', decision: result.decision } satisfies ApplicationOutcome);
  }

  /** The guide does not know the car: suggest the years or models it knows, or ask again. */
  private async vehicleNotFound(dc: DialogContext, state: ApplicationState, error: VehicleNotInGuideError): Promise<DialogTurnResult> {
    await say(dc.context, t.notInGuide(vehicleName(state)));
    const years = error.suggestions.every((s) => /^\d{4}$/.test(s));
    if (error.suggestions.length && years) {
      delete state.year;
      state.asking = 'year';
      await say(dc.context, t.pickYear, error.suggestions.slice(-6).map((year) => ({ title: year, value: year })));
      return Dialog.EndOfTurn;
    }
    if (error.suggestions.length) {
      delete state.model;
      state.asking = 'model';
      await say(dc.context, t.pickModel, error.suggestions.slice(0, 6).map((model) => ({ title: model, value: model })));
      return Dialog.EndOfTurn;
    }
    delete state.brand;
    delete state.model;
    state.asking = 'brand';
    await say(dc.context, t.unknownBrand);
    return Dialog.EndOfTurn;
  }

  async afterStep(turn: Turn, result: DialogTurnResult): Promise<void> {
    if (result.status !== DialogTurnStatus.complete) return;
    const outcome = result.result as ApplicationOutcome | undefined;
    if (outcome?.decision === 'declined') turn.memory.pendingQuestion = { kind: 'offer_advisor', reason: 'credit application declined' };
  }
}

// Taking a person's details for an advisor, asking only for what the contact
// and the channel do not already give: investors (name, phone, e-mail) and
// "me interesa" on a marketplace car (name, phone). Then the lead, the
// advisor and the call-back come from services/crm (and services/marketplace).
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { ValidationError } from '../../../services/credit/errors.ts';
import type { LeadCaptureResult } from '../../../services/crm/leads.ts';
import { action } from '../../actions.ts';
import type { BackOffice } from '../../back-office/index.ts';
import { formatAmount, formatMoney } from '../../format.ts';
import type { NluResult } from '../../nlu/index.ts';
import type { BotServices } from '../../turn-info.ts';
import { say } from '../flow.ts';
import { FormDialog, knownContactSlots, type FormState } from '../form-dialog.ts';
import { readEmail, readName, readPhone, saysNothing } from '../readers.ts';
import { sayWhen } from '../when.ts';
import { leadTexts as t } from './texts.ts';

export const LEAD_CONTACT = 'leadContact';

export type LeadPurpose = { kind: 'invest'; amount?: number; termMonths?: number } | { kind: 'vehicle'; vehicleId: string; title: string };

interface LeadState extends FormState {
  purpose: LeadPurpose;
  name?: string;
  phone?: string;
  email?: string;
  noEmail?: boolean;
}

export interface LeadContactOptions {
  nlu?: NluResult;
  purpose: LeadPurpose;
  known?: { name?: string; phone?: string; email?: string };
}

export class LeadContactDialog extends FormDialog<LeadState, LeadContactOptions> {
  constructor(services: BotServices) {
    super(LEAD_CONTACT, services);
  }

  protected override initial(options: LeadContactOptions | undefined): Partial<LeadState> {
    return {
      purpose: options?.purpose ?? { kind: 'invest' },
      ...knownContactSlots(options?.known),
    };
  }

  protected read(nlu: NluResult, state: LeadState): Partial<LeadState> {
    const found: Partial<LeadState> = {};
    const name = readName(nlu, state.asking === 'name');
    if (name) found.name = name;
    const phone = readPhone(nlu);
    if (phone) found.phone = phone;
    const email = readEmail(nlu);
    if (email) found.email = email;
    else if (state.asking === 'email' && saysNothing(nlu)) found.noEmail = true;
    return found;
  }

  protected override describe(slot: keyof LeadState, state: LeadState): string | undefined {
    if (slot === 'name') return `tu nombre, ${state.name}`;
    if (slot === 'phone') return `tu celular, ${state.phone}`;
    if (slot === 'email') return `tu correo, ${state.email}`;
    return undefined;
  }

  protected async ask(context: TurnContext, state: LeadState): Promise<void> {
    if (state.asking === 'name') await say(context, t.askName);
    if (state.asking === 'phone') await say(context, t.askPhone(state.name?.split(' ')[0]));
    if (state.asking === 'email') await say(context, t.askEmail, [{ title: 'No tengo', value: 'no tengo' }]);
  }

  override async beginDialog(dc: DialogContext, options?: LeadContactOptions): Promise<DialogTurnResult> {
    const purpose = options?.purpose;
    const complete = Boolean(options?.known?.name && options.known.phone && (purpose?.kind === 'vehicle' || options.known.email));
    if (!complete) await say(dc.context, purpose?.kind === 'vehicle' ? t.startVehicle(purpose.title) : t.startInvest);
    return super.beginDialog(dc, options);
  }

  protected async next(dc: DialogContext, state: LeadState): Promise<DialogTurnResult> {
    if (!state.name) return this.askFor(dc, state, 'name');
    if (!state.phone) return this.askFor(dc, state, 'phone');
    if (state.purpose.kind === 'invest' && !state.email && !state.noEmail) return this.askFor(dc, state, 'email');
    const office = this.services.backOffice;
    if (!office) throw new Error('Taking a lead needs the back office');
    const first = state.name.split(' ')[0];
    const now = this.now(dc.context);
    const lead = state.purpose.kind === 'invest' ? await this.investorLead(dc, state, office, now, first) : await this.vehicleLead(dc, state, office, now, first);
    if (lead) {
      const about = state.purpose.kind === 'invest' ? t.aboutInvest : t.aboutVehicle;
      const callback = lead.advisor && lead.task ? t.advisorCalls(lead.advisor.name, sayWhen(lead.task.dueAt, now, this.services.timeZone), about) : t.advisorWillCall(about);
      await say(dc.context, `${callback}\n${t.anythingElse}`, [action.simulateCredit, action.loanStatus, action.advisor]);
    }
    return dc.endDialog();
  }

  private async investorLead(dc: DialogContext, state: LeadState, office: BackOffice, now: Date, first: string): Promise<LeadCaptureResult> {
    const purpose = state.purpose as Extract<LeadPurpose, { kind: 'invest' }>;
    const conversation = this.conversation(dc.context);
    const lead = await office.captureLead(
      {
        name: state.name,
        phone: state.phone,
        email: state.email,
        channel: conversation.channel,
        product: 'investment',
        source: 'ana',
        amount: purpose.amount,
        termMonths: purpose.termMonths,
        conversationId: conversation.conversationId,
      },
      now,
    );
    await say(dc.context, t.investorLead(first, purpose.amount ? formatAmount(purpose.amount) : undefined));
    return lead;
  }

  private async vehicleLead(dc: DialogContext, state: LeadState, office: BackOffice, now: Date, first: string): Promise<LeadCaptureResult | null> {
    const purpose = state.purpose as Extract<LeadPurpose, { kind: 'vehicle' }>;
    const conversation = this.conversation(dc.context);
    const contact = await office.identify({ name: state.name, phone: state.phone, email: state.email, channel: conversation.channel });
    try {
      const interest = await office.expressInterest({ contactId: contact.id, vehicleId: purpose.vehicleId, conversationId: conversation.conversationId, channel: conversation.channel }, now);
      const financing = interest.vehicle.financing ? `${formatMoney(interest.vehicle.financing.monthlyPayment)} al mes a ${interest.vehicle.financing.termMonths} meses` : undefined;
      await say(dc.context, t.vehicleLead(first, interest.vehicle.title, financing));
      return interest;
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      await say(dc.context, t.vehicleGone, [{ title: 'Ver autos', value: 'marketplace' }]);
      return null;
    }
  }
}

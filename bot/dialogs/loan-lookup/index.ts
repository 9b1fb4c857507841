// A customer's loan, only after proving who they are: on WhatsApp by the
// sender's number, otherwise by contract number and date of birth (three
// failures lock the lookup: services/credit/verification.ts). Then, for the
// purpose the customer came with: the loan's status, how to pay it, or
// reporting a payment made ("ya pagué"). Several loans → the customer chooses.
import { Dialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { Decimal } from 'decimal.js';
import type { LoanSummary } from '../../../services/credit/loans.ts';
import type { PaymentInstructions } from '../../../services/credit/payments.ts';
import { action } from '../../actions.ts';
import type { BackOffice } from '../../back-office/index.ts';
import { formatMoney } from '../../format.ts';
import type { Turn } from '../../handlers/types.ts';
import { normalizeText, type NluResult } from '../../nlu/index.ts';
import type { BotServices } from '../../turn-info.ts';
import type { SuggestedAction } from '../../turn.ts';
import { say } from '../flow.ts';
import { FormDialog, type FormState } from '../form-dialog.ts';
import { entity, readContractNumber, withoutContract } from '../readers.ts';
import { sayDate } from '../when.ts';
import { localToday, looksLikeDay, readPaidOn } from './dates.ts';
import { loanTexts as t, statusNames } from './texts.ts';

export const LOAN_LOOKUP = 'loanLookup';

export type LoanPurpose = 'status' | 'payment' | 'report';

interface LoanState extends FormState {
  purpose: LoanPurpose;
  verified?: boolean;
  contract?: string;
  birthDate?: string;
  /** The loan chosen (or the only one). */
  loanId?: string;
  choices?: { loanId: string; contractNumber: string }[];
  paidAmount?: string;
  paidOn?: string;
}

export interface LoanLookupOptions {
  nlu?: NluResult;
  purpose: LoanPurpose;
}

export interface LoanLookupOutcome {
  kind: 'loan_lookup';
  locked?: boolean;
}

export class LoanLookupDialog extends FormDialog<LoanState, LoanLookupOptions> {
  constructor(services: BotServices) {
    super(LOAN_LOOKUP, services);
  }

  protected override initial(options: LoanLookupOptions | undefined): Partial<LoanState> {
    return { purpose: options?.purpose ?? 'status' };
  }

  protected read(nlu: NluResult, state: LoanState): Partial<LoanState> {
    const found: Partial<LoanState> = {};
    const text = nlu.text;
    if (state.asking === 'choice' && state.choices) {
      const chosen = chooseLoan(text, state.choices);
      if (chosen) found.loanId = chosen;
      return found;
    }
    if (!state.verified) {
      const contract = readContractNumber(text, state.asking === 'contract');
      if (contract) found.contract = contract;
      const rest = contract ? withoutContract(text) : text;
      if (/\d/.test(rest) && (state.asking === 'birthDate' || (contract && /\d{1,2}\s*(?:[/.-]|de)/.test(rest)))) found.birthDate = rest;
    }
    if (state.asking === 'paidAmount') {
      const amount = paymentAmount(nlu);
      if (amount) found.paidAmount = amount;
    }
    if (state.asking === 'paidOn' && looksLikeDay(text)) found.paidOn = text;
    return found;
  }

  protected async ask(context: TurnContext, state: LoanState, actions: SuggestedAction[] = []): Promise<void> {
    const questions: Record<string, string> = {
      contract: t.askContract,
      birthDate: t.askBirthDate,
      choice: t.chooseLoan(state.choices?.length ?? 0),
      paidAmount: t.askPaidAmount,
      paidOn: t.askPaidOn,
    };
    const choices = state.asking === 'choice' ? (state.choices ?? []).map((c) => ({ title: c.contractNumber, value: c.contractNumber })) : [];
    const days = state.asking === 'paidOn' ? [{ title: 'Hoy', value: 'hoy' }, { title: 'Ayer', value: 'ayer' }] : [];
    const question = state.asking ? questions[state.asking] : undefined;
    if (question) await say(context, question, actions.length ? actions : [...choices, ...days]);
  }

  protected async next(dc: DialogContext, state: LoanState): Promise<DialogTurnResult> {
    const office = this.services.backOffice;
    if (!office) throw new Error('The loan lookup needs the back office');
    const conversationId = this.conversation(dc.context).conversationId;
    const now = this.now(dc.context);
    if (!state.verified) {
      const already = await office.loans(conversationId, now);
      if (already.status === 'ok') state.verified = true;
      else if (!state.contract && state.asking === undefined) {
        const sender = await office.verifyBySender(conversationId, now);
        if (sender.status === 'verified') {
          state.verified = true;
          await say(dc.context, t.verifiedByWhatsApp);
        }
      }
    }
    if (!state.verified) return this.verify(dc, state, office, conversationId, now);

    const disclosed = await office.loans(conversationId, now);
    if (disclosed.status !== 'ok') {
      // The verification expired in the middle of the flow: prove it again.
      state.verified = false;
      return this.askFor(dc, state, 'contract');
    }
    const loans = disclosed.loans;
    if (loans.length === 0) {
      await say(dc.context, t.noLoans, [action.advisor]);
      return dc.endDialog({ kind: 'loan_lookup' } satisfies LoanLookupOutcome);
    }
    state.loanId ??= loans.length === 1 ? loans[0]!.loanId : loans.find((loan) => loan.contractNumber === state.contract)?.loanId;
    if (!state.loanId) {
      state.choices = loans.map((loan) => ({ loanId: loan.loanId, contractNumber: loan.contractNumber }));
      state.asking = 'choice';
      await say(dc.context, t.chooseLoan(loans.length), loans.map((loan) => ({ title: `${loan.contractNumber}${loan.vehicle ? ` · ${vehicleOf(loan)}` : ''}`, value: loan.contractNumber })));
      return Dialog.EndOfTurn;
    }
    const one = await office.loan(conversationId, state.loanId, now);
    if (one.status !== 'ok') {
      delete state.loanId;
      return this.next(dc, state);
    }
    if (state.purpose === 'status') {
      await say(dc.context, statusText(one.loan), [{ title: 'Cómo pagar', value: 'make_payment' }, action.advisor]);
      return dc.endDialog({ kind: 'loan_lookup' } satisfies LoanLookupOutcome);
    }
    if (state.purpose === 'payment') {
      await say(dc.context, paymentText(one.loan, one.payment), [{ title: 'Ya pagué', value: 'ya pagué' }, action.advisor]);
      return dc.endDialog({ kind: 'loan_lookup' } satisfies LoanLookupOutcome);
    }
    return this.report(dc, state, office, { conversationId, now, loan: one.loan });
  }

  private async verify(dc: DialogContext, state: LoanState, office: BackOffice, conversationId: string, now: Date): Promise<DialogTurnResult> {
    if (!state.contract) return this.askFor(dc, state, 'contract');
    if (!state.birthDate) return this.askFor(dc, state, 'birthDate');
    const outcome = await office.verifyByContract(conversationId, state.contract, state.birthDate, now);
    delete state.birthDate;
    if (outcome.status === 'verified') {
      state.verified = true;
      return this.next(dc, state);
    }
    if (outcome.status === 'invalid_birth_date') {
      state.asking = 'birthDate';
      await say(dc.context, t.invalidBirthDate);
      return Dialog.EndOfTurn;
    }
    delete state.contract;
    if (outcome.status === 'locked') {
      const until = new Intl.DateTimeFormat('es-MX', { timeZone: this.services.timeZone, hour: 'numeric', minute: '2-digit', hour12: false }).format(outcome.until);
      await say(dc.context, t.locked(until), [action.yes, action.no]);
      return dc.endDialog({ kind: 'loan_lookup', locked: true } satisfies LoanLookupOutcome);
    }
    if (outcome.status === 'failed') {
      state.asking = 'contract';
      await say(dc.context, t.failed(outcome.attemptsLeft));
      return Dialog.EndOfTurn;
    }
    return this.askFor(dc, state, 'contract');
  }

  private async report(dc: DialogContext, state: LoanState, office: BackOffice, args: { conversationId: string; now: Date; loan: LoanSummary }): Promise<DialogTurnResult> {
    if (!state.paidAmount) return this.askFor(dc, state, 'paidAmount');
    if (!state.paidOn) return this.askFor(dc, state, 'paidOn');
    const day = readPaidOn(state.paidOn, localToday(args.now, this.services.timeZone));
    if (!day) {
      delete state.paidOn;
      state.asking = 'paidOn';
      await say(dc.context, t.invalidPaidOn);
      return Dialog.EndOfTurn;
    }
    // The customer names a day, not an instant: midday in Mexico, but never after "now".
    const midday = new Date(`${day}T18:00:00Z`);
    const paidAt = midday > args.now ? args.now : midday;
    await office.reportPayment({ conversationId: args.conversationId, loanId: args.loan.loanId, amount: state.paidAmount, paidAt }, args.now);
    await say(dc.context, `${t.paymentReported(formatMoney(state.paidAmount), sayDate(day), args.loan.contractNumber)}\n${t.anythingElse}`, [action.loanStatus, action.advisor]);
    return dc.endDialog({ kind: 'loan_lookup' } satisfies LoanLookupOutcome);
  }

  async afterStep(turn: Turn, result: DialogTurnResult): Promise<void> {
    if (result.status !== DialogTurnStatus.complete) return;
    if ((result.result as LoanLookupOutcome | undefined)?.locked) turn.memory.pendingQuestion = { kind: 'offer_advisor', reason: 'loan lookup locked' };
  }
}

function chooseLoan(text: string, choices: { loanId: string; contractNumber: string }[]): string | undefined {
  const said = normalizeText(text);
  const byNumber = choices.find((c) => said.includes(normalizeText(c.contractNumber)) || said.replace(/\D/g, '').endsWith(c.contractNumber.replace(/\D/g, '').replace(/^0+/, '')));
  if (byNumber) return byNumber.loanId;
  const ordinal = /\b(?:el )?(primer[oa]?|1|segund[oa]|2|tercer[oa]?|3)\b/.exec(said)?.[1];
  const index = ordinal ? (ordinal.startsWith('pri') || ordinal === '1' ? 0 : ordinal.startsWith('seg') || ordinal === '2' ? 1 : 2) : undefined;
  return index !== undefined ? choices[index]?.loanId : undefined;
}

function paymentAmount(nlu: NluResult): string | undefined {
  const value = entity(nlu, 'amount');
  if (typeof value === 'number' && value > 0) return new Decimal(value).toFixed(2);
  const match = nlu.text.trim().match(/^\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*(?:pesos|mxn)?$/i);
  return match ? new Decimal(`${match[1]!.replace(/,/g, '')}.${match[2] ?? '0'}`).toFixed(2) : undefined;
}

function vehicleOf(loan: LoanSummary): string {
  if (!loan.vehicle) return '';
  const title = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  return `${title(loan.vehicle.brand)} ${title(loan.vehicle.model)} ${loan.vehicle.year}`;
}

export function statusText(loan: LoanSummary): string {
  const lines = [t.statusHeader(loan.contractNumber, vehicleOf(loan)), t.status(statusNames[loan.status])];
  if (loan.status !== 'paid_off' && loan.status !== 'cancelled') lines.push(t.balance(formatMoney(loan.outstandingBalance)));
  if (loan.nextPayment) lines.push(t.nextPayment(formatMoney(loan.nextPayment.amount), sayDate(loan.nextPayment.dueDate)));
  if (loan.overdue.amount.gt(0)) lines.push(t.overdue(formatMoney(loan.overdue.amount), loan.overdue.days));
  lines.push(t.progress(loan.installmentsPaid, loan.installmentsTotal));
  return lines.join('\n');
}

export function paymentText(loan: LoanSummary, payment: PaymentInstructions): string {
  const next = loan.nextPayment?.amount ?? new Decimal(0);
  const due = next.plus(loan.overdue.amount);
  const lines = [t.paymentHeader(loan.contractNumber), t.amountDue(formatMoney(due))];
  if (loan.overdue.amount.gt(0) && loan.nextPayment) lines.push(t.dueDetail(formatMoney(next), sayDate(loan.nextPayment.dueDate), formatMoney(loan.overdue.amount)));
  else if (loan.nextPayment) lines.push(t.dueDate(sayDate(loan.nextPayment.dueDate)));
  lines.push(t.bank(payment.bankName, payment.beneficiary), t.clabe(payment.clabe), t.reference(payment.paymentReference), t.howToReport);
  return lines.join('\n');
}

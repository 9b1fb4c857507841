// The investment simulation as a slot-filling dialog: amount and term (asked
// when missing), payout mode (monthly by default; "reinvertir" compounds).
// Figures come from services/investment; corrections overwrite a slot.
import { Dialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { compareInvestmentModes, simulateInvestment, type InvestmentMode } from '../../../services/investment/calculator.ts';
import { action } from '../../actions.ts';
import { formatAmount, formatMoney } from '../../format.ts';
import type { Turn } from '../../handlers/types.ts';
import { normalizeText, type NluResult } from '../../nlu/index.ts';
import type { BotServices } from '../../turn-info.ts';
import { say } from '../flow.ts';
import { FormDialog, type FormState } from '../form-dialog.ts';
import { entity, readMoney } from '../readers.ts';
import { investmentTexts as t } from './texts.ts';

export const INVESTMENT_SIMULATION = 'investmentSimulation';

interface InvestmentState extends FormState {
  amount?: number;
  termMonths?: number;
  mode?: InvestmentMode;
}

export interface InvestmentOutcome {
  kind: 'investment_simulation';
  amount: number;
  termMonths: number;
}

const COMPOUND = /\b(reinv[ie]rt\w*|reinversion|compuest[oa]|capitaliz\w*|que se acumule)\b/;
const MONTHLY = /\b(cada mes|mensual(es|mente)?|pago mensual|cobrar cada mes|retirar (los )?intereses)\b/;

export class InvestmentSimulationDialog extends FormDialog<InvestmentState> {
  constructor(services: BotServices) {
    super(INVESTMENT_SIMULATION, services);
  }

  protected read(nlu: NluResult, state: InvestmentState): Partial<InvestmentState> {
    const found: Partial<InvestmentState> = {};
    const amount = readMoney(nlu, state.asking === 'amount');
    if (amount !== undefined) found.amount = amount;
    const term = entity(nlu, 'term_months');
    if (typeof term === 'number') found.termMonths = term;
    else if (state.asking === 'termMonths') {
      const bare = nlu.text.trim().match(/^(\d{1,2})\s*(?:meses)?$/)?.[1];
      if (bare) found.termMonths = Number(bare);
    }
    const text = normalizeText(nlu.text);
    if (COMPOUND.test(text)) found.mode = 'compound';
    else if (MONTHLY.test(text) && !/\bal mes\b/.test(text)) found.mode = 'monthly_payout';
    return found;
  }

  protected override describe(slot: keyof InvestmentState, state: InvestmentState): string | undefined {
    if (slot === 'amount') return formatAmount(state.amount!);
    if (slot === 'termMonths') return `${state.termMonths} meses`;
    if (slot === 'mode') return t.modeNames[state.mode!];
    return undefined;
  }

  protected async ask(context: TurnContext, state: InvestmentState): Promise<void> {
    const config = this.services.business.investment;
    if (state.asking === 'amount') await say(context, t.askAmount(formatAmount(Number(config.minAmount))));
    if (state.asking === 'termMonths') await say(context, t.askTerm(config.allowedTermsMonths), config.allowedTermsMonths.map((m) => ({ title: `${m} meses`, value: `${m} meses` })));
  }

  protected async next(dc: DialogContext, state: InvestmentState): Promise<DialogTurnResult> {
    const config = this.services.business.investment;
    const [min, max] = [Number(config.minAmount), Number(config.maxAmount)];
    if (state.amount !== undefined && (state.amount < min || state.amount > max)) {
      delete state.amount;
      state.asking = 'amount';
      await say(dc.context, t.amountOutOfRange(formatAmount(min), formatAmount(max)));
      return Dialog.EndOfTurn;
    }
    if (state.termMonths !== undefined && !config.allowedTermsMonths.includes(state.termMonths)) {
      const refused = state.termMonths;
      delete state.termMonths;
      state.asking = 'termMonths';
      await say(dc.context, t.termNotAllowed(refused, config.allowedTermsMonths));
      return Dialog.EndOfTurn;
    }
    if (state.amount === undefined) return this.askFor(dc, state, 'amount');
    if (state.termMonths === undefined) return this.askFor(dc, state, 'termMonths');
    await say(dc.context, investmentText(state.amount, state.termMonths, state.mode ?? 'monthly_payout', this.services));
    return dc.endDialog({ kind: 'investment_simulation', amount: state.amount, termMonths: state.termMonths } satisfies InvestmentOutcome);
  }

  async afterStep(turn: Turn, result: DialogTurnResult): Promise<void> {
    if (result.status !== DialogTurnStatus.complete) return;
    const { amount, termMonths } = result.result as InvestmentOutcome;
    turn.memory.lastInvestment = { amount, termMonths };
    turn.memory.pendingQuestion = { kind: 'offer_investment_comparison', amount, termMonths };
    await turn.say(t.offerNext, [{ title: 'Comparar modalidades', value: 'affirm' }, { title: 'Quiero invertir', value: 'invest' }, action.no]);
  }
}

function percent(fraction: { times(n: number): { toFixed(d: number): string } }): string {
  return fraction.times(100).toFixed(1);
}

export function investmentText(amount: number, termMonths: number, mode: InvestmentMode, services: Pick<BotServices, 'business'>): string {
  const simulation = simulateInvestment({ amount, termMonths, mode }, services.business);
  const { totals } = simulation;
  const lines = [
    t.header(formatMoney(amount), termMonths, percent(simulation.input.annualRate), t.modeNames[mode]),
    t.gross(formatMoney(totals.grossInterest)),
    t.isr(formatMoney(totals.isrWithheld)),
    t.net(formatMoney(totals.netInterest)),
    mode === 'monthly_payout' ? t.monthly(formatMoney(simulation.schedule[0]!.netInterest)) : t.atMaturity(formatMoney(totals.finalBalance)),
    t.yield(percent(simulation.effectiveAnnualYield)),
    t.disclaimer,
  ];
  return lines.join('\n');
}

export async function showInvestmentComparison(turn: Turn, amount: number, termMonths: number): Promise<void> {
  const rows = compareInvestmentModes({ amount, termMonths }, turn.services.business);
  const lines = rows.map((row) => t.comparisonLine(t.comparisonModes[row.mode], formatMoney(row.netInterest), formatMoney(row.totalReceived), percent(row.effectiveAnnualYield)));
  await turn.say([t.comparisonHeader(formatMoney(amount), termMonths), ...lines].join('\n'));
  await turn.say(t.offerInvest, [{ title: 'Quiero invertir', value: 'invest' }, action.no]);
}

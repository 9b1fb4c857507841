import { DialogTurnStatus, type DialogTurnResult } from 'botbuilder-dialogs';
import { action } from '../actions.ts';
import { CREDIT_SIMULATION, isSimulationOutcome } from '../dialogs/credit-simulation/index.ts';
import { comparisonText } from '../dialogs/credit-simulation/quote.ts';
import { texts } from '../texts.ts';
import type { IntentHandler, Turn } from './types.ts';

/** Starts the simulation dialog with whatever the message already says ("100 mil a 24 meses"). */
export class SimulateCreditHandler implements IntentHandler {
  readonly intent = 'simulate_credit';

  async handle(turn: Turn): Promise<void> {
    await turn.dialogs.cancelAllDialogs();
    await afterSimulationStep(turn, await turn.dialogs.beginDialog(CREDIT_SIMULATION, { nlu: turn.nlu }));
  }
}

/** When the simulation has answered, Ana offers the comparison and the application. */
export async function afterSimulationStep(turn: Turn, result: DialogTurnResult): Promise<void> {
  if (result.status !== DialogTurnStatus.complete || !isSimulationOutcome(result.result)) return;
  const { amount, termMonths } = result.result;
  turn.memory.lastSimulation = { amount, termMonths };
  turn.memory.pendingQuestion = { kind: 'offer_comparison', amount, termMonths };
  await turn.say(texts.simulation.offerNext, [action.compareSchemes, action.applyCredit, action.anotherSimulation]);
}

export async function showComparison(turn: Turn, amount: number, termMonths: number): Promise<void> {
  await turn.say(comparisonText(amount, termMonths, turn.services.business));
  turn.memory.pendingQuestion = { kind: 'offer_apply' };
  await turn.say(texts.simulation.offerApply, [action.yes, action.no]);
}

/** "Compara los esquemas" (the button) after a simulation. */
export async function compareLastSimulation(turn: Turn): Promise<void> {
  const last = turn.memory.lastSimulation;
  if (!last) return turn.say(texts.simulation.noSimulationToCompare, [action.simulateCredit]);
  await showComparison(turn, last.amount, last.termMonths);
}

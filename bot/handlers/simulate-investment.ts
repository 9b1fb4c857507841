import { beginFlow } from '../dialogs/flow.ts';
import { INVESTMENT_SIMULATION } from '../dialogs/investment/index.ts';
import type { IntentHandler, Turn } from './types.ts';

/** Starts the investment simulation with whatever the message already says ("200 mil a 12 meses"). */
export class SimulateInvestmentHandler implements IntentHandler {
  readonly intent = 'simulate_investment';

  async handle(turn: Turn): Promise<void> {
    turn.memory.pendingQuestion = undefined;
    await beginFlow(turn, INVESTMENT_SIMULATION, { nlu: turn.nlu });
  }
}

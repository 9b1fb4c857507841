// Where each message goes, in order of precedence: commands (cancel, start
// over), the customer's name when Ana asked for it, the flow in progress (a
// slot, a correction, or a digression after which the flow resumes), the
// answer to Ana's last yes/no question, a clarifying question when two
// intents are too close, two misunderstandings in a row → offer an advisor,
// and otherwise the intent's handler.
import { action, mainMenu } from './actions.ts';
import { CreditSimulationDialog } from './dialogs/credit-simulation/index.ts';
import { isFlowDialog } from './dialogs/flow.ts';
import { afterSimulationStep, compareLastSimulation } from './handlers/simulate-credit.ts';
import { fallback } from './handlers/out-of-scope.ts';
import type { Turn } from './handlers/types.ts';
import { intentButtons, intentTopics, texts } from './texts.ts';
import { extractFirstName, tooClose, understood, type Command } from './understanding.ts';

const ENDS_FLOW = new Set(['human_agent', 'complaint', 'goodbye']);

export class TurnRouter {
  async route(turn: Turn, said: string, command: Command | undefined): Promise<void> {
    const { memory, nlu } = turn;
    const clarifying = memory.clarifying;
    memory.clarifying = undefined;
    if (command === 'cancel' || command === 'restart') return this.cancel(turn, command);
    if (await this.captureName(turn, said)) return;
    if (command === 'compare_schemes') {
      memory.pendingQuestion = undefined;
      return compareLastSimulation(turn);
    }
    if (turn.dialogs.activeDialog) return this.continueFlow(turn);

    if (memory.pendingQuestion && (nlu.intent.name === 'affirm' || nlu.intent.name === 'deny') && understood(nlu)) return turn.run(nlu.intent.name);
    memory.pendingQuestion = undefined;
    if (clarifying && nlu.intent.name === 'affirm' && understood(nlu)) return turn.run(clarifying[0]);

    const close = tooClose(nlu);
    if (close) return this.clarify(turn, close);
    if (!understood(nlu)) return this.misunderstood(turn);
    memory.misunderstandings = 0;
    return turn.run(nlu.intent.name);
  }

  private async cancel(turn: Turn, command: 'cancel' | 'restart'): Promise<void> {
    const wasBusy = Boolean(turn.dialogs.activeDialog || turn.memory.pendingQuestion);
    await turn.dialogs.cancelAllDialogs();
    turn.memory.pendingQuestion = undefined;
    turn.memory.misunderstandings = 0;
    turn.memory.awaitingName = false;
    if (command === 'restart') return turn.say(texts.restarted, mainMenu);
    await turn.say(wasBusy ? texts.cancelled : texts.nothingToCancel, mainMenu);
  }

  /** True when the message was the customer's name (or a refusal to give it) and nothing else is left to do. */
  private async captureName(turn: Turn, said: string): Promise<boolean> {
    const awaiting = Boolean(turn.memory.awaitingName);
    turn.memory.awaitingName = false;
    const name = extractFirstName(said, awaiting, turn.nlu);
    if (!name) {
      if (!awaiting || turn.nlu.intent.name !== 'deny' || !understood(turn.nlu)) return false;
      await turn.say(texts.nameSkipped);
      await turn.say(texts.howCanIHelp, mainMenu);
      return true;
    }
    turn.conversation.firstName = name;
    if (turn.conversation.contactId) await turn.services.rememberFirstName(turn.conversation.contactId, name);
    await turn.say(texts.niceToMeetYou(name));
    if (turn.dialogs.activeDialog) {
      await turn.dialogs.repromptDialog();
      return true;
    }
    // "Me llamo Juan y quiero simular un crédito": the name is kept and the request goes on.
    if (!awaiting && understood(turn.nlu) && turn.nlu.intent.name !== 'greeting') return false;
    await turn.say(texts.howCanIHelp, mainMenu);
    return true;
  }

  private async continueFlow(turn: Turn): Promise<void> {
    const { dialogs, nlu, memory } = turn;
    const active = dialogs.activeDialog!;
    const dialog = dialogs.findDialog(active.id);
    if (isFlowDialog(dialog) && dialog.accepts(active, nlu)) {
      memory.misunderstandings = 0;
      const result = await dialogs.continueDialog();
      if (dialog instanceof CreditSimulationDialog) return afterSimulationStep(turn, result);
      return dialog.afterStep?.(turn, result);
    }
    if (understood(nlu) && ENDS_FLOW.has(nlu.intent.name)) {
      await dialogs.cancelAllDialogs();
      return turn.run(nlu.intent.name);
    }
    if (understood(nlu) && nlu.intent.name !== 'affirm' && nlu.intent.name !== 'deny') {
      memory.misunderstandings = 0;
      await turn.run(nlu.intent.name);
      // The digression may have started a flow of its own: then there is nothing to resume.
      if (turn.conversation.status !== 'bot' || !dialogs.activeDialog || dialogs.activeDialog !== active) return;
      await turn.say(texts.resume);
      return dialogs.repromptDialog();
    }
    memory.misunderstandings = (memory.misunderstandings ?? 0) + 1;
    if (memory.misunderstandings >= 2) {
      await dialogs.cancelAllDialogs();
      return this.offerAdvisor(turn);
    }
    await turn.say(texts.notUnderstoodInFlow);
    return dialogs.repromptDialog();
  }

  private async clarify(turn: Turn, [first, second]: [string, string]): Promise<void> {
    const options = [first, second] as [keyof typeof intentTopics, keyof typeof intentTopics];
    turn.memory.clarifying = options;
    await turn.say(
      texts.clarify(intentTopics[options[0]], intentTopics[options[1]]),
      options.map((intent) => ({ title: intentButtons[intent], value: intent })),
    );
  }

  private async misunderstood(turn: Turn): Promise<void> {
    turn.memory.misunderstandings = (turn.memory.misunderstandings ?? 0) + 1;
    if (turn.memory.misunderstandings >= 2) return this.offerAdvisor(turn);
    if (turn.nlu.intent.name === 'out_of_scope' && turn.nlu.intent.confidence >= 0.45) return turn.run('out_of_scope');
    return fallback(turn);
  }

  private async offerAdvisor(turn: Turn): Promise<void> {
    turn.memory.misunderstandings = 0;
    turn.memory.pendingQuestion = { kind: 'offer_advisor', reason: 'two misunderstandings in a row' };
    await turn.say(texts.offerAdvisorAfterMisunderstanding, [action.yes, action.no]);
  }
}

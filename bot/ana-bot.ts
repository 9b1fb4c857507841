// Ana's ActivityHandler: for each customer message it loads the conversation
// state (memory + dialog stack, from Postgres with eTags), reads the message
// (NLU), lets the router decide and saves the state at the end of the turn.
import { ActivityHandler, type Storage, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { DialogSet, type DialogState } from 'botbuilder-dialogs';
import { businessDialogs } from './dialogs/index.ts';
import { CreditSimulationDialog } from './dialogs/credit-simulation/index.ts';
import { createHandlers, type HandlerRegistry, type Turn } from './handlers/index.ts';
import type { AnaMemory } from './memory.ts';
import type { IntentName, Nlu } from './nlu/index.ts';
import { message } from './reply.ts';
import { TurnRouter } from './router.ts';
import { OptimisticConversationState } from './runtime/state.ts';
import { setTurnNlu, turnInfo, type BotServices } from './turn-info.ts';
import { interpret, messageText, readCommand } from './understanding.ts';

export interface AnaBotDependencies {
  nlu: Nlu;
  storage: Storage;
  services: BotServices;
  handlers?: HandlerRegistry;
}

export class AnaBot extends ActivityHandler {
  private readonly conversationState: OptimisticConversationState;
  private readonly memory: StatePropertyAccessor<AnaMemory>;
  private readonly dialogs: DialogSet;
  private readonly intentHandlers: HandlerRegistry;
  private readonly router = new TurnRouter();

  constructor(private readonly deps: AnaBotDependencies) {
    super();
    this.conversationState = new OptimisticConversationState(deps.storage);
    this.memory = this.conversationState.createProperty<AnaMemory>('memory');
    this.dialogs = new DialogSet(this.conversationState.createProperty<DialogState>('dialogState'));
    this.dialogs.add(new CreditSimulationDialog(deps.services.business));
    for (const dialog of businessDialogs(deps.services)) this.dialogs.add(dialog);
    this.intentHandlers = deps.handlers ?? createHandlers();
    this.onMessage(async (context, next) => {
      await this.answer(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context);
  }

  private async answer(context: TurnContext): Promise<void> {
    const conversation = turnInfo(context);
    const said = messageText(context.activity.text, context.activity.value);
    const nlu = interpret(this.deps.nlu, said, { referenceTime: conversation.receivedAt, timeZone: this.deps.services.timeZone });
    setTurnNlu(context, nlu);
    const turn: Turn = {
      nlu,
      memory: await this.memory.get(context, {}),
      conversation,
      services: this.deps.services,
      dialogs: await this.dialogs.createContext(context),
      say: async (text, actions) => {
        await context.sendActivity(message(text, actions));
      },
      show: async (text, attachments, actions) => {
        await context.sendActivity({ ...message(text, actions), attachments });
      },
      run: (intent: IntentName) => {
        const handler = this.intentHandlers.get(intent);
        if (!handler) throw new Error(`No handler registered for intent ${intent}`);
        return handler.handle(turn);
      },
    };
    await this.router.route(turn, said, readCommand(said));
  }
}

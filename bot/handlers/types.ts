// The shape of an intent handler: thin, it reads the turn, calls services and
// chooses replies from bot/texts.ts.
import type { DialogContext } from 'botbuilder-dialogs';
import type { AnaMemory } from '../memory.ts';
import type { IntentName, NluResult } from '../nlu/index.ts';
import type { ReplyAttachment, SuggestedAction } from '../turn.ts';
import type { BotServices, ConversationTurnInfo } from '../turn-info.ts';

export interface Turn {
  nlu: NluResult;
  memory: AnaMemory;
  conversation: ConversationTurnInfo;
  services: BotServices;
  dialogs: DialogContext;
  say(text: string, actions?: SuggestedAction[]): Promise<void>;
  /** Text with cards (a photo, a title, buttons) for the channels that can show them. */
  show(text: string, attachments: ReplyAttachment[], actions?: SuggestedAction[]): Promise<void>;
  /** Hands the turn to another intent's handler (e.g. "sí" to an offer of an advisor). */
  run(intent: IntentName): Promise<void>;
}

export interface IntentHandler {
  readonly intent: IntentName;
  handle(turn: Turn): Promise<void>;
}

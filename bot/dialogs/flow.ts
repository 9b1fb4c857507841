// What the router needs from a slot-filling dialog: whether a message belongs
// to it (a slot, a correction) rather than being a digression, and what to do
// with the Turn (memory, offers) once a step has run.
import type { DialogInstance, DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import type { Turn } from '../handlers/types.ts';
import type { NluResult } from '../nlu/index.ts';
import { message } from '../reply.ts';
import type { ReplyAttachment, SuggestedAction } from '../turn.ts';

export interface FlowDialog {
  accepts(instance: DialogInstance, nlu: NluResult): boolean;
  afterStep?(turn: Turn, result: DialogTurnResult): Promise<void>;
}

export function isFlowDialog(dialog: unknown): dialog is FlowDialog {
  return typeof dialog === 'object' && dialog !== null && typeof (dialog as Partial<FlowDialog>).accepts === 'function';
}

export async function say(context: TurnContext, text: string, actions: SuggestedAction[] = [], attachments: ReplyAttachment[] = []): Promise<void> {
  const activity = message(text, actions);
  if (attachments.length) activity.attachments = attachments;
  await context.sendActivity(activity);
}

/** Starts a flow in place of whatever was in progress, and lets it update the turn's memory. */
export async function beginFlow(turn: Turn, dialogId: string, options: object): Promise<void> {
  await turn.dialogs.cancelAllDialogs();
  const result = await turn.dialogs.beginDialog(dialogId, options);
  const dialog = turn.dialogs.findDialog(dialogId);
  if (isFlowDialog(dialog)) await dialog.afterStep?.(turn, result);
}

// Building outgoing activities: text plus optional suggested actions.
import { ActionTypes, MessageFactory, type Activity } from 'botbuilder';
import type { SuggestedAction } from './turn.ts';

export function message(text: string, actions: SuggestedAction[] = []): Partial<Activity> {
  if (actions.length === 0) return MessageFactory.text(text);
  return MessageFactory.suggestedActions(
    actions.map((action) => ({ type: ActionTypes.ImBack, title: action.title, value: action.value })),
    text,
  );
}

// The in-process adapter: the turn processor builds an Activity from a stored
// inbound message and runs the bot on it; whatever the bot sends is collected
// on the turn (with an id assigned up front) and stored by the processor in one
// round trip when the turn ends. Channels render the stored replies their way.
import { randomUUID } from 'node:crypto';
import { BotAdapter, TurnContext, type Activity, type ConversationReference, type ResourceResponse } from 'botbuilder';
import type { OutboundDraft } from '../../services/conversations/types.ts';

const COLLECTED_REPLIES = Symbol('collectedReplies');

export class InProcessAdapter extends BotAdapter {
  /** Runs `logic` on `activity` and returns what the bot said, in order. */
  async runTurn(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<OutboundDraft[]> {
    const context = new TurnContext(this, activity);
    const replies: OutboundDraft[] = [];
    context.turnState.set(COLLECTED_REPLIES, replies);
    await this.runMiddleware(context, logic);
    return replies;
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const replies = context.turnState.get(COLLECTED_REPLIES) as OutboundDraft[] | undefined;
    if (!replies) throw new Error('sendActivities outside a turn run by InProcessAdapter.runTurn');
    return activities.map((activity) => {
      if (activity.type === 'delay' || activity.type === 'invokeResponse') return { id: '' };
      const reply = toDraft(activity);
      replies.push(reply);
      return { id: reply.id };
    });
  }

  async updateActivity(): Promise<void> {
    throw new Error('Updating a sent message is not supported: replies are stored and delivered as they are');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('Deleting a sent message is not supported');
  }

  async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: 'event', name: 'continueConversation' }, reference, true);
    await this.runTurn(activity, logic);
  }
}

function toDraft(activity: Partial<Activity>): OutboundDraft {
  const type = activity.type === 'typing' || activity.type === 'event' ? activity.type : 'message';
  return {
    id: randomUUID(),
    type,
    ...(activity.text ? { text: activity.text } : {}),
    ...(activity.speak ? { speak: activity.speak } : {}),
    ...(activity.suggestedActions?.actions.length
      ? { suggestedActions: activity.suggestedActions.actions.map((action) => ({ title: action.title ?? String(action.value), value: String(action.value) })) }
      : {}),
    ...(activity.attachments?.length
      ? { attachments: activity.attachments.map(({ contentType, content, contentUrl, name }) => ({ contentType, content, contentUrl, name })) }
      : {}),
  };
}

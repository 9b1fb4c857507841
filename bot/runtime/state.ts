// Conversation state that really uses the storage's optimistic concurrency:
// botbuilder's BotState.saveChanges overwrites the eTag with "*" (last writer
// wins); here the eTag read at the start of the turn goes back with the write,
// so a turn that raced another worker fails instead of losing its changes.
import { ConversationState, type StoreItem, type TurnContext } from 'botbuilder';

/** The storage key of a conversation's state (botbuilder's own layout), known before the turn runs. */
export function conversationStateKey(channelId: string, conversationId: string): string {
  return `${channelId}/conversations/${conversationId}/`;
}

export class OptimisticConversationState extends ConversationState {
  override getStorageKey(context: TurnContext): string | undefined {
    const { channelId, conversation } = context.activity;
    return channelId && conversation?.id ? conversationStateKey(channelId, conversation.id) : undefined;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const state = this.get(context) as StoreItem | undefined;
    if (!state) return super.saveChanges(context, force);
    const key = await this.storageKey(context);
    await this.storage.write({ [key]: state });
  }
}

// Conversation state that really uses the storage's optimistic concurrency:
// botbuilder's BotState.saveChanges overwrites the eTag with "*" (last writer
// wins); here the eTag read at the start of the turn goes back with the write,
// so a turn that raced another worker fails instead of losing its changes.
import { ConversationState, type StoreItem, type TurnContext } from 'botbuilder';

export class OptimisticConversationState extends ConversationState {
  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const state = this.get(context) as StoreItem | undefined;
    if (!state) return super.saveChanges(context, force);
    const key = await this.storageKey(context);
    await this.storage.write({ [key]: state });
  }
}

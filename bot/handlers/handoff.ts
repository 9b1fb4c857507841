// Handing a conversation to a human: the state is real (status handoff, with
// a priority for the advisor inbox) and any flow in progress is closed, so the
// bot stays silent until the conversation comes back to it.
import type { Priority } from '../../services/db/generated/enums.ts';
import type { Turn } from './types.ts';

export async function handOff(turn: Turn, priority: Priority, reason: string): Promise<void> {
  await turn.services.handOff(turn.conversation.conversationId, { priority, reason });
  turn.conversation.status = 'handoff';
  turn.memory.pendingQuestion = undefined;
  await turn.dialogs.cancelAllDialogs();
}

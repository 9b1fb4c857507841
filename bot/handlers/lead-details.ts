import type { Turn } from './types.ts';

/** What the conversation already knows of the person (channel, contact), so Ana does not ask it again. */
export async function knownDetails(turn: Turn): Promise<{ name?: string; phone?: string; email?: string }> {
  const office = turn.services.backOffice;
  const contact = office && turn.conversation.contactId ? await office.contact(turn.conversation.contactId) : null;
  return { name: turn.conversation.firstName ?? contact?.firstName ?? undefined, phone: contact?.phoneE164 ?? undefined, email: contact?.email ?? undefined };
}

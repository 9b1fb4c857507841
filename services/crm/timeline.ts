/**
 * The contact's timeline: everything that happened with a person, newest
 * first — conversations, simulations, prequalifications, leads, opportunities,
 * payment reports. Services write an Interaction row when they do something
 * for a contact; conversations are read from their own table.
 */
import type { PrismaClient } from '../db/database.ts';
import type { Prisma } from '../db/generated/client.ts';

export type InteractionKind =
  | 'conversation'
  | 'simulation'
  | 'prequalification'
  | 'lead'
  | 'opportunity'
  | 'vehicle_interest'
  | 'payment_report';

export interface InteractionInput {
  contactId: string;
  kind: InteractionKind;
  /** Short English summary for staff, without PII. */
  summary: string;
  data?: Prisma.InputJsonValue;
  conversationId?: string | null;
  occurredAt?: Date;
}

type InteractionWriter = Pick<PrismaClient, 'interaction'> | Prisma.TransactionClient;

export async function recordInteraction(db: InteractionWriter, input: InteractionInput): Promise<void> {
  await db.interaction.create({
    data: {
      contactId: input.contactId,
      kind: input.kind,
      summary: input.summary,
      data: input.data,
      conversationId: input.conversationId ?? null,
      occurredAt: input.occurredAt ?? new Date(),
    },
  });
}

export interface TimelineEntry {
  kind: string;
  summary: string;
  occurredAt: Date;
  conversationId: string | null;
  data: Prisma.JsonValue | null;
}

export async function getTimeline(prisma: PrismaClient, contactId: string, options: { limit?: number } = {}): Promise<TimelineEntry[]> {
  const limit = Math.min(Math.max(options.limit ?? 100, 1), 500);
  const [interactions, conversations] = await Promise.all([
    prisma.interaction.findMany({ where: { contactId }, orderBy: { occurredAt: 'desc' }, take: limit }),
    prisma.conversation.findMany({ where: { contactId }, orderBy: { createdAt: 'desc' }, take: limit }),
  ]);
  const recorded = new Set(interactions.filter((i) => i.kind === 'conversation').map((i) => i.conversationId));
  const entries: TimelineEntry[] = [
    ...interactions.map((i) => ({ kind: i.kind, summary: i.summary, occurredAt: i.occurredAt, conversationId: i.conversationId, data: i.data })),
    ...conversations
      .filter((c) => !recorded.has(c.id))
      .map((c) => ({
        kind: 'conversation',
        summary: `Conversation on ${c.channel} (${c.status})`,
        occurredAt: c.createdAt,
        conversationId: c.id,
        data: { channel: c.channel, status: c.status, lastMessageAt: c.lastMessageAt?.toISOString() ?? null },
      })),
  ];
  return entries.sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime()).slice(0, limit);
}

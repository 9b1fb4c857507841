// Conversations: created by a channel (REST hands out the id; other channels
// key them by their own conversation id), handed off to an advisor, read back
// as a transcript.
import type { PrismaClient } from '../db/database.ts';
import type { Channel, ConversationStatus, Priority } from '../db/generated/enums.ts';
import { resolveIdentity } from './contacts.ts';
import { ConversationNotFoundError, type ChannelUserInfo, type ConversationSummary, type Queryable } from './types.ts';

export async function createConversation(prisma: PrismaClient, channel: Channel, user: ChannelUserInfo, externalId?: string): Promise<ConversationSummary> {
  const identity = await resolveIdentity(prisma, channel, user);
  const row = await prisma.conversation.create({
    data: { channel, externalId, contactId: identity.contactId, channelIdentityId: identity.identityId },
  });
  return { id: row.id, channel: row.channel, status: row.status, contactId: row.contactId };
}

/** The conversation a channel knows by its own id, created on first sight (safe under concurrent first messages). */
export async function findOrCreateByExternalId(prisma: PrismaClient, channel: Channel, externalId: string, user: ChannelUserInfo): Promise<ConversationSummary> {
  const existing = await prisma.conversation.findUnique({ where: { channel_externalId: { channel, externalId } } });
  if (existing) return { id: existing.id, channel: existing.channel, status: existing.status, contactId: existing.contactId };
  try {
    return await createConversation(prisma, channel, user, externalId);
  } catch (error) {
    const raced = await prisma.conversation.findUnique({ where: { channel_externalId: { channel, externalId } } });
    if (!raced) throw error;
    return { id: raced.id, channel: raced.channel, status: raced.status, contactId: raced.contactId };
  }
}

export async function getConversation(prisma: PrismaClient, id: string): Promise<ConversationSummary> {
  const row = await prisma.conversation.findUnique({ where: { id } });
  if (!row) throw new ConversationNotFoundError(id);
  return { id: row.id, channel: row.channel, status: row.status, contactId: row.contactId };
}

export interface HandoffRequest {
  priority: Priority;
  reason: string;
}

/** From now on an advisor answers; the bot stays silent until the conversation returns to it. */
export async function handOffConversation(db: Queryable, conversationId: string, request: HandoffRequest): Promise<void> {
  await db.query(
    `UPDATE "Conversation" SET status = 'handoff', priority = $2::"Priority", "handoffReason" = $3, "updatedAt" = now() WHERE id = $1`,
    [conversationId, request.priority, request.reason],
  );
}

export interface TranscriptEntry {
  id: string;
  seq: string;
  direction: 'inbound' | 'outbound';
  text: string | null;
  value?: unknown;
  suggestedActions?: { title: string; value: string }[];
  attachments?: unknown[];
  status: string;
  timestamp: string;
}

export interface Transcript {
  id: string;
  channel: Channel;
  status: ConversationStatus;
  priority: Priority;
  createdAt: string;
  messages: TranscriptEntry[];
}

interface TranscriptRow {
  id: string;
  seq: string;
  direction: 'inbound' | 'outbound';
  text: string | null;
  payload: { value?: unknown; suggestedActions?: { title: string; value: string }[]; attachments?: unknown[] } | null;
  status: string;
  createdAt: Date;
}

export async function getTranscript(prisma: PrismaClient, db: Queryable, id: string): Promise<Transcript> {
  const conversation = await prisma.conversation.findUnique({ where: { id } });
  if (!conversation) throw new ConversationNotFoundError(id);
  const { rows } = await db.query<TranscriptRow>(
    `SELECT id, seq::text AS seq, direction, text, payload, status, "createdAt" FROM "Message" WHERE "conversationId" = $1 ORDER BY "Message".seq`,
    [id],
  );
  return {
    id,
    channel: conversation.channel,
    status: conversation.status,
    priority: conversation.priority,
    createdAt: conversation.createdAt.toISOString(),
    messages: rows.map((row) => ({
      id: row.id,
      seq: row.seq,
      direction: row.direction,
      text: row.text,
      ...(row.payload?.value !== undefined ? { value: row.payload.value } : {}),
      ...(row.payload?.suggestedActions ? { suggestedActions: row.payload.suggestedActions } : {}),
      ...(row.payload?.attachments ? { attachments: row.payload.attachments } : {}),
      status: row.status,
      timestamp: new Date(row.createdAt).toISOString(),
    })),
  };
}

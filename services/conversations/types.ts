// Shapes shared by the conversation services: what a turn needs to know about
// a conversation and its messages, independent of any channel's wire format.
import type { Channel, ConversationStatus, Priority } from '../db/generated/enums.ts';

export type { Channel, ConversationStatus, Priority };

/** The subset of pg's Pool (or a client) the conversation services use. */
export interface Queryable {
  query<R extends object = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[]; rowCount: number | null }>;
}

export interface ChannelUserInfo {
  id: string;
  name?: string;
  phone?: string;
  email?: string;
}

export interface ConversationSummary {
  id: string;
  channel: Channel;
  status: ConversationStatus;
  contactId: string | null;
}

export interface StoredInbound {
  id: string;
  seq: string;
  conversationId: string;
  text: string | null;
  value: unknown;
  status: 'received' | 'processed' | 'failed';
  createdAt: Date;
}

export interface OutboundDraft {
  id: string;
  type: 'message' | 'typing' | 'event';
  text?: string;
  speak?: string;
  suggestedActions?: { title: string; value: string }[];
  attachments?: { contentType: string; content?: unknown; contentUrl?: string; name?: string }[];
}

export interface StoredOutbound extends OutboundDraft {
  seq: string;
  replyToId: string;
  createdAt: Date;
}

export class ConversationNotFoundError extends Error {
  readonly statusCode = 404;
  constructor(readonly conversationId: string) {
    super(`Conversation ${conversationId} not found`);
    this.name = 'ConversationNotFoundError';
  }
}

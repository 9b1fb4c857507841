// The contract between channels and Ana's mind. A channel turns its wire
// format into an InboundMessage, hands it to the TurnProcessor and renders the
// channel-neutral replies its own way (buttons on web chat, numbered options
// on WhatsApp, speech + DTMF on the phone). Channels know nothing else of the bot.
import type { Channel, ConversationStatus } from '../services/db/generated/enums.ts';

export interface ChannelUser {
  /** The user's id on that channel (web chat user id, WhatsApp JID, caller id...). */
  id: string;
  name?: string;
  phone?: string;
  email?: string;
}

export interface InboundMessage {
  channel: Channel;
  /** The conversation's id on the channel; with `conversationId` unset, it finds or creates the conversation. */
  conversationExternalId?: string;
  /** Ana's own conversation id, when the channel already knows it. */
  conversationId?: string;
  user: ChannelUser;
  /** The channel's own message id: a message seen twice is processed once. */
  channelMessageId?: string;
  text?: string;
  /** Structured input: a button's postBack value, a card submit. */
  value?: unknown;
  /** Passed through to the stored message (e.g. Direct Line's clientActivityID). */
  channelData?: Record<string, unknown>;
  receivedAt?: Date;
}

export interface SuggestedAction {
  title: string;
  value: string;
}

export interface ReplyAttachment {
  contentType: string;
  content?: unknown;
  contentUrl?: string;
  name?: string;
}

export interface Reply {
  /** Ana's stored message id of this reply. */
  id: string;
  /** Monotonic position of the message in its conversation (Direct Line watermark). */
  seq: string;
  type: 'message' | 'typing' | 'event';
  text?: string;
  /** What a voice channel should say, when it differs from the text. */
  speak?: string;
  suggestedActions?: SuggestedAction[];
  attachments?: ReplyAttachment[];
  timestamp: string;
}

export interface TurnResult {
  conversationId: string;
  status: ConversationStatus;
  /** The id and seq of the stored inbound message. */
  inbound: { id: string; seq: string; duplicate: boolean };
  replies: Reply[];
}

export interface TurnProcessor {
  handle(message: InboundMessage): Promise<TurnResult>;
}

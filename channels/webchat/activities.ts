// Direct Line activities and the mapping between them and Ana's turn contract.
// Stored messages are the source of truth: every activity a client sees (echo
// of its own message, Ana's reply, an advisor's answer) is rendered from a
// Message row, and its seq is the watermark, so replays after a reload or a
// reconnect show exactly what a live client saw.
import type { InboundMessage, Reply, SuggestedAction } from '../../bot/turn.ts';

export const BOT_ACCOUNT = { id: 'ana', name: 'Ana', role: 'bot' } as const;

export interface ChannelAccount {
  id: string;
  name?: string;
  role?: 'user' | 'bot' | 'channel';
}

export interface CardAction {
  type: 'imBack' | 'postBack' | 'messageBack' | 'openUrl';
  title: string;
  value: string;
  /** messageBack: what the user's bubble shows and the text sent along with the value. */
  displayText?: string;
  text?: string;
}

export interface DirectLineAttachment {
  contentType: string;
  content?: unknown;
  contentUrl?: string;
  name?: string;
}

export interface DirectLineActivity {
  type: string;
  id: string;
  timestamp: string;
  channelId: 'webchat';
  conversation: { id: string };
  from: ChannelAccount;
  text?: string;
  speak?: string;
  value?: unknown;
  locale?: string;
  inputHint?: 'acceptingInput' | 'expectingInput' | 'ignoringInput';
  suggestedActions?: { actions: CardAction[] };
  attachments?: DirectLineAttachment[];
  channelData?: Record<string, unknown>;
}

/** What a client posts; Direct Line lets it be loose, so only these fields are read. */
export interface PostedActivity {
  type?: string;
  text?: string;
  value?: unknown;
  locale?: string;
  from?: { id?: string; name?: string };
  channelData?: Record<string, unknown>;
}

/** The columns of a Message row this channel renders. */
export interface StoredMessage {
  id: string;
  seq: bigint;
  direction: 'inbound' | 'outbound';
  senderType: string;
  senderId: string | null;
  text: string | null;
  payload: unknown;
  createdAt: Date;
}

export function activityId(conversationId: string, seq: bigint | string): string {
  return `${conversationId}|${seq.toString().padStart(7, '0')}`;
}

/** The turn input for a posted message activity; `user` comes from the token, never from the body alone. */
export function toInboundMessage(conversationId: string, user: ChannelAccount, posted: PostedActivity): InboundMessage {
  const clientActivityID = stringOrUndefined(posted.channelData?.clientActivityID);
  const displayText = stringOrUndefined(asRecord(posted.channelData?.messageBack).displayText);
  return {
    channel: 'webchat',
    conversationExternalId: conversationId,
    user: { id: user.id, ...(user.name ? { name: user.name } : {}) },
    // The conversation prefix keeps one client's ids from colliding with another's.
    ...(clientActivityID ? { channelMessageId: `${conversationId}:${clientActivityID}` } : {}),
    ...(posted.text !== undefined ? { text: posted.text } : {}),
    ...(posted.value !== undefined ? { value: posted.value } : {}),
    // Kept with the stored message, so a replay shows the same user ids a live client saw.
    channelData: {
      ...(clientActivityID ? { clientActivityID } : {}),
      directLineUserId: user.id,
      ...(displayText ? { messageBack: { displayText } } : {}),
      ...(posted.locale ? { locale: posted.locale } : {}),
    },
  };
}

export function fromStoredMessage(conversationId: string, message: StoredMessage): DirectLineActivity {
  const payload = asRecord(message.payload);
  const base = {
    type: 'message',
    id: activityId(conversationId, message.seq),
    timestamp: message.createdAt.toISOString(),
    channelId: 'webchat' as const,
    conversation: { id: conversationId },
    ...(message.text !== null ? { text: message.text } : {}),
  };
  if (message.direction === 'inbound') {
    const channelData = asRecord(payload.channelData);
    const clientActivityID = stringOrUndefined(channelData.clientActivityID);
    const displayText = stringOrUndefined(asRecord(channelData.messageBack).displayText);
    const echoedData = { ...(clientActivityID ? { clientActivityID } : {}), ...(displayText ? { messageBack: { displayText } } : {}) };
    return {
      ...base,
      from: { id: stringOrUndefined(channelData.directLineUserId) ?? message.senderId ?? 'user', role: 'user' },
      ...(payload.value !== undefined && payload.value !== null ? { value: payload.value } : {}),
      ...(Object.keys(echoedData).length ? { channelData: echoedData } : {}),
    };
  }
  const reply = {
    type: (stringOrUndefined(payload.type) as Reply['type'] | undefined) ?? 'message',
    speak: stringOrUndefined(payload.speak),
    suggestedActions: Array.isArray(payload.suggestedActions) ? (payload.suggestedActions as Reply['suggestedActions']) : undefined,
    attachments: Array.isArray(payload.attachments) ? (payload.attachments as Reply['attachments']) : undefined,
  };
  return { ...base, type: reply.type, from: senderAccount(message, payload), ...renderReplyExtras(reply) };
}

export function typingActivity(conversationId: string, sequence: number): DirectLineActivity {
  return {
    type: 'typing',
    id: `${conversationId}|typing-${sequence}`,
    timestamp: new Date().toISOString(),
    channelId: 'webchat',
    conversation: { id: conversationId },
    from: { ...BOT_ACCOUNT },
  };
}

/**
 * A button whose value is what it says is an imBack (the value comes back as
 * the user's text). When the value is a code for Ana ("simulate_credit"), it is
 * a messageBack: the bubble shows the title, the text is the title, and the
 * value travels alongside, where Ana reads it first.
 */
export function toCardAction(action: SuggestedAction): CardAction {
  const value = action.value ?? action.title;
  if (value === action.title) return { type: 'imBack', title: action.title, value };
  return { type: 'messageBack', title: action.title, displayText: action.title, text: action.title, value };
}

function renderReplyExtras(reply: Pick<Reply, 'speak' | 'suggestedActions' | 'attachments'>): Partial<DirectLineActivity> {
  const actions = (reply.suggestedActions ?? []).filter((action) => action && typeof action.title === 'string');
  return {
    ...(reply.speak ? { speak: reply.speak } : {}),
    ...(actions.length ? { suggestedActions: { actions: actions.map(toCardAction) } } : {}),
    ...(reply.attachments?.length ? { attachments: reply.attachments } : {}),
    inputHint: actions.length ? 'expectingInput' : 'acceptingInput',
  };
}

function senderAccount(message: StoredMessage, payload: Record<string, unknown>): ChannelAccount {
  if (message.senderType === 'advisor') {
    const name = stringOrUndefined(payload.senderName) ?? stringOrUndefined(payload.advisorName) ?? 'Asesor Club Cash In';
    return { id: `advisor:${message.senderId ?? 'team'}`, name, role: 'bot' };
  }
  return { ...BOT_ACCOUNT };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

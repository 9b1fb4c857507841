// The turn pipeline behind every channel (see bot/turn.ts):
//   inbound stored first (deduplicated) → the conversation's turn lease →
//   every unanswered inbound message of the conversation, in seq order, through
//   the bot → replies stored with the inbound marked processed → lease released.
// Whichever worker (of any app instance) holds the lease answers all waiting
// messages in order; each caller then returns the replies to its own message.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import { loadBusinessConfig, type BusinessConfig } from '../services/config/business.ts';
import {
  acquireTurnLease,
  createConversation,
  findOrCreateByExternalId,
  finishTurn,
  handOffConversation,
  recordInbound,
  releaseTurnLease,
  repliesTo,
  setContactFirstName,
  type ChannelUserInfo,
  type LeasedConversation,
  type StoredInbound,
  type StoredOutbound,
} from '../services/conversations/index.ts';
import type { Database } from '../services/db/database.ts';
import type { Channel, ConversationStatus } from '../services/db/generated/enums.ts';
import { AnaBot } from './ana-bot.ts';
import type { Nlu } from './nlu/index.ts';
import { sharedNlu } from './nlu-instance.ts';
import { InProcessAdapter } from './runtime/adapter.ts';
import { KeyedQueue } from './runtime/key-queue.ts';
import { PostgresStorage } from './runtime/storage.ts';
import { texts } from './texts.ts';
import type { BotServices, ConversationTurnInfo } from './turn-info.ts';
import { setTurnInfo } from './turn-info.ts';
import type { InboundMessage, Reply, TurnProcessor, TurnResult } from './turn.ts';

export interface TurnProcessorOptions {
  db: Pick<Database, 'prisma' | 'pool'>;
  logger: Logger;
  /** Zone relative dates are read in. Default America/Mexico_City. */
  timeZone?: string;
  business?: BusinessConfig;
  nlu?: Nlu;
  /** Seconds a turn lease lasts before another instance may take it over. */
  leaseSeconds?: number;
  /** The business services and the knowledge base behind the handlers (see bot/shared-processor.ts). */
  backOffice?: BotServices['backOffice'];
  knowledge?: BotServices['knowledge'];
  clock?: BotServices['clock'];
}

export interface ConversationTurnProcessor extends TurnProcessor {
  /** Creates a conversation for a channel user (REST hands its id to the integrator). */
  startConversation(channel: Channel, user: ChannelUserInfo, externalId?: string): Promise<{ id: string; status: ConversationStatus }>;
  /** Waits for the turns in flight; call before closing the database. */
  close(): Promise<void>;
}

interface Answer {
  replies: StoredOutbound[];
  status: ConversationStatus;
}

const DELIVERED_IN_RESPONSE: ReadonlySet<Channel> = new Set(['rest', 'webchat']);

export function createTurnProcessor(options: TurnProcessorOptions): ConversationTurnProcessor {
  const { db, logger } = options;
  const pool = db.pool;
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseSeconds = options.leaseSeconds ?? 30;
  const business = options.business ?? loadBusinessConfig();
  const timeZone = options.timeZone ?? business.timeZone;
  const adapter = new InProcessAdapter();
  const bot = new AnaBot({
    // Trained on the first turn, not at start-up: registering the module stays instant.
    nlu: options.nlu ?? { parse: (text, parseOptions) => sharedNlu().parse(text, parseOptions) },
    storage: new PostgresStorage(pool),
    services: {
      business,
      timeZone,
      handOff: (conversationId, request) => handOffConversation(pool, conversationId, request),
      rememberFirstName: (contactId, firstName) => setContactFirstName(db.prisma, contactId, firstName),
      backOffice: options.backOffice,
      knowledge: options.knowledge,
      clock: options.clock,
    },
  });
  const queue = new KeyedQueue();
  const byExternalId = new Map<string, string>();
  /** Answers for inbound messages whose caller waits in this process. */
  const answers = new Map<string, Answer>();
  const awaited = new Set<string>();
  let closed = false;

  async function conversationIdOf(message: InboundMessage): Promise<string> {
    if (message.conversationId) return message.conversationId;
    if (!message.conversationExternalId) throw new Error('An inbound message needs conversationId or conversationExternalId');
    const key = `${message.channel}:${message.conversationExternalId}`;
    const known = byExternalId.get(key);
    if (known) return known;
    const conversation = await findOrCreateByExternalId(db.prisma, message.channel, message.conversationExternalId, message.user);
    byExternalId.set(key, conversation.id);
    return conversation.id;
  }

  async function acquire(conversationId: string): Promise<LeasedConversation> {
    for (let attempt = 0; ; attempt++) {
      const leased = await acquireTurnLease(pool, conversationId, owner, leaseSeconds);
      if (leased) return leased;
      // Another instance is answering this conversation: back off briefly (with jitter) and retry.
      await sleep(Math.min(2 ** attempt, 40) + Math.random() * 5);
    }
  }

  async function runBot(conversation: LeasedConversation, channel: Channel, inbound: StoredInbound, info: ConversationTurnInfo) {
    const activity = {
      type: 'message',
      id: inbound.id,
      channelId: channel,
      serviceUrl: 'inprocess://ana',
      conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: conversation.contactId ?? `anonymous:${conversation.id}`, role: 'user', name: '' },
      recipient: { id: 'ana', role: 'bot', name: 'Ana' },
      text: inbound.text ?? undefined,
      value: inbound.value,
      locale: 'es-MX',
      timestamp: inbound.createdAt,
    };
    return adapter.runTurn(activity, async (context) => {
      setTurnInfo(context, info);
      await bot.run(context);
    });
  }

  /** Answers every waiting message of the conversation under its lease; returns the status it ended with. */
  async function drain(conversationId: string, channel: Channel): Promise<ConversationStatus> {
    let status: ConversationStatus = 'bot';
    for (;;) {
      const conversation = await acquire(conversationId);
      const info: ConversationTurnInfo = {
        conversationId,
        channel,
        contactId: conversation.contactId,
        firstName: conversation.contactFirstName,
        status: conversation.status,
        receivedAt: new Date(),
      };
      let waiting = 0;
      try {
        for (const inbound of conversation.pending) await answerOne(conversation, channel, inbound, info);
      } finally {
        status = info.status;
        waiting = await releaseTurnLease(pool, conversationId, owner);
      }
      if (waiting === 0) return status;
    }
  }

  async function answerOne(conversation: LeasedConversation, channel: Channel, inbound: StoredInbound, info: ConversationTurnInfo): Promise<void> {
    let drafts: Awaited<ReturnType<typeof runBot>> = [];
    let failure: string | undefined;
    // In handoff the bot stays silent: the message is kept for the advisor, no reply is produced.
    if (info.status === 'bot') {
      info.receivedAt = inbound.createdAt;
      try {
        drafts = await runBot(conversation, channel, inbound, info);
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
        logger.error({ err: error, conversationId: conversation.id, messageId: inbound.id }, 'turn failed');
        drafts = [{ id: randomUUID(), type: 'message', text: texts.somethingFailed }];
      }
    }
    const replies = await finishTurn(pool, {
      conversationId: conversation.id,
      channel,
      inboundId: inbound.id,
      replies: drafts,
      inboundStatus: failure ? 'failed' : 'processed',
      error: failure,
      outboundStatus: DELIVERED_IN_RESPONSE.has(channel) ? 'sent' : 'pending',
    });
    if (awaited.has(inbound.id)) answers.set(inbound.id, { replies, status: info.status });
  }

  async function handle(message: InboundMessage): Promise<TurnResult> {
    if (closed) throw new Error('The turn processor is closed');
    const conversationId = await conversationIdOf(message);
    const { message: inbound, duplicate } = await recordInbound(pool, {
      conversationId,
      channel: message.channel,
      channelMessageId: message.channelMessageId,
      text: message.text,
      value: message.value,
      channelData: message.channelData,
      receivedAt: message.receivedAt,
    });
    let status: ConversationStatus | undefined;
    awaited.add(inbound.id);
    try {
      if (inbound.status === 'received') {
        status = await queue.run(conversationId, async () => (answers.has(inbound.id) ? undefined : drain(conversationId, message.channel)));
      }
      const answer = answers.get(inbound.id);
      const replies = answer?.replies ?? (await repliesTo(pool, conversationId, [inbound.id])).get(inbound.id) ?? [];
      return {
        conversationId,
        status: answer?.status ?? status ?? (await currentStatus(conversationId)),
        inbound: { id: inbound.id, seq: inbound.seq, duplicate },
        replies: replies.map(toReply),
      };
    } finally {
      awaited.delete(inbound.id);
      answers.delete(inbound.id);
    }
  }

  async function currentStatus(conversationId: string): Promise<ConversationStatus> {
    const { rows } = await pool.query<{ status: ConversationStatus }>(`SELECT status FROM "Conversation" WHERE id = $1`, [conversationId]);
    return rows[0]?.status ?? 'closed';
  }

  return {
    handle,
    async startConversation(channel, user, externalId) {
      const conversation = await createConversation(db.prisma, channel, user, externalId);
      return { id: conversation.id, status: conversation.status };
    },
    async close() {
      closed = true;
      await queue.idle();
    },
  };
}

function toReply(stored: StoredOutbound): Reply {
  return {
    id: stored.id,
    seq: stored.seq,
    type: stored.type,
    ...(stored.text !== undefined ? { text: stored.text } : {}),
    ...(stored.speak ? { speak: stored.speak } : {}),
    ...(stored.suggestedActions ? { suggestedActions: stored.suggestedActions } : {}),
    ...(stored.attachments ? { attachments: stored.attachments } : {}),
    timestamp: stored.createdAt.toISOString(),
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

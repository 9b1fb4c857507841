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
  completeTurn,
  createConversation,
  findOrCreateByExternalId,
  handOffConversation,
  InboundBatcher,
  releaseTurnLease,
  repliesTo,
  setContactFirstName,
  takeTurn,
  type BotStateSnapshot,
  type ChannelUserInfo,
  type InboundRecord,
  type LeasedConversation,
  type StateWrite,
  type StoredInbound,
  type StoredOutbound,
  type TakenTurn,
} from '../services/conversations/index.ts';
import type { Database } from '../services/db/database.ts';
import type { Channel, ConversationStatus } from '../services/db/generated/enums.ts';
import { AnaBot } from './ana-bot.ts';
import type { Nlu } from './nlu/index.ts';
import { sharedNlu } from './nlu-instance.ts';
import { InProcessAdapter } from './runtime/adapter.ts';
import { KeyedQueue } from './runtime/key-queue.ts';
import { Slots } from './runtime/slots.ts';
import { conversationStateKey } from './runtime/state.ts';
import { StaleStateError } from './runtime/storage.ts';
import { TurnStateStorage } from './runtime/turn-storage.ts';
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
  /**
   * Turns that may run at once (the rest wait in memory, their message already
   * stored): keeps the queue in front of the database short. Default 16.
   */
  turnsInFlight?: number;
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
  const storage = new TurnStateStorage(pool);
  const bot = new AnaBot({
    // Trained here, while the app registers its modules (before it listens and says ready):
    // trained on the first turn instead, it blocked every conversation for seconds.
    nlu: options.nlu ?? sharedNlu(),
    storage,
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
  const slots = new Slots(options.turnsInFlight ?? 16);
  const inboundBatcher = new InboundBatcher(pool);
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

  /**
   * Takes the turn lease (storing `arrival` first, in the same statement);
   * null when `arrival` turned out to be a duplicate (nothing stored, no lease).
   */
  async function take(conversationId: string, stateKey: string, arrival?: InboundRecord & { id: string }): Promise<(TakenTurn & { lease: LeasedConversation }) | null> {
    let stored: StoredInbound | null = null;
    for (let attempt = 0; ; attempt++) {
      const inbound = attempt === 0 ? arrival : undefined;
      const taken = await takeTurn(pool, { conversationId, owner, leaseSeconds, inbound, stateKey, knownETag: storage.knownETag(stateKey) });
      if (inbound && !taken.stored) return null;
      stored ??= taken.stored;
      if (taken.lease) return { ...taken, lease: taken.lease, stored };
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

  /**
   * Answers every waiting message of the conversation under its lease, storing
   * `arrival` first when given; returns the status it ended with and the stored
   * arrival, or null when `arrival` was a duplicate (then nothing was done).
   */
  async function drain(conversationId: string, channel: Channel, arrival?: InboundRecord & { id: string }): Promise<{ status: ConversationStatus; arrived: StoredInbound | null } | null> {
    const stateKey = conversationStateKey(channel, conversationId);
    let first = arrival;
    let arrived: StoredInbound | null = null;
    for (;;) {
      const taken = await take(conversationId, stateKey, first);
      if (!taken) return null;
      if (first) arrived = taken.stored;
      first = undefined;
      const conversation = taken.lease;
      const info: ConversationTurnInfo = {
        conversationId,
        channel,
        contactId: conversation.contactId,
        firstName: conversation.contactFirstName,
        status: conversation.status,
        receivedAt: new Date(),
      };
      let state = taken.state;
      let waiting = 0;
      try {
        for (const [index, inbound] of conversation.pending.entries()) {
          const last = index === conversation.pending.length - 1;
          ({ state, waiting } = await answerOne({ conversation, channel, inbound, info, stateKey, state, last }));
        }
        if (conversation.pending.length === 0) waiting = await releaseTurnLease(pool, conversationId, owner);
      } catch (error) {
        // The lease must not outlive a failed round trip (another worker would wait for it to expire).
        storage.forget(stateKey);
        await releaseTurnLease(pool, conversationId, owner).catch(() => 0);
        throw error;
      }
      if (waiting === 0) return { status: info.status, arrived };
    }
  }

  interface Answering {
    conversation: LeasedConversation;
    channel: Channel;
    inbound: StoredInbound;
    info: ConversationTurnInfo;
    stateKey: string;
    state: BotStateSnapshot | null;
    /** The last message of the batch: the lease goes back with its statement. */
    last: boolean;
  }

  /** Runs the bot on one message and stores everything it left in one statement; returns the state it left. */
  async function answerOne({ conversation, channel, inbound, info, stateKey, state, last }: Answering): Promise<{ state: BotStateSnapshot | null; waiting: number }> {
    let drafts: Awaited<ReturnType<typeof runBot>> = [];
    let failure: string | undefined;
    let stateWrite: StateWrite | undefined;
    // In handoff the bot stays silent: the message is kept for the advisor, no reply is produced.
    if (info.status === 'bot') {
      info.receivedAt = inbound.createdAt;
      storage.begin(stateKey, state);
      try {
        drafts = await runBot(conversation, channel, inbound, info);
        stateWrite = storage.finish(stateKey);
      } catch (error) {
        storage.finish(stateKey);
        storage.forget(stateKey);
        failure = error instanceof Error ? error.message : String(error);
        logger.error({ err: error, conversationId: conversation.id, messageId: inbound.id }, 'turn failed');
        drafts = [{ id: randomUUID(), type: 'message', text: texts.somethingFailed }];
      }
    }
    const completion = {
      conversationId: conversation.id,
      channel,
      inboundId: inbound.id,
      outboundStatus: DELIVERED_IN_RESPONSE.has(channel) ? ('sent' as const) : ('pending' as const),
      releaseFor: last ? owner : undefined,
    };
    let done = await completeTurn(pool, { ...completion, replies: drafts, inboundStatus: failure ? 'failed' : 'processed', error: failure, state: stateWrite });
    if (stateWrite && done.written) {
      storage.written(stateWrite);
      state = { eTag: stateWrite.newETag, json: stateWrite.json };
    } else if (!done.written) {
      // Someone else saved the state since it was read (eTag mismatch): nothing of the turn was stored.
      const error = new StaleStateError(stateKey);
      logger.error({ err: error, conversationId: conversation.id, messageId: inbound.id }, 'turn failed');
      storage.forget(stateKey);
      state = null;
      drafts = [{ id: randomUUID(), type: 'message', text: texts.somethingFailed }];
      done = await completeTurn(pool, { ...completion, replies: drafts, inboundStatus: 'failed', error: error.message });
    }
    if (awaited.has(inbound.id)) answers.set(inbound.id, { replies: done.replies, status: info.status });
    return { state, waiting: done.waiting };
  }

  async function handle(message: InboundMessage): Promise<TurnResult> {
    if (closed) throw new Error('The turn processor is closed');
    const conversationId = await conversationIdOf(message);
    const record: InboundRecord = {
      conversationId,
      channel: message.channel,
      channelMessageId: message.channelMessageId,
      text: message.text,
      value: message.value,
      channelData: message.channelData,
      receivedAt: message.receivedAt,
    };
    // Fast path: nothing of this conversation is in flight here and a slot is free, so the
    // inbound is stored by the very statement that takes the lease.
    if (!queue.busy(conversationId) && slots.tryTake()) {
      const arrival = { ...record, id: randomUUID() };
      awaited.add(arrival.id);
      try {
        const drained = await queue.run(conversationId, () => drain(conversationId, message.channel, arrival)).finally(() => slots.give());
        if (drained?.arrived) return await result(conversationId, arrival.id, { id: arrival.id, seq: drained.arrived.seq, duplicate: false }, drained.status);
      } finally {
        awaited.delete(arrival.id);
        answers.delete(arrival.id);
      }
    }
    // Otherwise the inbound is stored first (with the others arriving meanwhile), then waits its turn in memory.
    const { message: inbound, duplicate } = await inboundBatcher.record(record);
    let status: ConversationStatus | undefined;
    awaited.add(inbound.id);
    try {
      if (inbound.status === 'received') {
        status = await queue.run(conversationId, async () => {
          if (answers.has(inbound.id)) return undefined;
          await slots.take();
          try {
            return (await drain(conversationId, message.channel))?.status;
          } finally {
            slots.give();
          }
        });
      }
      return await result(conversationId, inbound.id, { id: inbound.id, seq: inbound.seq, duplicate }, status);
    } finally {
      awaited.delete(inbound.id);
      answers.delete(inbound.id);
    }
  }

  async function result(conversationId: string, inboundId: string, inbound: TurnResult['inbound'], status?: ConversationStatus): Promise<TurnResult> {
    const answer = answers.get(inboundId);
    const replies = answer?.replies ?? (await repliesTo(pool, conversationId, [inboundId])).get(inboundId) ?? [];
    return {
      conversationId,
      status: answer?.status ?? status ?? (await currentStatus(conversationId)),
      inbound,
      replies: replies.map(toReply),
    };
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

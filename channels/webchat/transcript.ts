// Reading a web chat conversation back from the database: the Message rows
// after a watermark (the last seq the client saw), rendered as activities.
// The conversation row appears with the first message (the turn pipeline
// finds or creates it by the Direct Line id), so "no row" is an empty history.
import type { PrismaClient } from '../../services/db/database.ts';
import { fromStoredMessage, type DirectLineActivity } from './activities.ts';

export interface ActivityPage {
  activities: DirectLineActivity[];
  /** The seq of the last activity included, or the watermark asked for when nothing is new. */
  watermark: string;
  /** More rows wait after this page. */
  more: boolean;
}

export interface Transcript {
  after(conversationId: string, watermark: string | undefined): Promise<ActivityPage>;
  /** `none` until the first message is stored; a closed conversation is over for Direct Line too (404). */
  state(conversationId: string): Promise<'none' | 'open' | 'closed'>;
}

const PAGE_SIZE = 200;

export function createTranscript(prisma: PrismaClient): Transcript {
  const findConversation = (externalId: string) =>
    prisma.conversation.findUnique({ where: { channel_externalId: { channel: 'webchat', externalId } }, select: { id: true, status: true } });

  return {
    async after(conversationId, watermark) {
      const from = parseWatermark(watermark);
      const conversation = await findConversation(conversationId);
      if (!conversation) return { activities: [], watermark: from.toString(), more: false };
      const rows = await prisma.message.findMany({
        where: { conversationId: conversation.id, seq: { gt: from } },
        orderBy: { seq: 'asc' },
        take: PAGE_SIZE + 1,
        select: { id: true, seq: true, direction: true, senderType: true, senderId: true, text: true, payload: true, createdAt: true },
      });
      const page = rows.slice(0, PAGE_SIZE);
      const last = page.at(-1);
      return {
        activities: page.map((row) => fromStoredMessage(conversationId, row)),
        watermark: (last ? last.seq : from).toString(),
        more: rows.length > PAGE_SIZE,
      };
    },
    async state(conversationId) {
      const conversation = await findConversation(conversationId);
      if (!conversation) return 'none';
      return conversation.status === 'closed' ? 'closed' : 'open';
    },
  };
}

/** Watermarks are the seq we handed out; anything else means "from the start". */
export function parseWatermark(watermark: string | undefined): bigint {
  return watermark && /^\d{1,19}$/.test(watermark) ? BigInt(watermark) : 0n;
}

// The whole app on an in-memory database seeded for a fixed day, with the
// knowledge base and the conversation API over a turn processor whose business
// clock is that day: loan figures, locks and call-backs do not depend on when
// the tests run.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureModule } from '../../../app/context.ts';
import { startAna, type RunningAna } from '../../../app/start.ts';
import { createAppTurnProcessor } from '../../../bot/shared-processor.ts';
import type { ConversationTurnProcessor } from '../../../bot/turn-processor.ts';
import type { Reply } from '../../../bot/turn.ts';
import { registerConversationRoutes } from '../../../channels/rest/routes.ts';
import { createKnowledgeModule } from '../../../knowledge/module.ts';
import { seedDatabase } from '../../../prisma/seed/index.ts';
import { loadConfig } from '../../../services/config/env.ts';
import { conversationClient, type ConversationClient } from '../rest/harness.ts';

/** Wednesday 11 June 2025, 10:30 in Mexico City: advisors are working. */
export const NOW = new Date('2025-06-11T16:30:00Z');

export type { ReplyBody, TurnBody } from '../rest/harness.ts';

export interface BusinessHarness extends ConversationClient {
  ana: RunningAna;
  processor: ConversationTurnProcessor;
  /** A WhatsApp message from a sender number (the channel's identity, not typed). */
  whatsapp(senderNumber: string, text: string): Promise<{ text: string; replies: Reply[] }>;
  stop(): Promise<void>;
}


export async function startBusinessHarness(): Promise<BusinessHarness> {
  let processor: ConversationTurnProcessor | undefined;
  const conversations: FeatureModule = {
    name: 'conversations (fixed clock)',
    async register(app, context) {
      processor = createAppTurnProcessor(context, { clock: () => NOW });
      const running = processor;
      app.addHook('onClose', async () => running.close());
      registerConversationRoutes(app, { processor, db: context.db, verifyToken: context.verifyToken });
    },
  };
  const ana = await startAna({
    config: loadConfig({ LOG_LEVEL: 'silent', ANA_DATA_DIR: mkdtempSync(join(tmpdir(), 'ana-business-')) }),
    inMemory: true,
    seed: false,
    listen: false,
    modules: [createKnowledgeModule(), conversations],
  });
  await seedDatabase(ana.context.db.prisma, { pii: ana.context.pii, now: NOW, log: () => {} });
  const harness: BusinessHarness = {
    ana,
    processor: processor!,
    ...(await conversationClient(ana, 'business-user')),
    async whatsapp(senderNumber, text) {
      const jid = `${senderNumber.replace(/\D/g, '')}@s.whatsapp.net`;
      const result = await processor!.handle({ channel: 'whatsapp', conversationExternalId: jid, user: { id: jid }, text });
      return { text: result.replies.map((reply) => reply.text ?? '').join('\n'), replies: result.replies };
    },
    stop: () => ana.stop(),
  };
  return harness;
}

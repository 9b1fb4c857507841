// One turn processor per running app, shared by every channel module (REST,
// web chat, WhatsApp, phone): whichever module asks first creates it, so the
// order of modules in app/modules.ts does not matter. Here the bot gets its
// business services (bound to the database and the PII cipher) and the
// knowledge base.
import type { AppContext } from '../app/context.ts';
import { knowledgeBaseOf } from '../knowledge/module.ts';
import { loadBusinessConfig } from '../services/config/business.ts';
import { createBackOffice } from './back-office/index.ts';
import { createTurnProcessor, type ConversationTurnProcessor } from './turn-processor.ts';

const processors = new WeakMap<AppContext['db'], ConversationTurnProcessor>();

export function turnProcessorFor(context: AppContext): ConversationTurnProcessor {
  let processor = processors.get(context.db);
  if (!processor) {
    processor = createAppTurnProcessor(context);
    processors.set(context.db, processor);
  }
  return processor;
}

/** A turn processor wired to the app's services; tests may fix the clock. */
export function createAppTurnProcessor(context: AppContext, options: { clock?: () => Date } = {}): ConversationTurnProcessor {
  const business = loadBusinessConfig();
  const timeZone = context.config.customerTimeZone;
  return createTurnProcessor({
    db: context.db,
    logger: context.logger,
    timeZone,
    business,
    backOffice: createBackOffice({ prisma: context.db.prisma, pii: context.pii, business, timeZone }),
    knowledge: knowledgeBaseOf(context),
    ...(options.clock ? { clock: options.clock } : {}),
  });
}

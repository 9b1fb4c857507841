// One turn processor per running app, shared by every channel module (REST,
// web chat, WhatsApp, phone): whichever module asks first creates it, so the
// order of modules in app/modules.ts does not matter.
import type { AppContext } from '../app/context.ts';
import { createTurnProcessor, type ConversationTurnProcessor } from './turn-processor.ts';

const processors = new WeakMap<AppContext['db'], ConversationTurnProcessor>();

export function turnProcessorFor(context: Pick<AppContext, 'db' | 'logger' | 'config'>): ConversationTurnProcessor {
  let processor = processors.get(context.db);
  if (!processor) {
    processor = createTurnProcessor({ db: context.db, logger: context.logger, timeZone: context.config.customerTimeZone });
    processors.set(context.db, processor);
  }
  return processor;
}

// The web chat module as Ana runs it: turns go to the one shared turn
// processor, the same one the REST conversation API uses.
import { turnProcessorFor } from '../../bot/shared-processor.ts';
import { createWebchatModule } from './index.ts';

export const webchatModule = createWebchatModule({ turns: (context) => turnProcessorFor(context) });

// The REST channel as a feature module: the conversation API and the NLU parse
// endpoint, over the turn processor shared by all channels.
import type { FeatureModule } from '../../app/context.ts';
import { turnProcessorFor } from '../../bot/shared-processor.ts';
import { registerNluRoutes } from './nlu-routes.ts';
import { registerConversationRoutes } from './routes.ts';

export const conversationModule: FeatureModule = {
  name: 'conversations',
  async register(app, context) {
    const processor = turnProcessorFor(context);
    // Per app instance (the module object is shared by every app in the process): when the
    // app closes, in-flight requests have finished; wait for turns still draining.
    app.addHook('onClose', async () => processor.close());
    registerConversationRoutes(app, { processor, db: context.db, verifyToken: context.verifyToken });
    registerNluRoutes(app, { verifyToken: context.verifyToken, timeZone: context.config.customerTimeZone });
  },
};

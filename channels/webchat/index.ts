// The web chat channel as a feature module: the Direct Line 3.0 endpoint at
// /v3/directline and the landing page with Microsoft's Web Chat at /.
import type { TurnProcessor } from '../../bot/turn.ts';
import type { AppContext, FeatureModule } from '../../app/context.ts';
import type { App } from '../../services/http/app.ts';
import { directLineRoutes } from './directline.ts';
import { ConversationHub } from './hub.ts';
import { landingRoutes } from './landing.ts';
import { DirectLineCredentials, resolveDirectLineSecret } from './tokens.ts';
import { createTranscript } from './transcript.ts';

export interface WebchatOptions {
  /** Where turns go; asked lazily, on the first message, so the module order does not matter. */
  turns(context: AppContext): TurnProcessor | Promise<TurnProcessor>;
  /** Serve the landing page at / (default true). */
  landing?: boolean;
  /** Overrides DIRECTLINE_SECRET and the secret file (tests). */
  secret?: string;
}

export function createWebchatModule(options: WebchatOptions): FeatureModule {
  const hub = new ConversationHub();
  return {
    name: 'webchat',
    async register(app: App, context: AppContext) {
      const secret = options.secret ?? resolveDirectLineSecret(context.config.dataDir);
      let turns: Promise<TurnProcessor> | undefined;
      await app.register(
        async (scope) =>
          directLineRoutes(scope as App, {
            credentials: new DirectLineCredentials(secret),
            transcript: createTranscript(context.db.prisma),
            hub,
            turns: () => (turns ??= Promise.resolve(options.turns(context))),
            publicUrl: context.config.publicUrl,
          }),
        { prefix: '/v3/directline' },
      );
      if (options.landing !== false) await app.register(async (scope) => landingRoutes(scope as App));
    },
    async close() {
      hub.close();
    },
  };
}

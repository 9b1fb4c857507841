// Starts the whole app in-process on an in-memory database and talks to the
// conversation API the way an integrator does.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAna, type RunningAna } from '../../../app/start.ts';
import type { FeatureModule } from '../../../app/context.ts';
import type { Nlu } from '../../../bot/nlu/index.ts';
import { createTurnProcessor } from '../../../bot/turn-processor.ts';
import { conversationModule } from '../../../channels/rest/index.ts';
import { registerConversationRoutes } from '../../../channels/rest/routes.ts';
import { createApiToken } from '../../../services/auth/tokens.ts';
import { loadConfig } from '../../../services/config/env.ts';

export interface ReplyBody {
  type: string;
  text?: string;
  suggestedActions?: { title: string; value: string }[];
  attachments?: { contentType: string; content?: unknown; contentUrl?: string; name?: string }[];
}

export interface TurnBody {
  replies: ReplyBody[];
  conversation: { id: string; status: 'bot' | 'handoff' | 'closed' };
}

/** The conversation API as an integrator calls it, with an admin token. */
export interface ConversationClient {
  token: string;
  start(user?: { id?: string; name?: string; phone?: string; email?: string }): Promise<string>;
  send(conversationId: string, message: { text?: string; value?: unknown; messageId?: string }): Promise<TurnBody>;
  /** The replies' texts joined, for readable assertions. */
  say(conversationId: string, text: string): Promise<string>;
}

export interface ApiHarness extends ConversationClient {
  ana: RunningAna;
  stop(): Promise<void>;
}

let users = 0;

export async function conversationClient(ana: RunningAna, userPrefix = 'user'): Promise<ConversationClient> {
  const { token } = await createApiToken(ana.context.db.prisma, { name: 'test', role: 'admin' });
  const headers = { authorization: `Bearer ${token}` };
  const client: ConversationClient = {
    token,
    async start(user = {}) {
      const response = await ana.app.inject({ method: 'POST', url: '/v1/conversations', headers, payload: { user: { id: `${userPrefix}-${++users}`, ...user } } });
      if (response.statusCode !== 201) throw new Error(`start failed: ${response.statusCode} ${response.body}`);
      return (response.json() as { id: string }).id;
    },
    async send(conversationId, message) {
      const response = await ana.app.inject({ method: 'POST', url: `/v1/conversations/${conversationId}/messages`, headers, payload: message });
      if (response.statusCode !== 200) throw new Error(`send failed: ${response.statusCode} ${response.body}`);
      return response.json() as TurnBody;
    },
    async say(conversationId, text) {
      const body = await client.send(conversationId, { text });
      return body.replies.map((reply) => reply.text ?? '').join('\n');
    },
  };
  return client;
}

/** The REST channel over a processor with a given NLU, for behaviour that must not depend on the trained model. */
function conversationModuleWith(nlu: Nlu): FeatureModule {
  return {
    name: 'conversations (test NLU)',
    async register(app, context) {
      const processor = createTurnProcessor({ db: context.db, logger: context.logger, nlu });
      app.addHook('onClose', async () => processor.close());
      registerConversationRoutes(app, { processor, db: context.db, verifyToken: context.verifyToken });
    },
  };
}

export async function startApiHarness(options: { nlu?: Nlu } = {}): Promise<ApiHarness> {
  const ana = await startAna({
    config: loadConfig({ LOG_LEVEL: 'silent', ANA_DATA_DIR: mkdtempSync(join(tmpdir(), 'ana-rest-')) }),
    inMemory: true,
    seed: false,
    listen: false,
    // Only the conversation feature: these tests must not depend on other modules' start-up.
    modules: [options.nlu ? conversationModuleWith(options.nlu) : conversationModule],
  });
  const harness: ApiHarness = {
    ana,
    ...(await conversationClient(ana)),
    stop: () => ana.stop(),
  };
  return harness;
}

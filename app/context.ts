// What every feature module receives when Ana starts: configuration, logger,
// database, PII cipher and job queue, created once in app/start.ts.
import type { Logger } from 'pino';
import type { AppConfig } from '../services/config/env.ts';
import type { Database } from '../services/db/database.ts';
import type { TokenVerifier } from '../services/http/auth.ts';
import type { App } from '../services/http/app.ts';
import type { JobQueue } from '../services/jobs/queue.ts';
import type { PiiCipher } from '../services/security/pii.ts';

export interface AppContext {
  config: AppConfig;
  logger: Logger;
  db: Database;
  pii: PiiCipher;
  jobs: JobQueue;
  verifyToken: TokenVerifier;
}

/** A feature (a channel, the knowledge base, staff routes...) plugged into the running app. */
export interface FeatureModule {
  name: string;
  register(app: App, context: AppContext): Promise<void>;
  /** Called on shutdown, before the database closes. */
  close?(): Promise<void>;
}

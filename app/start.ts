// Starting and stopping Ana: configuration → database (migrated, seeded on
// first start of an empty embedded database) → HTTP app with every feature →
// listen. Stopping reverses it so the embedded data is never left half-written.
import type { Logger } from 'pino';
import { seedDatabase } from '../prisma/seed/index.ts';
import { createTokenVerifier, ensureAdminToken } from '../services/auth/tokens.ts';
import type { AppConfig } from '../services/config/env.ts';
import { openDatabase, type Database } from '../services/db/database.ts';
import { migrate } from '../services/db/migrator.ts';
import { buildHttpApp, type App } from '../services/http/app.ts';
import { meRoutes } from '../services/http/me.ts';
import { createBullmqQueue } from '../services/jobs/bullmq.ts';
import { createInlineQueue } from '../services/jobs/inline.ts';
import type { JobQueue } from '../services/jobs/queue.ts';
import { createLogger } from '../services/logging/logger.ts';
import { resolvePiiKey } from '../services/security/keys.ts';
import { createPiiCipher } from '../services/security/pii.ts';
import type { AppContext, FeatureModule } from './context.ts';
import { featureModules } from './modules.ts';

export interface RunningAna {
  app: App;
  context: AppContext;
  url: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  config: AppConfig;
  logger?: Logger;
  /** Keep the embedded database in memory (tests). */
  inMemory?: boolean;
  /** Seed an empty database (default: only the embedded one). */
  seed?: boolean;
  modules?: FeatureModule[];
  listen?: boolean;
}

export async function startAna(options: StartOptions): Promise<RunningAna> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const pii = createPiiCipher(resolvePiiKey(config));

  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: options.inMemory ? undefined : config.dataDir,
    embeddedPort: config.embeddedDbPort,
  });
  logger.info({ engine: db.engine }, config.databaseUrl ? 'connected to Postgres' : 'embedded Postgres (PGlite + pgvector) started');

  let jobs: JobQueue | undefined;
  let app: App | undefined;
  const modules = options.modules ?? featureModules;
  try {
    const report = await migrate(db.url, { log: (line) => logger.info(line) });
    logger.info({ applied: report.applied.length, alreadyApplied: report.alreadyApplied.length }, 'migrations up to date');
    if (options.seed ?? !config.databaseUrl) await seedIfEmpty(db, pii, logger);
    if (config.adminToken) await ensureAdminToken(db.prisma, config.adminToken);

    jobs = config.redisUrl ? createBullmqQueue(config.redisUrl, { logger }) : createInlineQueue(logger);
    const context: AppContext = { config, logger, db, pii, jobs, verifyToken: createTokenVerifier(db.prisma) };
    app = await buildHttpApp({ config, db, logger });
    await app.register(meRoutes, { verifyToken: context.verifyToken });
    for (const module of modules) {
      await app.register(async (scope) => module.register(scope as App, context));
    }
    await app.ready();
    const url = options.listen === false ? '' : await app.listen({ port: config.port, host: config.host });
    if (url) logger.info({ url }, 'Ana is listening');

    const startedApp = app;
    const startedJobs = jobs;
    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        logger.info('stopping: no new requests, finishing the ones in flight');
        await startedApp.close();
        for (const module of modules) await module.close?.();
        await startedJobs.close();
        await db.close();
        logger.info('stopped cleanly');
      })());
    return { app, context, url, stop };
  } catch (error) {
    await app?.close().catch(() => {});
    await jobs?.close().catch(() => {});
    await db.close().catch(() => {});
    throw error;
  }
}

async function seedIfEmpty(db: Database, pii: ReturnType<typeof createPiiCipher>, logger: Logger): Promise<void> {
  const [users, priceGuide] = await Promise.all([db.prisma.user.count(), db.prisma.vehiclePriceGuide.count()]);
  if (users > 0 || priceGuide > 0) return;
  logger.info('empty database: seeding demo data');
  const summary = await seedDatabase(db.prisma, { pii, log: (line) => logger.info(line) });
  logger.info(summary, 'seed finished');
}

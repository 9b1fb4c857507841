// The `ana` command. Commands other than `start` also work while Ana is
// running on the embedded database: they reach it through the running
// instance's loopback Postgres port instead of opening the files twice.
import { Command, InvalidArgumentError } from 'commander';
import { seedDatabase } from '../prisma/seed/index.ts';
import { createApiToken, revokeApiToken } from '../services/auth/tokens.ts';
import { createUser, USER_ROLES } from '../services/auth/users.ts';
import { ConfigError, loadConfig, type AppConfig } from '../services/config/env.ts';
import { openDatabase, type Database } from '../services/db/database.ts';
import { migrate, MigrationError } from '../services/db/migrator.ts';
import type { UserRole } from '../services/db/generated/enums.ts';
import { resolvePiiKey } from '../services/security/keys.ts';
import { createPiiCipher } from '../services/security/pii.ts';
import { startAna } from './start.ts';

const program = new Command('ana').description('Ana, the conversational front door of Club Cash In').showHelpAfterError();

program
  .command('start')
  .description('start Ana (HTTP API, web chat, consoles); migrates and, on an empty embedded database, seeds')
  .action(async () => {
    const running = await startAna({ config: loadConfig() });
    let signals = 0;
    const shutdown = (signal: string) => {
      signals += 1;
      if (signals > 1) {
        running.context.logger.warn(`${signal} again: exiting now`);
        process.exit(1);
      }
      running.context.logger.info({ signal }, 'shutting down');
      running.stop().then(
        () => process.exit(0),
        (error) => {
          running.context.logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.on('SIGTERM', () => shutdown('SIGTERM'));
    process.on('SIGINT', () => shutdown('SIGINT'));
    // A bug in one turn must not take every customer's conversation down with it.
    process.on('unhandledRejection', (reason) => running.context.logger.error({ err: reason }, 'unhandled rejection'));
  });

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(() =>
    withDatabase(async (db) => {
      const report = await migrate(db.url, { log: (line) => console.log(line) });
      console.log(report.applied.length ? `${report.applied.length} migration(s) applied.` : 'The database is up to date.');
    }),
  );

program
  .command('seed')
  .description('load the demo data (idempotent)')
  .action(() =>
    withDatabase(async (db, config) => {
      await migrate(db.url);
      const summary = await seedDatabase(db.prisma, { pii: createPiiCipher(resolvePiiKey(config)), log: (line) => console.log(line) });
      console.log(JSON.stringify(summary));
    }),
  );

const user = program.command('user').description('manage staff users');
user
  .command('create')
  .description('create a staff user')
  .requiredOption('--email <email>', 'e-mail address (login)')
  .requiredOption('--role <role>', `one of ${USER_ROLES.join(', ')}`, parseRole)
  .option('--name <name>', 'full name')
  .option('--password <password>', 'password for the consoles (omit for token-only users)')
  .action((options: { email: string; role: UserRole; name?: string; password?: string }) =>
    withDatabase(async (db) => {
      const created = await createUser(db.prisma, { email: options.email, role: options.role, name: options.name ?? options.email.split('@')[0]!, password: options.password });
      console.log(`User ${created.email} (${created.role}) created with id ${created.id}.`);
    }),
  );

const token = program.command('token').description('manage API tokens');
token
  .command('create')
  .description('create an API token (printed once)')
  .option('--name <name>', 'what the token is for', 'cli')
  .option('--role <role>', `one of ${USER_ROLES.join(', ')}`, parseRole, 'admin' as UserRole)
  .option('--user <email>', 'the staff user the token acts for')
  .option('--expires-days <days>', 'expire after this many days', parsePositiveInt)
  .action((options: { name: string; role: UserRole; user?: string; expiresDays?: number }) =>
    withDatabase(async (db) => {
      const owner = options.user ? await db.prisma.user.findUnique({ where: { email: options.user.toLowerCase() } }) : null;
      if (options.user && !owner) throw new InvalidArgumentError(`No user with e-mail ${options.user}`);
      const expiresAt = options.expiresDays ? new Date(Date.now() + options.expiresDays * 86_400_000) : undefined;
      const issued = await createApiToken(db.prisma, { name: options.name, role: owner?.role ?? options.role, userId: owner?.id, expiresAt });
      console.log(issued.token);
      console.error(`Token ${issued.id} (${owner?.role ?? options.role}) created. Store it now: it is not shown again.`);
    }),
  );
token
  .command('revoke <id>')
  .description('revoke an API token by id')
  .action((id: string) =>
    withDatabase(async (db) => {
      await revokeApiToken(db.prisma, id);
      console.log(`Token ${id} revoked.`);
    }),
  );

async function withDatabase(work: (db: Database, config: AppConfig) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, shareRunningInstance: true, poolSize: 2 });
  try {
    await work(db, config);
  } finally {
    await db.close();
  }
}

function parseRole(value: string): UserRole {
  if (!(USER_ROLES as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${USER_ROLES.join(', ')}`);
  return value as UserRole;
}

function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError || error instanceof MigrationError || error instanceof InvalidArgumentError) {
    console.error(error.message);
  } else {
    console.error(error instanceof Error ? error.message : String(error));
  }
  process.exitCode = 1;
}

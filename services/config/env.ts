// The one typed configuration of the process, read from environment variables
// (and an optional .env file) and validated at start-up: a wrong value stops
// Ana with a message naming the variable and what it expects.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  openaiApiKey: string | undefined;
  openaiBaseUrl: string | undefined;
  logLevel: LogLevel;
  adminToken: string | undefined;
  customerTimeZone: string;
  piiEncryptionKey: string | undefined;
  corsOrigins: string[];
  rateLimitPerMinute: number;
  embeddedDbPort: number;
  publicUrl: string | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Variables of a `.env` file in the working directory; real environment variables win. */
export function readEnvFile(path = resolve(process.cwd(), '.env')): Env {
  if (!existsSync(path)) return {};
  return parseEnv(readFileSync(path, 'utf8'));
}

export function loadConfig(env: Env = { ...readEnvFile(), ...process.env }): AppConfig {
  const problems: string[] = [];
  const read = <T>(name: string, fallback: T, parse: (raw: string) => T | string): T => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return fallback;
    const parsed = parse(raw);
    if (typeof parsed === 'string' && parsed.startsWith('!')) {
      problems.push(`${name}=${JSON.stringify(redact(name, raw))}: ${parsed.slice(1)}`);
      return fallback;
    }
    return parsed as T;
  };

  const config: AppConfig = {
    port: read('PORT', 3000, (raw) => port(raw)),
    host: read('HOST', '0.0.0.0', (raw) => raw),
    dataDir: resolve(read('ANA_DATA_DIR', './data', (raw) => raw)),
    databaseUrl: read<string | undefined>('DATABASE_URL', undefined, (raw) => url(raw, ['postgres:', 'postgresql:'])),
    redisUrl: read<string | undefined>('REDIS_URL', undefined, (raw) => url(raw, ['redis:', 'rediss:'])),
    openaiApiKey: read<string | undefined>('OPENAI_API_KEY', undefined, (raw) => raw),
    openaiBaseUrl: read<string | undefined>('OPENAI_BASE_URL', undefined, (raw) => url(raw, ['http:', 'https:'])),
    logLevel: read<LogLevel>('LOG_LEVEL', 'info', (raw) =>
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(raw) ? (raw as LogLevel) : '!expected one of fatal, error, warn, info, debug, trace, silent'),
    adminToken: read<string | undefined>('ANA_ADMIN_TOKEN', undefined, (raw) => (raw.length >= 24 ? raw : '!expected at least 24 characters')),
    customerTimeZone: read('TZ', 'America/Mexico_City', (raw) => timeZone(raw)),
    piiEncryptionKey: read<string | undefined>('PII_ENCRYPTION_KEY', undefined, (raw) => piiKey(raw)),
    corsOrigins: read('CORS_ORIGINS', [] as string[], (raw) => raw.split(',').map((s) => s.trim()).filter(Boolean)),
    rateLimitPerMinute: read('RATE_LIMIT_PER_MINUTE', 600, (raw) => positiveInt(raw)),
    embeddedDbPort: read('ANA_EMBEDDED_DB_PORT', 0, (raw) => (raw === '0' ? 0 : port(raw))),
    publicUrl: read<string | undefined>('PUBLIC_URL', undefined, (raw) => url(raw, ['http:', 'https:'])),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

function port(raw: string): number | string {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 && n < 65536 ? n : '!expected a port number between 1 and 65535';
}

function positiveInt(raw: string): number | string {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : '!expected a positive whole number';
}

function url(raw: string, protocols: string[]): string {
  try {
    const parsed = new URL(raw);
    return protocols.includes(parsed.protocol) ? raw : `!expected a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`;
  } catch {
    return `!expected a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`;
  }
}

function timeZone(raw: string): string {
  try {
    new Intl.DateTimeFormat('es-MX', { timeZone: raw });
    return raw;
  } catch {
    return '!expected an IANA time zone such as America/Mexico_City';
  }
}

function piiKey(raw: string): string {
  const bytes = /^[0-9a-f]{64}$/i.test(raw) ? 32 : Buffer.from(raw, 'base64').length;
  return bytes === 32 ? raw : '!expected 32 bytes as 64 hex characters or base64 (generate one with: openssl rand -hex 32)';
}

/** Secrets never reach logs, not even in an error message. */
function redact(name: string, raw: string): string {
  if (/KEY|TOKEN|SECRET|PASSWORD/.test(name)) return '***';
  if (name.endsWith('_URL')) return raw.replace(/\/\/([^@/]*)@/, '//***@');
  return raw;
}

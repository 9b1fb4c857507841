// Where the PII encryption key comes from: PII_ENCRYPTION_KEY, or — for the
// embedded default only — a key generated once and kept beside the database.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, type AppConfig } from '../config/env.ts';
import { generatePiiKey } from './pii.ts';

export function resolvePiiKey(config: Pick<AppConfig, 'piiEncryptionKey' | 'databaseUrl' | 'dataDir'>): string {
  if (config.piiEncryptionKey) return config.piiEncryptionKey;
  if (config.databaseUrl) throw new ConfigError(['PII_ENCRYPTION_KEY: required when DATABASE_URL is set (32 bytes as 64 hex characters; generate one with: openssl rand -hex 32)']);
  const path = join(config.dataDir, 'pii.key');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const key = generatePiiKey();
  writeFileSync(path, `${key}\n`, { mode: 0o600 });
  return key;
}

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../services/config/env.ts';

describe('configuration', () => {
  it('has sensible defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.customerTimeZone).toBe('America/Mexico_City');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toMatch(/data$/);
    expect(config.logLevel).toBe('info');
  });

  it('names every wrong variable and what it expects', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', TZ: 'Mars/Olympus', PII_ENCRYPTION_KEY: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('PORT="eighty": expected a port number');
    expect(message).toContain('DATABASE_URL="mysql://x": expected a URL starting with postgres:// or postgresql://');
    expect(message).toContain('LOG_LEVEL="loud"');
    expect(message).toContain('TZ="Mars/Olympus": expected an IANA time zone');
    expect((error as ConfigError).problems).toHaveLength(5);
  });

  it('never prints a secret in an error', () => {
    expect(() => loadConfig({ PII_ENCRYPTION_KEY: 'not-a-key', ANA_ADMIN_TOKEN: 'tiny' })).toThrowError(/PII_ENCRYPTION_KEY="\*\*\*"/);
    try {
      loadConfig({ ANA_ADMIN_TOKEN: 'tiny' });
    } catch (e) {
      expect((e as Error).message).not.toContain('tiny');
    }
  });

  it('reads valid values', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_URL: 'postgresql://u:p@db:5432/ana', REDIS_URL: 'redis://cache:6379', CORS_ORIGINS: 'https://a.mx, https://b.mx' });
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBe('postgresql://u:p@db:5432/ana');
    expect(config.corsOrigins).toEqual(['https://a.mx', 'https://b.mx']);
  });
});

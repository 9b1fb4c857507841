// Personal data that must be encrypted at rest (national ids, birth dates).
// AES-256-GCM with a random IV per value; a keyed hash (HMAC-SHA256) of the
// normalised value allows exact lookups without decrypting every row.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const VERSION = 'v1';

export interface PiiCipher {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  lookupHash(plain: string): string;
}

/** `key` is 32 bytes, given as 64 hex characters or base64. */
export function createPiiCipher(key: string): PiiCipher {
  const secret = parseKey(key);
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', secret, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    decrypt(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('Encrypted value has an unknown format');
      const decipher = createDecipheriv('aes-256-gcm', secret, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
    lookupHash(plain) {
      return createHmac('sha256', secret).update(normalizeForLookup(plain)).digest('hex');
    },
  };
}

export function generatePiiKey(): string {
  return randomBytes(32).toString('hex');
}

function normalizeForLookup(value: string): string {
  return value.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, '').toUpperCase();
}

function parseKey(key: string): Buffer {
  const buffer = /^[0-9a-f]{64}$/i.test(key) ? Buffer.from(key, 'hex') : Buffer.from(key, 'base64');
  if (buffer.length !== 32) throw new Error('PII_ENCRYPTION_KEY must be 32 bytes: 64 hex characters or base64');
  return buffer;
}

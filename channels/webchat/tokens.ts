// Direct Line credentials, minted and checked without any state: tokens are
// HS256 JWTs scoped to one conversation (Web Chat and directlinejs read the
// `user` claim from them), and conversation ids carry their own MAC, so any
// app instance sharing the secret can tell "ours" from "unknown" (404).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Direct Line's token lifetime; directlinejs refreshes at half of it. */
export const TOKEN_LIFETIME_SECONDS = 1800;
/**
 * How long an expired token may still be exchanged on /tokens/refresh, so that
 * a visitor who comes back to the landing page days later resumes the same
 * conversation. Every other path rejects an expired token with 403.
 */
export const RESUME_WINDOW_SECONDS = 7 * 24 * 3600;

const ISSUER = 'ana-directline';

export interface TokenClaims {
  /** The Direct Line conversation id. */
  conv: string;
  /** The user id on the channel; `dl_` marks it as embedded in the token. */
  user: string;
  iat: number;
  exp: number;
}

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired'; claims?: TokenClaims };

export class DirectLineCredentials {
  constructor(
    private readonly secret: string,
    private readonly now: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  /** True when the bearer value is the Direct Line secret itself (server-to-server use). */
  isSecret(value: string): boolean {
    return safeEqual(value, this.secret);
  }

  newConversationId(): string {
    const nonce = randomBytes(16).toString('hex');
    return nonce + this.mac(`conversation:${nonce}`).subarray(0, 8).toString('hex');
  }

  /** Whether this id was minted by us (with this secret); anything else is an unknown conversation. */
  isOurConversationId(id: string): boolean {
    if (!/^[0-9a-f]{48}$/.test(id)) return false;
    const expected = this.mac(`conversation:${id.slice(0, 32)}`).subarray(0, 8).toString('hex');
    return safeEqual(id.slice(32), expected);
  }

  newUserId(): string {
    return `dl_${randomBytes(12).toString('hex')}`;
  }

  issue(conversationId: string, userId: string): { token: string; expires_in: number } {
    const iat = this.now();
    const claims = { iss: ISSUER, conv: conversationId, user: userId, iat, exp: iat + TOKEN_LIFETIME_SECONDS };
    const unsigned = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}`;
    return { token: `${unsigned}.${this.mac(unsigned).toString('base64url')}`, expires_in: TOKEN_LIFETIME_SECONDS };
  }

  check(token: string): TokenCheck {
    const parts = token.split('.');
    if (parts.length !== 3) return { ok: false, reason: 'malformed' };
    const [header, body, signature] = parts as [string, string, string];
    if (!safeEqual(signature, this.mac(`${header}.${body}`).toString('base64url'))) return { ok: false, reason: 'bad-signature' };
    const claims = parseClaims(body);
    if (!claims) return { ok: false, reason: 'malformed' };
    if (claims.exp <= this.now()) return { ok: false, reason: 'expired', claims };
    return { ok: true, claims };
  }

  /** A token good for /tokens/refresh: valid, or expired within the resume window. */
  checkForRefresh(token: string): TokenClaims | undefined {
    const result = this.check(token);
    if (result.ok) return result.claims;
    if (result.reason === 'expired' && result.claims && result.claims.exp + RESUME_WINDOW_SECONDS > this.now()) return result.claims;
    return undefined;
  }

  private mac(data: string): Buffer {
    return createHmac('sha256', this.secret).update(data).digest();
  }
}

/**
 * The secret: `DIRECTLINE_SECRET` when set (several instances must share it),
 * otherwise generated once and kept in the data directory, so tokens survive a restart.
 */
export function resolveDirectLineSecret(dataDir: string, env: Record<string, string | undefined> = process.env): string {
  const given = env.DIRECTLINE_SECRET?.trim();
  if (given) {
    if (given.length < 32) throw new Error('DIRECTLINE_SECRET must have at least 32 characters');
    return given;
  }
  const file = join(dataDir, 'directline-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process created it first: theirs wins, so both sign alike.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
  chmodSync(file, 0o600);
  return secret;
}

function parseClaims(body: string): TokenClaims | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (typeof value !== 'object' || value === null) return undefined;
    const { iss, conv, user, iat, exp } = value as Record<string, unknown>;
    if (iss !== ISSUER || typeof conv !== 'string' || typeof user !== 'string' || typeof iat !== 'number' || typeof exp !== 'number') return undefined;
    return { conv, user, iat, exp };
  } catch {
    return undefined;
  }
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

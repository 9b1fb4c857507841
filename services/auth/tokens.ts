// API tokens for staff, advisors and integrators. Only a SHA-256 hash is
// stored: a leaked database does not leak usable tokens.
import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '../db/database.ts';
import type { UserRole } from '../db/generated/enums.ts';

export interface Principal {
  tokenId: string;
  role: UserRole;
  userId: string | null;
  name: string;
}

export interface IssuedToken {
  id: string;
  token: string;
  prefix: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createApiToken(
  prisma: PrismaClient,
  input: { name: string; role: UserRole; userId?: string; expiresAt?: Date; token?: string },
): Promise<IssuedToken> {
  const token = input.token ?? `ana_${randomBytes(24).toString('base64url')}`;
  const prefix = token.slice(0, 8);
  const row = await prisma.apiToken.create({
    data: { name: input.name, role: input.role, userId: input.userId, expiresAt: input.expiresAt, tokenHash: hashToken(token), prefix },
  });
  return { id: row.id, token, prefix };
}

/** Makes sure an admin token with exactly this value exists (ANA_ADMIN_TOKEN, for automation). */
export async function ensureAdminToken(prisma: PrismaClient, token: string): Promise<void> {
  const tokenHash = hashToken(token);
  await prisma.apiToken.upsert({
    where: { tokenHash },
    create: { name: 'ANA_ADMIN_TOKEN', role: 'admin', tokenHash, prefix: token.slice(0, 8) },
    update: { revokedAt: null, role: 'admin', expiresAt: null },
  });
}

export async function revokeApiToken(prisma: PrismaClient, id: string): Promise<void> {
  await prisma.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
}

/**
 * Resolves a bearer token to who is calling. Results are cached for a few
 * seconds so that a busy integration does not cost a query per request; a
 * revocation therefore takes effect within `cacheMs`. Requests that arrive
 * while a token is being looked up share that lookup (when the cache entry of
 * a busy token expires, hundreds of requests would otherwise each query it).
 */
export function createTokenVerifier(prisma: PrismaClient, cacheMs = 5_000) {
  const cache = new Map<string, { principal: Promise<Principal | null>; until: number }>();

  async function lookUp(tokenHash: string, now: number): Promise<Principal | null> {
    const row = await prisma.apiToken.findUnique({ where: { tokenHash } });
    const valid = row && !row.revokedAt && (!row.expiresAt || row.expiresAt.getTime() > now);
    if (!valid) return null;
    void prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } }).catch(() => {});
    return { tokenId: row.id, role: row.role, userId: row.userId, name: row.name };
  }

  return async function verify(token: string): Promise<Principal | null> {
    const tokenHash = hashToken(token);
    const now = Date.now();
    const cached = cache.get(tokenHash);
    if (cached && cached.until > now) return cached.principal;

    const principal = lookUp(tokenHash, now);
    if (cache.size > 10_000) cache.clear();
    cache.set(tokenHash, { principal, until: now + cacheMs });
    // A failed lookup (database down) is not remembered: the next request asks again.
    principal.catch(() => {
      if (cache.get(tokenHash)?.principal === principal) cache.delete(tokenHash);
    });
    return principal;
  };
}

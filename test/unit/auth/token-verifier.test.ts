// The bearer-token verifier: cached for a few seconds, one lookup shared by
// the requests that arrive while it runs, failures not remembered.
import { describe, expect, it } from 'vitest';
import { createTokenVerifier, hashToken } from '../../../services/auth/tokens.ts';
import type { PrismaClient } from '../../../services/db/database.ts';

interface TokenRow {
  id: string;
  tokenHash: string;
  role: 'admin' | 'advisor' | 'curator';
  userId: string | null;
  name: string;
  revokedAt: Date | null;
  expiresAt: Date | null;
}

function fakePrisma(rows: TokenRow[], options: { failFirst?: boolean } = {}) {
  const calls = { findUnique: 0, update: 0 };
  let fail = options.failFirst ?? false;
  const prisma = {
    apiToken: {
      findUnique: async ({ where }: { where: { tokenHash: string } }) => {
        calls.findUnique++;
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (fail) {
          fail = false;
          throw new Error('database unavailable');
        }
        return rows.find((row) => row.tokenHash === where.tokenHash) ?? null;
      },
      update: async () => {
        calls.update++;
        return {};
      },
    },
  };
  return { prisma: prisma as unknown as PrismaClient, calls };
}

const row = (token: string, extra: Partial<TokenRow> = {}): TokenRow => ({ id: `id-${token}`, tokenHash: hashToken(token), role: 'advisor', userId: null, name: token, revokedAt: null, expiresAt: null, ...extra });

describe('createTokenVerifier', () => {
  it('answers a burst of concurrent requests with one lookup', async () => {
    const { prisma, calls } = fakePrisma([row('secreto')]);
    const verify = createTokenVerifier(prisma);
    const principals = await Promise.all(Array.from({ length: 50 }, () => verify('secreto')));
    expect(principals.every((p) => p?.tokenId === 'id-secreto' && p.role === 'advisor')).toBe(true);
    expect(calls.findUnique).toBe(1);
    expect(calls.update).toBe(1);
  });

  it('refuses unknown, revoked and expired tokens', async () => {
    const { prisma } = fakePrisma([row('revocado', { revokedAt: new Date() }), row('vencido', { expiresAt: new Date(Date.now() - 1000) })]);
    const verify = createTokenVerifier(prisma);
    expect(await verify('nadie')).toBeNull();
    expect(await verify('revocado')).toBeNull();
    expect(await verify('vencido')).toBeNull();
  });

  it('looks the token up again once the cache expires', async () => {
    const { prisma, calls } = fakePrisma([row('secreto')]);
    const verify = createTokenVerifier(prisma, 0);
    await verify('secreto');
    await new Promise((resolve) => setTimeout(resolve, 2));
    await verify('secreto');
    expect(calls.findUnique).toBe(2);
  });

  it('does not remember a failed lookup', async () => {
    const { prisma, calls } = fakePrisma([row('secreto')], { failFirst: true });
    const verify = createTokenVerifier(prisma);
    await expect(verify('secreto')).rejects.toThrow('database unavailable');
    expect((await verify('secreto'))?.tokenId).toBe('id-secreto');
    expect(calls.findUnique).toBe(2);
  });
});

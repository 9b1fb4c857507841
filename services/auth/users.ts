// Staff accounts: admins, advisors (who take handed-off conversations) and
// curators (who keep the knowledge base).
import type { PrismaClient } from '../db/database.ts';
import type { UserRole } from '../db/generated/enums.ts';
import { hashPassword } from './passwords.ts';

export const USER_ROLES: readonly UserRole[] = ['admin', 'advisor', 'curator'];

export async function createUser(
  prisma: PrismaClient,
  input: { email: string; name: string; role: UserRole; password?: string },
) {
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new Error(`Not a valid e-mail address: ${input.email}`);
  if (!USER_ROLES.includes(input.role)) throw new Error(`Unknown role ${input.role}: expected one of ${USER_ROLES.join(', ')}`);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return prisma.user.create({ data: { email, name: input.name.trim(), role: input.role, passwordHash } });
}

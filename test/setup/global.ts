// Runs once before the suite: makes sure the Prisma client exists.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  if (!existsSync('services/db/generated/client.ts')) execFileSync(process.execPath, ['scripts/generate-prisma.mjs'], { stdio: 'inherit' });
}

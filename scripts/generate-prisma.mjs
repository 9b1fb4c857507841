// Generates the Prisma client offline. `prisma generate` only checks that a
// schema-engine file exists (it does not run it), and the native engine cannot
// be downloaded here, so we point it at a placeholder unless one is provided.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const dir = join(tmpdir(), 'ana-prisma');
  const placeholder = join(dir, 'schema-engine-placeholder');
  if (!existsSync(placeholder)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(placeholder, '#!/bin/sh\necho "placeholder: the Prisma schema engine is not installed" >&2\nexit 1\n', { mode: 0o755 });
  }
  env.PRISMA_SCHEMA_ENGINE_BINARY = placeholder;
}
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
execFileSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate'], { stdio: ['ignore', 'ignore', 'inherit'], env });

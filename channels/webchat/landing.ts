// The landing page (web/landing, at /) and Microsoft's Web Chat bundle, served
// from node_modules on our own origin: no CDN, and the CSP stays 'self'.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';
import fastifyStatic from '@fastify/static';
import type { App } from '../../services/http/app.ts';

export const LANDING_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/landing');
export const WEBCHAT_SCRIPT_PATH = '/vendor/webchat.js';

const gzipAsync = promisify(gzip);

interface Bundle {
  plain: Buffer;
  gzipped: Buffer;
  etag: string;
}

export async function landingRoutes(app: App): Promise<void> {
  // wildcard: false lists the files once, so only they are routes and every
  // other path still reaches the API's own 404.
  await app.register(fastifyStatic, { root: LANDING_DIR, prefix: '/', wildcard: false, index: 'index.html', decorateReply: false, maxAge: '1h' });

  // The bundle is 3.9 MB; compressed once in memory it is about a quarter.
  let bundle: Promise<Bundle> | undefined;
  const loadBundle = async (): Promise<Bundle> => {
    const packageDir = await webchatPackageDir();
    const { version } = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as { version: string };
    const plain = await readFile(join(packageDir, 'dist', 'webchat.js'));
    return { plain, gzipped: await gzipAsync(plain), etag: `"webchat-${version}"` };
  };

  app.get(WEBCHAT_SCRIPT_PATH, { schema: { hide: true } }, async (request, reply) => {
    const { plain, gzipped, etag } = await (bundle ??= loadBundle());
    reply.header('content-type', 'application/javascript; charset=utf-8').header('cache-control', 'public, max-age=86400').header('etag', etag).header('vary', 'accept-encoding');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) return reply.header('content-encoding', 'gzip').send(gzipped);
    return reply.send(plain);
  });
}

/** The package's folder: its `exports` hide package.json, so walk up from the entry point. */
async function webchatPackageDir(): Promise<string> {
  let dir = dirname(createRequire(import.meta.url).resolve('botframework-webchat'));
  while (dirname(dir) !== dir) {
    try {
      const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (manifest.name === 'botframework-webchat') return dir;
    } catch {
      // no package.json at this level
    }
    dir = dirname(dir);
  }
  throw new Error('botframework-webchat is not installed');
}

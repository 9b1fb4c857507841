import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAna, type RunningAna } from '../../app/start.ts';
import { createKnowledgeModule, knowledgeBaseOf } from '../../knowledge/module.ts';
import { createApiToken } from '../../services/auth/tokens.ts';
import { loadConfig } from '../../services/config/env.ts';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

// The first save fits the offline embeddings' idf and indexes: give the page time.
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000 });

describe('staff console in Chromium', () => {
  let ana: RunningAna;
  let browser: Browser;
  let token: string;

  beforeAll(async () => {
    ana = await startAna({
      config: loadConfig({ LOG_LEVEL: 'silent', ANA_DATA_DIR: mkdtempSync(join(tmpdir(), 'ana-console-')), PORT: String(await freePort()), HOST: '127.0.0.1' }),
      inMemory: true,
      seed: false,
      modules: [createKnowledgeModule({ importSeedContent: false })],
    });
    token = (await createApiToken(ana.context.db.prisma, { name: 'Sofía (curator)', role: 'curator' })).token;
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await ana?.stop();
  });

  it('creates an article, publishes it, and Ana answers a question with it', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('response', (response) => { if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) errors.push(`${response.status()} ${response.url()}`); });
    await page.goto(`${ana.url}/console/`);

    await page.fill('#token', token);
    await page.click('#token-form button[type=submit]');
    await page.click('#new-article');
    await page.fill('#title', 'Pagos en tiendas Kiosko Lunar');
    await page.fill('#tags', 'pagos, tiendas');
    await page.fill('#body', '## ¿Puedo pagar en Kiosko Lunar?\n\nSí, en cualquier tienda **Kiosko Lunar** con tu referencia de pago. Se refleja en 24 horas.');
    await poll(() => page.textContent('#preview strong')).toBe('Kiosko Lunar');
    await page.click('#save');
    await poll(() => page.textContent('#article-state')).toContain('borrador');
    await page.click('#publish');
    await poll(() => page.textContent('#article-state')).toContain('publicado');
    await poll(() => page.textContent('#articles')).toContain('Pagos en tiendas Kiosko Lunar');
    await poll(() => page.locator('#versions li').count()).toBe(2);
    await page.click('#versions button');
    await poll(() => page.textContent('#diff')).toContain('+ status: published');

    await page.click('nav button[data-tab=try]');
    await page.fill('#try-question', 'puedo pagar en el kiosko lunar?');
    await page.click('#try-form button[type=submit]');
    await poll(() => page.textContent('#try-answer')).toContain('Fuente: Pagos en tiendas Kiosko Lunar');

    // What a customer gets from Ana's faq answering (the same call the faq handler makes).
    const answer = await knowledgeBaseOf(ana.context).answer({ question: 'se puede pagar en kiosko lunar?', audience: 'customer' });
    expect(answer).toMatchObject({ kind: 'answer', sources: [{ title: 'Pagos en tiendas Kiosko Lunar' }] });
    expect(errors).toEqual([]);
  });
});

// The landing page in real Chromium, with Microsoft's Web Chat talking to the
// running Ana (the real turn processor): chat, tap a suggested action, reload
// and find the same conversation, survive a dropped stream.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAna, type RunningAna } from '../../app/start.ts';
import { loadConfig } from '../../services/config/env.ts';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SLOW = 45_000;

describe('landing page with Web Chat, in Chromium', () => {
  let ana: RunningAna;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  const input = () => page.locator('#webchat [data-id="webchat-sendbox-input"]');
  const userBubbles = () => page.locator('#webchat .webchat__bubble--from-user');
  const botBubbles = () => page.locator('#webchat .webchat__bubble:not(.webchat__bubble--from-user)');
  const say = async (text: string) => {
    await input().fill(text);
    await input().press('Enter');
  };
  const waitForMoreBotBubbles = async (than: number) => {
    await page.waitForFunction(
      (count) => document.querySelectorAll('#webchat .webchat__bubble:not(.webchat__bubble--from-user)').length > count,
      than,
      { timeout: SLOW },
    );
  };

  beforeAll(async () => {
    ana = await startAna({
      // PORT=0 (any free port) is not accepted by loadConfig, so it is set afterwards.
      config: { ...loadConfig({ LOG_LEVEL: 'silent', ANA_DATA_DIR: mkdtempSync(join(tmpdir(), 'ana-browser-')), HOST: '127.0.0.1' }), port: 0 },
      inMemory: true,
      seed: false,
    });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    page = await browser.newPage({ locale: 'es-MX', viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await ana?.stop();
  });

  it('chats with Ana and answers a tapped suggested action', { timeout: 120_000 }, async () => {
    await page.goto(`${ana.url}/`);
    expect(await page.locator('h1').textContent()).toContain('sigues manejando tu auto');
    await input().waitFor({ timeout: SLOW });
    await page.locator('#chat-starters').waitFor({ state: 'visible' });

    await say('hola');
    const button = page.locator('#webchat .webchat__suggested-actions__button').first();
    await button.waitFor({ timeout: SLOW });
    await page.locator('#chat-starters').waitFor({ state: 'hidden' });
    const title = (await button.textContent())!.trim();
    expect(title.length).toBeGreaterThan(0);

    const before = await botBubbles().count();
    await button.click();
    // The bubble shows the button's title (not a code), and Ana answers it.
    await userBubbles().filter({ hasText: title }).first().waitFor({ timeout: SLOW });
    await waitForMoreBotBubbles(before);
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('clubcashin.ana.chat') ?? 'null'));
    expect(stored).toMatchObject({ conversationId: expect.stringMatching(/^[0-9a-f]{48}$/), token: expect.any(String) });
    // Both messages were echoed by the server, so Web Chat never marks them failed.
    expect(await page.locator('#webchat').getByText(/no se pudo enviar|error al enviar/i).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('resumes the same conversation after a reload', { timeout: 120_000 }, async () => {
    const spokenBefore = await userBubbles().allTextContents();
    const answersBefore = await botBubbles().count();
    await page.reload();
    await input().waitFor({ timeout: SLOW });
    await page.waitForFunction(
      (count) => document.querySelectorAll('#webchat .webchat__bubble:not(.webchat__bubble--from-user)').length >= count,
      answersBefore,
      { timeout: SLOW },
    );
    expect(await userBubbles().allTextContents()).toEqual(spokenBefore);
    expect(await page.locator('#chat-starters').isHidden()).toBe(true);
  });

  it('keeps chatting after the stream drops (Web Chat reconnects)', { timeout: 120_000 }, async () => {
    const before = await botBubbles().count();
    for (const socket of ana.app.websocketServer.clients) socket.terminate();
    await say('gracias');
    await waitForMoreBotBubbles(before);
    await userBubbles().filter({ hasText: 'gracias' }).first().waitFor();
    expect(problems).toEqual([]);
  });

  it('sends the page buttons to Ana through the chat', { timeout: 120_000 }, async () => {
    const before = await botBubbles().count();
    await page.getByRole('button', { name: 'Quiero invertir' }).first().click();
    await userBubbles().filter({ hasText: 'Quiero invertir' }).first().waitFor({ timeout: SLOW });
    await waitForMoreBotBubbles(before);
  });
});

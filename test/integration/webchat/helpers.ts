// Test helpers for the web chat channel: Ana started in-process with a small
// fake TurnProcessor that stores messages the way services/conversations does
// (inbound payload {value, channelData}; outbound payload {type, replyToId,
// suggestedActions}), and directlinejs wired for Node (fetch-based ajax, ws).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectLine, type Activity, type DirectLineOptions } from 'botframework-directlinejs';
import { Observable } from 'rxjs/Observable.js';
import WebSocket from 'ws';
import type { InboundMessage, Reply, TurnProcessor, TurnResult } from '../../../bot/turn.ts';
import { startAna, type RunningAna } from '../../../app/start.ts';
import { createWebchatModule } from '../../../channels/webchat/index.ts';
import { loadConfig } from '../../../services/config/env.ts';
import type { PrismaClient } from '../../../services/db/database.ts';

/** One button whose value is a code for the bot, one whose value is what it says. */
export const MENU = [
  { title: 'Simular un préstamo', value: 'simulate_credit' },
  { title: 'Quiero invertir', value: 'Quiero invertir' },
];

/** Answers like a tiny Ana: a greeting with a menu, and one line per known option. */
export function createFakeTurns(prisma: PrismaClient): TurnProcessor & { handled: InboundMessage[] } {
  const handled: InboundMessage[] = [];
  let queue: Promise<unknown> = Promise.resolve();
  const answer = (text: string): Omit<Reply, 'id' | 'seq' | 'timestamp'>[] => {
    if (/simular|simulate_credit/i.test(text)) return [{ type: 'message', text: '¡Va! ¿Cuánto necesitas y de qué año es tu auto?' }];
    if (/invertir/i.test(text)) return [{ type: 'message', text: 'Invertir con nosotros rinde hasta 18% anual.' }];
    return [
      { type: 'message', text: '¡Hola! Soy Ana, de Club Cash In 👋' },
      { type: 'message', text: '¿En qué te ayudo?', suggestedActions: MENU },
    ];
  };
  const handle = async (message: InboundMessage): Promise<TurnResult> => {
    handled.push(message);
    const externalId = message.conversationExternalId!;
    const conversation = await prisma.conversation.upsert({
      where: { channel_externalId: { channel: 'webchat', externalId } },
      create: { channel: 'webchat', externalId },
      update: {},
    });
    const existing = message.channelMessageId
      ? await prisma.message.findUnique({ where: { channel_channelMessageId: { channel: 'webchat', channelMessageId: message.channelMessageId } } })
      : null;
    if (existing) return { conversationId: conversation.id, status: conversation.status, inbound: { id: existing.id, seq: existing.seq.toString(), duplicate: true }, replies: [] };
    const inbound = await prisma.message.create({
      data: {
        conversationId: conversation.id,
        direction: 'inbound',
        senderType: 'contact',
        senderId: null,
        channel: 'webchat',
        channelMessageId: message.channelMessageId ?? null,
        text: message.text ?? null,
        payload: { value: message.value ?? null, channelData: (message.channelData ?? {}) as Record<string, string> },
        status: 'processed',
      },
    });
    const replies: Reply[] = [];
    // Like Ana: a tapped button's value wins over the text.
    for (const draft of answer(typeof message.value === 'string' ? message.value : (message.text ?? ''))) {
      const row = await prisma.message.create({
        data: {
          conversationId: conversation.id,
          direction: 'outbound',
          senderType: 'bot',
          channel: 'webchat',
          text: draft.text ?? null,
          payload: { type: draft.type, replyToId: inbound.id, ...(draft.suggestedActions ? { suggestedActions: draft.suggestedActions.map((a) => ({ ...a })) } : {}) },
          status: 'sent',
        },
      });
      replies.push({ ...draft, id: row.id, seq: row.seq.toString(), timestamp: row.createdAt.toISOString() });
    }
    return { conversationId: conversation.id, status: conversation.status, inbound: { id: inbound.id, seq: inbound.seq.toString(), duplicate: false }, replies };
  };
  return {
    handled,
    // One turn at a time, like the real pipeline.
    handle: (message) => {
      const turn = queue.then(() => handle(message));
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}

export interface WebchatTestApp {
  ana: RunningAna;
  url: string;
  directLineUrl: string;
  dataDir: string;
  turns: ReturnType<typeof createFakeTurns>;
}

export async function startWebchatApp(options: { dataDir?: string } = {}): Promise<WebchatTestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ana-webchat-'));
  let turns: ReturnType<typeof createFakeTurns> | undefined;
  const ana = await startAna({
    // PORT=0 (any free port) is not accepted by loadConfig, so it is set afterwards.
    config: { ...loadConfig({ LOG_LEVEL: 'silent', ANA_DATA_DIR: dataDir, HOST: '127.0.0.1' }), port: 0 },
    inMemory: true,
    seed: false,
    modules: [createWebchatModule({ turns: (context) => (turns ??= createFakeTurns(context.db.prisma)) })],
  });
  turns ??= createFakeTurns(ana.context.db.prisma);
  return { ana, url: ana.url, directLineUrl: `${ana.url}/v3/directline`, dataDir, turns };
}

interface AjaxRequest {
  method?: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** rxjs 5's Observable.ajax needs XMLHttpRequest; in Node the same contract is kept over fetch. */
export function fetchAjax(request: AjaxRequest): Observable<{ response: unknown; status: number }> {
  return Observable.create((subscriber: { next(v: unknown): void; complete(): void; error(e: unknown): void }) => {
    const controller = new AbortController();
    fetch(request.url, {
      method: request.method ?? 'GET',
      headers: request.headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: controller.signal,
    })
      .then(async (res) => {
        const text = await res.text();
        const response: unknown = text ? JSON.parse(text) : null;
        if (res.ok) {
          subscriber.next({ response, status: res.status });
          subscriber.complete();
        } else subscriber.error({ status: res.status, response, xhr: { getResponseHeader: (name: string) => res.headers.get(name) } });
      })
      .catch((error: unknown) => subscriber.error({ status: 0, error }));
    return () => controller.abort();
  });
}

export function createClient(options: DirectLineOptions): DirectLine {
  // directlinejs checks the global WebSocket before choosing the socket over polling.
  (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
  const client = new DirectLine({ ...options, ajax: fetchAjax as never, WebSocket: WebSocket as never });
  // Ending twice makes directlinejs throw "conversation ended" from a scheduler
  // callback, outside any subscriber: end once.
  const end = client.end.bind(client);
  let ended = false;
  client.end = () => {
    if (ended) return;
    ended = true;
    end();
  };
  return client;
}

/** What the tests read of an activity, whatever its type. */
export type SeenActivity = Activity & {
  text?: string;
  suggestedActions?: { actions: { type: string; title: string; value: string }[] };
  channelData?: Record<string, unknown>;
};

/** Collects every activity the client receives; `waitFor` resolves when one matches. */
export function collect(client: DirectLine) {
  const seen: SeenActivity[] = [];
  const waiters: { test: (a: SeenActivity) => boolean; resolve: (a: SeenActivity) => void }[] = [];
  const errors: unknown[] = [];
  const subscription = client.activity$.subscribe({
    next: (received) => {
      const activity = received as SeenActivity;
      seen.push(activity);
      for (const waiter of [...waiters]) {
        if (waiter.test(activity)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(activity);
        }
      }
    },
    // An ended client whose stream drops reports "conversation ended": that is its due end.
    error: (error: unknown) => errors.push(error),
  });
  return {
    seen,
    errors,
    waitFor(test: (a: SeenActivity) => boolean): Promise<SeenActivity> {
      const found = seen.find(test);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiters.push({ test, resolve }));
    },
    stop: () => subscription.unsubscribe(),
  };
}

export function post(client: DirectLine, activity: Partial<Activity> & { text?: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    client.postActivity({ type: 'message', from: { id: 'ignored-by-token' }, ...activity } as Activity).subscribe({ next: resolve, error: reject });
  });
}

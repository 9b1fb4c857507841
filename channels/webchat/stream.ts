// One Direct Line WebSocket stream: replay everything after the client's
// watermark, then push `{activities, watermark}` frames whenever the hub says
// the conversation changed. Activities only flow server → client; the client's
// empty-string pings are ignored.
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { DirectLineActivity } from './activities.ts';
import type { ConversationHub } from './hub.ts';
import type { Transcript } from './transcript.ts';

/** Protocol pings keep idle streams alive through proxies that cut silent sockets. */
const PING_INTERVAL_MS = 30_000;

export interface StreamOptions {
  conversationId: string;
  watermark: string | undefined;
  transcript: Transcript;
  hub: ConversationHub;
  logger: Pick<Logger, 'warn'>;
}

export function serveStream(socket: WebSocket, options: StreamOptions): void {
  const { conversationId, transcript, hub } = options;
  let watermark = options.watermark;
  let flushing = false;
  let flushAgain = false;

  const send = (frame: { activities: DirectLineActivity[]; watermark?: string }) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
  };

  // One flush at a time per socket; a signal during a flush runs one more,
  // so a row stored meanwhile is never missed.
  const flush = async (): Promise<void> => {
    if (flushing) {
      flushAgain = true;
      return;
    }
    flushing = true;
    try {
      do {
        flushAgain = false;
        let more = true;
        while (more && socket.readyState === socket.OPEN) {
          const page = await transcript.after(conversationId, watermark);
          if (page.activities.length) send({ activities: page.activities, watermark: page.watermark });
          watermark = page.watermark;
          more = page.more;
        }
      } while (flushAgain);
    } catch (error) {
      options.logger.warn({ err: error }, 'web chat stream could not read the conversation');
    } finally {
      flushing = false;
    }
  };

  const unsubscribe = hub.subscribe(conversationId, (signal) => {
    if (signal.kind === 'typing') send({ activities: [signal.activity] });
    else void flush();
  });
  const ping = setInterval(() => socket.ping(), PING_INTERVAL_MS).unref();
  socket.on('close', () => {
    clearInterval(ping);
    unsubscribe();
  });
  socket.on('error', () => socket.terminate());
  void flush();
}

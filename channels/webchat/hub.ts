// In-process pub/sub between the request that ran a turn and the WebSocket
// streams of that conversation. A signal only says "look again": the stream
// reads the new rows from the database, so nothing is pushed twice or out of
// order. A slow sweep also wakes every open stream, which brings messages
// written elsewhere (an advisor, another app instance) to the browser.
import type { DirectLineActivity } from './activities.ts';

export type ConversationSignal = { kind: 'changed' } | { kind: 'typing'; activity: DirectLineActivity };
type Listener = (signal: ConversationSignal) => void;

export class ConversationHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private sweep: NodeJS.Timeout | undefined;

  constructor(private readonly sweepIntervalMs = 3000) {}

  subscribe(conversationId: string, listener: Listener): () => void {
    let set = this.listeners.get(conversationId);
    if (!set) this.listeners.set(conversationId, (set = new Set()));
    set.add(listener);
    this.sweep ??= setInterval(() => this.wakeAll(), this.sweepIntervalMs).unref();
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(conversationId);
      if (this.listeners.size === 0) this.stopSweep();
    };
  }

  publish(conversationId: string, signal: ConversationSignal): void {
    for (const listener of this.listeners.get(conversationId) ?? []) listener(signal);
  }

  get openStreams(): number {
    let count = 0;
    for (const set of this.listeners.values()) count += set.size;
    return count;
  }

  close(): void {
    this.listeners.clear();
    this.stopSweep();
  }

  private wakeAll(): void {
    for (const conversationId of this.listeners.keys()) this.publish(conversationId, { kind: 'changed' });
  }

  private stopSweep(): void {
    if (this.sweep) clearInterval(this.sweep);
    this.sweep = undefined;
  }
}

// The load client: N concurrent conversations, each walking the scripted
// journeys turn after turn through the conversation API, measuring every
// turn. A conversation waits for Ana's answer before it writes again, as a
// person does, so concurrency is the number of conversations in flight.
// Without think time each one writes again the moment it is answered (the
// load then only says how fast Ana can go); with a think time it pauses
// between an answer and its next message, as people typing do, which offers
// at most conversations ÷ think time turns per second.
//
// Bounded: each conversation stops at the deadline or after
// `maxTurnsPerConversation`, whichever comes first.
import { JsonClient } from './http-client.ts';
import { turnAt } from './journeys.ts';
import { nowMs } from './stats.ts';

export interface LoadOptions {
  baseUrl: string;
  /** Bearer API token for the conversation API. */
  token?: string;
  conversations: number;
  /** Measured window, after the warm-up. */
  durationMs: number;
  /** Turns that start before this are sent but not measured (JIT, caches, pools). */
  warmupMs: number;
  maxTurnsPerConversation: number;
  requestTimeoutMs?: number;
  /** Mean pause between an answer and the conversation's next message (uniform, 0.5–1.5 × this); 0 or absent: none. */
  thinkTimeMs?: number;
}

export interface LoadResult {
  conversations: number;
  /** Measured turns that got a 2xx with replies. */
  turns: number;
  errors: number;
  /** A few error descriptions, for the report. */
  errorSamples: string[];
  /** Per-turn latency in ms of the measured turns. */
  latencies: number[];
  /** Latency of creating each conversation (not part of turns). */
  createLatencies: number[];
  measuredMs: number;
  turnsPerSecond: number;
}

interface CreatedConversation {
  id: string;
}

function describe(status: number, body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return `HTTP ${status}: ${text.slice(0, 200)}`;
}

/** Creates a conversation for a synthetic customer; the id is unique per run. */
async function createConversation(client: JsonClient, runId: string, index: number): Promise<string> {
  const response = await client.post('/v1/conversations', {
    user: { id: `bench-${runId}-${index}`, name: `Cliente ${index}` },
  });
  const body = response.body as Partial<CreatedConversation> | null;
  if (response.status !== 201 && response.status !== 200) throw new Error(describe(response.status, response.body));
  if (!body || typeof body.id !== 'string') throw new Error(`no conversation id in ${describe(response.status, response.body)}`);
  return body.id;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const client = new JsonClient(options.baseUrl, options.token, options.conversations, options.requestTimeoutMs);
  const runId = `${process.pid}-${Date.now().toString(36)}`;
  const errorSamples: string[] = [];
  let errors = 0;
  const recordError = (message: string): void => {
    errors++;
    if (errorSamples.length < 5) errorSamples.push(message);
  };

  const createLatencies: number[] = [];
  const ids = await Promise.all(
    Array.from({ length: options.conversations }, async (_, index) => {
      const t0 = nowMs();
      try {
        const id = await createConversation(client, runId, index);
        createLatencies.push(nowMs() - t0);
        return id;
      } catch (error) {
        recordError(`create: ${(error as Error).message}`);
        return undefined;
      }
    }),
  );

  const latencies: number[] = [];
  const start = nowMs();
  const measureFrom = start + options.warmupMs;
  const deadline = measureFrom + options.durationMs;
  let lastEnd = measureFrom;

  const think = options.thinkTimeMs ?? 0;
  const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
  const converse = async (id: string | undefined, index: number): Promise<void> => {
    if (id === undefined) return;
    // Paced conversations start spread over one think time, not all at once.
    if (think > 0) await pause(Math.random() * think);
    for (let step = 0; step < options.maxTurnsPerConversation && nowMs() < deadline; step++) {
      if (think > 0 && step > 0) await pause(think * (0.5 + Math.random()));
      const turn = turnAt(index, step);
      const t0 = nowMs();
      const measured = t0 >= measureFrom;
      try {
        const response = await client.post(`/v1/conversations/${encodeURIComponent(id)}/messages`, { text: turn.text });
        const t1 = nowMs();
        const replies = (response.body as { replies?: unknown } | null)?.replies;
        if (response.status !== 200 || !Array.isArray(replies)) {
          if (measured) recordError(`turn "${turn.text}": ${describe(response.status, response.body)}`);
          continue;
        }
        if (measured) {
          latencies.push(t1 - t0);
          lastEnd = Math.max(lastEnd, t1);
        }
      } catch (error) {
        if (measured) recordError(`turn "${turn.text}": ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(ids.map((id, index) => converse(id, index)));
  client.close();

  const measuredMs = Math.max(1, lastEnd - measureFrom);
  return {
    conversations: options.conversations,
    turns: latencies.length,
    errors,
    errorSamples,
    latencies,
    createLatencies,
    measuredMs,
    turnsPerSecond: (latencies.length / measuredMs) * 1000,
  };
}

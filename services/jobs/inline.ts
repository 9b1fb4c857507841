// The in-process queue of the embedded default: jobs run on this process's
// event loop, with the same retry and de-duplication rules as BullMQ.
import type { Logger } from 'pino';
import { DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS, type JobHandler, type JobOptions, type JobQueue } from './queue.ts';

export function createInlineQueue(logger?: Logger): JobQueue {
  const handlers = new Map<string, JobHandler<unknown>>();
  const waiting = new Set<string>();
  const running = new Set<Promise<void>>();
  let closed = false;

  async function run(name: string, data: unknown, options: JobOptions, attempt: number): Promise<void> {
    const handler = handlers.get(name);
    if (!handler) throw new Error(`No handler registered for job ${name}`);
    try {
      await handler(data, async () => {});
    } catch (error) {
      const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
      if (attempt >= attempts || closed) {
        logger?.error({ err: error, job: name, attempt }, 'job failed for good');
        return;
      }
      logger?.warn({ err: error, job: name, attempt }, 'job failed, retrying');
      await sleep((options.backoffMs ?? DEFAULT_BACKOFF_MS) * 2 ** (attempt - 1));
      return run(name, data, options, attempt + 1);
    }
  }

  return {
    kind: 'inline',
    register(name, handler) {
      handlers.set(name, handler as JobHandler<unknown>);
    },
    async enqueue(name, data, options = {}) {
      if (closed) throw new Error('The job queue is closed');
      if (!handlers.has(name)) throw new Error(`No handler registered for job ${name}`);
      const key = options.jobId ? `${name}:${options.jobId}` : undefined;
      if (key && waiting.has(key)) return;
      if (key) waiting.add(key);
      const job = (async () => {
        if (options.delayMs) await sleep(options.delayMs);
        if (key) waiting.delete(key);
        await run(name, data, options, 1);
      })();
      running.add(job);
      void job.finally(() => running.delete(job));
    },
    async drain() {
      while (running.size) await Promise.allSettled([...running]);
    },
    async close() {
      closed = true;
      await this.drain();
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

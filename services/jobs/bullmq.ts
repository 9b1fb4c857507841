// BullMQ on Redis: one queue per job name, workers in this process. Further
// worker processes can register the same handlers to scale out.
import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import type { Logger } from 'pino';
import { DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS, type JobHandler, type JobQueue } from './queue.ts';

export function createBullmqQueue(redisUrl: string, options: { prefix?: string; logger?: Logger; concurrency?: number } = {}): JobQueue {
  const url = new URL(redisUrl);
  const connection: ConnectionOptions = {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username || undefined,
    password: url.password || undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : undefined,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
  const prefix = options.prefix ?? 'ana';
  const queues = new Map<string, Queue>();
  const workers: Worker[] = [];

  const queueFor = (name: string) => {
    let queue = queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection, prefix });
      queues.set(name, queue);
    }
    return queue;
  };

  return {
    kind: 'bullmq',
    register<T>(name: string, handler: JobHandler<T>) {
      const worker = new Worker(
        name,
        async (job) => handler(job.data as T, async (done, total) => job.updateProgress(total ? Math.round((done / total) * 100) : 0)),
        { connection, prefix, concurrency: options.concurrency ?? 4 },
      );
      worker.on('failed', (job, error) => options.logger?.warn({ err: error, job: name, attempt: job?.attemptsMade }, 'job failed'));
      worker.on('error', (error) => options.logger?.error({ err: error, job: name }, 'worker error'));
      workers.push(worker);
      queueFor(name);
    },
    async enqueue(name, data, jobOptions = {}) {
      await queueFor(name).add(name, data, {
        jobId: jobOptions.jobId,
        attempts: jobOptions.attempts ?? DEFAULT_ATTEMPTS,
        backoff: { type: 'exponential', delay: jobOptions.backoffMs ?? DEFAULT_BACKOFF_MS },
        delay: jobOptions.delayMs,
        removeOnComplete: 1000,
        removeOnFail: 5000,
      });
    },
    async drain() {
      for (;;) {
        const counts = await Promise.all([...queues.values()].map((q) => q.getJobCounts('waiting', 'active', 'delayed', 'prioritized')));
        if (counts.every((c) => Object.values(c).every((n) => n === 0))) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}

// Background work behind one interface: BullMQ on Redis in production
// (REDIS_URL), an in-process queue in the embedded default. Work that can fail
// (deliveries to WhatsApp or the PBX, re-embedding) retries with back-off.
export interface JobOptions {
  /** A job with the same id is not enqueued twice while it is waiting. */
  jobId?: string;
  attempts?: number;
  backoffMs?: number;
  delayMs?: number;
}

export type JobHandler<T> = (data: T, progress: (done: number, total: number) => Promise<void>) => Promise<void>;

export interface JobQueue {
  readonly kind: 'inline' | 'bullmq';
  register<T>(name: string, handler: JobHandler<T>): void;
  enqueue<T>(name: string, data: T, options?: JobOptions): Promise<void>;
  /** Resolves when no job is waiting or running (tests, graceful shutdown). */
  drain(): Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_ATTEMPTS = 5;
export const DEFAULT_BACKOFF_MS = 1_000;

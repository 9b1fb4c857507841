import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBullmqQueue } from '../../../services/jobs/bullmq.ts';
import { createInlineQueue } from '../../../services/jobs/inline.ts';
import type { JobQueue } from '../../../services/jobs/queue.ts';
import { startTestRedis, type TestRedis } from '../../helpers/redis.ts';

function behavesAsAJobQueue(name: string, create: () => JobQueue) {
  describe(name, () => {
    it('runs a job and retries a failing one until it succeeds', async () => {
      const queue = create();
      const seen: string[] = [];
      let failuresLeft = 2;
      queue.register<{ to: string }>('deliver', async ({ to }) => {
        if (failuresLeft-- > 0) throw new Error('channel down');
        seen.push(to);
      });
      await queue.enqueue('deliver', { to: '+525550000001' }, { attempts: 5, backoffMs: 10 });
      await queue.drain();
      expect(seen).toEqual(['+525550000001']);
      await queue.close();
    });

    it('gives up after the configured attempts', async () => {
      const queue = create();
      let calls = 0;
      queue.register('always-fails', async () => {
        calls += 1;
        throw new Error('nope');
      });
      await queue.enqueue('always-fails', {}, { attempts: 3, backoffMs: 5 });
      await queue.drain();
      expect(calls).toBe(3);
      await queue.close();
    });
  });
}

behavesAsAJobQueue('inline queue', () => createInlineQueue());

describe('BullMQ on a real redis-server', () => {
  let redis: TestRedis;
  let prefix = 0;
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => redis?.stop());

  behavesAsAJobQueue('bullmq queue', () => createBullmqQueue(redis.url, { prefix: `test${++prefix}` }));

  it('does not enqueue the same job id twice', async () => {
    const queue = createBullmqQueue(redis.url, { prefix: 'dedupe' });
    let calls = 0;
    queue.register('once', async () => {
      calls += 1;
    });
    await queue.enqueue('once', {}, { jobId: 'msg-1', delayMs: 50 });
    await queue.enqueue('once', {}, { jobId: 'msg-1', delayMs: 50 });
    await queue.drain();
    expect(calls).toBe(1);
    await queue.close();
  });
});

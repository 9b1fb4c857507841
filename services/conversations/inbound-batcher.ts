// Group commit for inbound messages that must wait for a turn slot: while one
// batch is being stored, the messages that arrive meanwhile gather and go out
// together in the next statement. Nothing is delayed on purpose (an idle
// database stores a lone message at once); under load, many waiting messages
// share one round trip and one commit instead of paying one each.
import { recordInbounds, type InboundRecord, type RecordedInbound } from './messages.ts';
import type { Queryable } from './types.ts';

interface Waiting {
  record: InboundRecord;
  resolve: (recorded: RecordedInbound) => void;
  reject: (error: unknown) => void;
}

export class InboundBatcher {
  private waiting: Waiting[] = [];
  private storing = false;

  constructor(
    private readonly db: Queryable,
    private readonly maxBatch = 64,
  ) {}

  /** Resolves once the message is committed, as `recordInbound` does. */
  record(record: InboundRecord): Promise<RecordedInbound> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ record, resolve, reject });
      if (!this.storing) void this.storeAll();
    });
  }

  private async storeAll(): Promise<void> {
    this.storing = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, this.maxBatch);
        try {
          const results = await recordInbounds(this.db, batch.map((item) => item.record));
          results.forEach((result, i) => (result.status === 'fulfilled' ? batch[i]!.resolve(result.value) : batch[i]!.reject(result.reason)));
        } catch (error) {
          for (const item of batch) item.reject(error);
        }
      }
    } finally {
      this.storing = false;
    }
  }
}

// A counting semaphore: at most `size` turns hold a slot at once; the others
// wait in arrival order. Bounding the turns in flight keeps the queue in front
// of the database short, so a turn's latency is its own work plus a fair wait,
// not a share of every request that ever arrived.
export class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(size: number) {
    if (!(size >= 1)) throw new Error(`Slots need a size of at least 1, got ${size}`);
    this.free = size;
  }

  /** Takes a slot if one is free right now. */
  tryTake(): boolean {
    if (this.free === 0) return false;
    this.free--;
    return true;
  }

  /** Waits for a slot. */
  async take(): Promise<void> {
    if (this.tryTake()) return;
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Gives a slot back: to the longest waiter if any. */
  give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

// The bot's Storage during a turn run by the turn processor: the conversation
// state was already loaded by the statement that took the turn lease, and its
// write goes out with the statement that finishes the turn (one round trip and
// one commit each, instead of one more of each for the read and the write).
// Keys the processor did not prepare go straight to the database.
//
// A process-local cache keeps the last state written per key with its eTag, so
// the lease statement only ships the JSON when another instance changed it.
import { randomUUID } from 'node:crypto';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import type { BotStateSnapshot, StateWrite } from '../../services/conversations/turn-statements.ts';
import { PostgresStorage } from './storage.ts';
import type { Queryable } from '../../services/conversations/types.ts';

interface CachedState {
  eTag: string;
  json: string;
}

interface PreparedTurn {
  /** What the turn started from: null when the conversation has no state yet. */
  read: CachedState | null;
  write?: StateWrite;
}

export class TurnStateStorage implements Storage {
  private readonly direct: PostgresStorage;
  private readonly cache = new Map<string, CachedState>();
  private readonly turns = new Map<string, PreparedTurn>();

  constructor(
    db: Queryable,
    /** States kept in memory (least recently used dropped first). */
    private readonly cacheSize = 10_000,
  ) {
    this.direct = new PostgresStorage(db);
  }

  /** The eTag whose data this process holds for `key`, to send with the lease statement. */
  knownETag(key: string): string | undefined {
    return this.cache.get(key)?.eTag;
  }

  /** Serves `key` from what the lease statement returned, until `finish`. */
  begin(key: string, snapshot: BotStateSnapshot | null): void {
    let read: CachedState | null = null;
    if (snapshot) {
      // Postgres prints jsonb its own way ("a": 1): printed again as JSON.stringify does, an
      // unchanged state compares equal at the end of the turn and is not written.
      const json = snapshot.json !== undefined ? JSON.stringify(JSON.parse(snapshot.json)) : this.cache.get(key)?.json;
      if (json === undefined) throw new Error(`Bot state "${key}" came without data and is not cached`);
      read = { eTag: snapshot.eTag, json };
      this.remember(key, read);
    } else {
      this.cache.delete(key);
    }
    this.turns.set(key, { read });
  }

  /** Ends the turn of `key`: the state write to send with the finishing statement, if the state changed. */
  finish(key: string): StateWrite | undefined {
    const turn = this.turns.get(key);
    this.turns.delete(key);
    return turn?.write;
  }

  /** The finishing statement stored `write`: it is now the current state. */
  written(write: StateWrite): void {
    this.remember(write.key, { eTag: write.newETag, json: write.json });
  }

  /** Forget `key` (its write was refused, or the turn failed): the next turn loads it again. */
  forget(key: string): void {
    this.cache.delete(key);
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    const elsewhere: string[] = [];
    for (const key of keys) {
      const turn = this.turns.get(key);
      if (!turn) elsewhere.push(key);
      else if (turn.read) items[key] = { ...(JSON.parse(turn.read.json) as StoreItem), eTag: turn.read.eTag };
    }
    return elsewhere.length ? { ...items, ...(await this.direct.read(elsewhere)) } : items;
  }

  async write(changes: StoreItems): Promise<void> {
    const elsewhere: StoreItems = {};
    for (const [key, item] of Object.entries(changes) as [string, StoreItem][]) {
      const turn = this.turns.get(key);
      if (!turn) {
        elsewhere[key] = item;
        continue;
      }
      const { eTag, ...data } = item;
      const json = JSON.stringify(data);
      const unconditional = eTag === undefined || eTag === null || eTag === '*';
      // A second save in the same turn keeps the eTag the turn started from.
      const expectedETag = turn.write ? turn.write.expectedETag : unconditional ? undefined : String(eTag);
      if (!turn.write && turn.read && json === turn.read.json && expectedETag === turn.read.eTag) continue;
      turn.write = { key, json, expectedETag, newETag: randomUUID() };
      item.eTag = turn.write.newETag;
    }
    if (Object.keys(elsewhere).length) await this.direct.write(elsewhere);
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) {
      this.cache.delete(key);
      const turn = this.turns.get(key);
      if (turn) {
        turn.read = null;
        delete turn.write;
      }
    }
    await this.direct.delete(keys);
  }

  private remember(key: string, state: CachedState): void {
    this.cache.delete(key);
    this.cache.set(key, state);
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
  }
}

import type { PGlite } from '@electric-sql/pglite';

export interface StatementTiming {
  text: string;
  calls: number;
  totalMs: number;
}

export class StatementProfile {
  report(): StatementTiming[];
}

export class PGliteWireServer {
  constructor(db: PGlite, options?: { host?: string; port?: number; maxConnections?: number; profile?: StatementProfile | null });
  start(): Promise<number>;
  stop(): Promise<void>;
}

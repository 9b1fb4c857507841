// Serves one PGlite database to many Postgres wire-protocol connections.
//
// PGlite is a single Postgres session, so connections must take turns. The
// stock @electric-sql/pglite-socket server takes turns per *message*: the
// Parse/Bind/Execute/Sync messages of two connections can interleave and one
// connection's Bind then meets the other's unnamed statement ("portal does not
// exist", or worse, the wrong statement with the wrong parameters). Here a
// connection's turn is a whole batch, up to its Sync (or simple Query), and
// while a connection is inside a transaction no other connection gets a turn.
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const GSS_REQUEST = 80877104;
// A batch ends with Sync, a simple Query, Flush, Terminate, or the end of COPY.
const BATCH_ENDS = new Set(['S', 'Q', 'H', 'X', 'c', 'f']);

export class PGliteWireServer {
  constructor(db, { host = '127.0.0.1', port = 0, maxConnections = 64, profile = null } = {}) {
    this.db = db;
    // Optional StatementProfile: database-thread time per statement text, for the benchmarks.
    this.profile = profile;
    this.host = host;
    this.port = port;
    this.maxConnections = maxConnections;
    this.connections = new Set();
    this.queue = [];
    this.running = false;
    this.owner = null;
  }

  async start() {
    await this.db.waitReady;
    this.server = createServer((socket) => this.accept(socket));
    this.server.maxConnections = this.maxConnections;
    await new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, this.host, () => resolve());
    });
    this.port = this.server.address().port;
    return this.port;
  }

  async stop() {
    for (const connection of this.connections) connection.socket.destroy();
    await new Promise((resolve) => this.server.close(() => resolve()));
    while (this.running) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  accept(socket) {
    socket.setNoDelay(true);
    const connection = { socket, buffer: Buffer.alloc(0), batch: [], started: false, closed: false };
    this.connections.add(connection);
    socket.on('data', (chunk) => this.receive(connection, chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.close(connection));
  }

  receive(connection, chunk) {
    connection.buffer = Buffer.concat([connection.buffer, chunk]);
    for (;;) {
      if (!connection.started) {
        if (connection.buffer.length < 8) return;
        const length = connection.buffer.readInt32BE(0);
        if (connection.buffer.length < length) return;
        const message = connection.buffer.subarray(0, length);
        connection.buffer = connection.buffer.subarray(length);
        const code = message.readInt32BE(4);
        if (code === SSL_REQUEST || code === GSS_REQUEST) {
          connection.socket.write('N');
          continue;
        }
        if (code === CANCEL_REQUEST) continue;
        connection.started = true;
        this.enqueue(connection, [message]);
        continue;
      }
      if (connection.buffer.length < 5) return;
      const length = connection.buffer.readInt32BE(1) + 1;
      if (connection.buffer.length < length) return;
      const message = connection.buffer.subarray(0, length);
      connection.buffer = connection.buffer.subarray(length);
      connection.batch.push(message);
      if (BATCH_ENDS.has(String.fromCharCode(message[0]))) {
        const batch = connection.batch;
        connection.batch = [];
        this.enqueue(connection, batch);
      }
    }
  }

  enqueue(connection, messages) {
    this.queue.push({ connection, data: Buffer.concat(messages) });
    void this.drain();
  }

  async drain() {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const index = this.owner ? this.queue.findIndex((item) => item.connection === this.owner) : 0;
        if (index < 0 || this.queue.length === 0) return;
        const [item] = this.queue.splice(index, 1);
        await this.execute(item);
      }
    } finally {
      this.running = false;
    }
  }

  async execute({ connection, data }) {
    if (connection.closed) return;
    const started = this.profile ? performance.now() : 0;
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(data, {
          onRawData: (bytes) => {
            if (!connection.closed && bytes.length) connection.socket.write(Buffer.from(bytes));
          },
        }),
      );
    } catch {
      connection.socket.destroy();
    }
    if (this.profile) this.profile.record(connection, data, performance.now() - started);
    // Inside a transaction, only this connection may go on until it ends.
    this.owner = this.db.isInTransaction() && !connection.closed ? connection : null;
  }

  async close(connection) {
    connection.closed = true;
    this.connections.delete(connection);
    this.queue = this.queue.filter((item) => item.connection !== connection);
    if (this.owner === connection) {
      // A client that vanished mid-transaction must not leave it open for everyone.
      while (this.running) await new Promise((resolve) => setTimeout(resolve, 1));
      if (this.db.isInTransaction()) await this.db.exec('ROLLBACK').catch(() => {});
      this.owner = null;
      void this.drain();
    }
  }
}

/**
 * Where the database thread's time goes, by statement text: each batch's
 * execution time is charged to the statement it runs (a named prepared
 * statement is recognised by the name its Parse gave it on that connection).
 */
export class StatementProfile {
  constructor() {
    this.byText = new Map();
    this.namesByConnection = new WeakMap();
  }

  record(connection, data, ms) {
    const text = this.statementOf(connection, data);
    const entry = this.byText.get(text) ?? { text, calls: 0, totalMs: 0 };
    entry.calls++;
    entry.totalMs += ms;
    this.byText.set(text, entry);
  }

  statementOf(connection, data) {
    const names = this.namesByConnection.get(connection) ?? new Map();
    this.namesByConnection.set(connection, names);
    let text;
    for (let offset = 0; offset + 5 <= data.length; ) {
      const type = String.fromCharCode(data[offset]);
      const length = data.readInt32BE(offset + 1);
      const body = data.subarray(offset + 5, offset + 1 + length);
      const strings = () => body.toString('utf8').split('\0');
      if (type === 'Q') text ??= strings()[0];
      if (type === 'P') {
        const [name, query] = strings();
        if (name) names.set(name, query);
        text ??= query;
      }
      if (type === 'B') text ??= names.get(strings()[1]);
      offset += 1 + length;
    }
    return (text ?? '(startup or sync)').replace(/\s+/g, ' ').trim();
  }

  /** Statements by total time, largest first. */
  report() {
    return [...this.byText.values()].sort((a, b) => b.totalMs - a.totalMs);
  }
}

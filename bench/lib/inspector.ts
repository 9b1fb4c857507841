// Reads a server's JavaScript heap from outside through the V8 inspector
// (the server runs with --inspect on a loopback port): a full garbage
// collection first, then process.memoryUsage(). RSS alone cannot tell
// retained memory from garbage V8 has not collected yet.
import WebSocket from 'ws';

export interface HeapFigures {
  heapUsedMiB: number;
  externalMiB: number;
  rssMiB: number;
}

interface InspectorTarget {
  webSocketDebuggerUrl: string;
}

async function call(socket: WebSocket, id: number, method: string, params: object = {}): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const message = JSON.parse(data.toString()) as { id?: number; result?: unknown; error?: { message: string } };
      if (message.id !== id) return;
      socket.off('message', onMessage);
      if (message.error) reject(new Error(`${method}: ${message.error.message}`));
      else resolve(message.result);
    };
    socket.on('message', onMessage);
    socket.send(JSON.stringify({ id, method, params }));
  });
}

/** Collects garbage in the server's main thread and returns its memory figures. */
export async function heapAfterGc(inspectPort: number): Promise<HeapFigures> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json()) as InspectorTarget[];
  const socket = new WebSocket(targets[0]!.webSocketDebuggerUrl);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  try {
    await call(socket, 1, 'HeapProfiler.collectGarbage');
    const result = (await call(socket, 2, 'Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true })) as { result: { value: string } };
    const usage = JSON.parse(result.result.value) as NodeJS.MemoryUsage;
    const mib = (bytes: number): number => bytes / 1024 / 1024;
    return { heapUsedMiB: mib(usage.heapUsed), externalMiB: mib(usage.external), rssMiB: mib(usage.rss) };
  } finally {
    socket.close();
  }
}

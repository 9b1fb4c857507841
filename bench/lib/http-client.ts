// JSON over keep-alive HTTP/1.1 with node's own http module: one socket per
// concurrent conversation, reused for every turn, as a real channel gateway
// or a busy web chat would hold them.
import { Agent, request } from 'node:http';

export interface JsonResponse {
  status: number;
  body: unknown;
}

export class JsonClient {
  private readonly agent: Agent;

  constructor(
    private readonly baseUrl: string,
    private readonly token: string | undefined,
    maxSockets: number,
    private readonly timeoutMs = 30_000,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  post(path: string, payload: unknown): Promise<JsonResponse> {
    const body = JSON.stringify(payload);
    const url = new URL(path, this.baseUrl);
    const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    return new Promise((resolveResponse, reject) => {
      const req = request(
        { hostname: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers, agent: this.agent, timeout: this.timeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = text ? JSON.parse(text) : null;
            } catch {
              // Keep the raw text: it goes into the error sample.
            }
            resolveResponse({ status: res.statusCode ?? 0, body: parsed });
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`timeout after ${this.timeoutMs} ms`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

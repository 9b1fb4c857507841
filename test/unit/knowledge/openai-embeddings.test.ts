// Contract test of the OpenAI adapter against a local fake of POST /v1/embeddings.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAIEmbeddings } from '../../../knowledge/embeddings/openai.ts';

interface EmbeddingsRequest {
  model: string;
  input: string[] | string;
  dimensions?: number;
  encoding_format?: 'float' | 'base64';
}

/** OpenAI sends little-endian float32 bytes, base64-encoded, when asked for `encoding_format: base64`. */
function encode(vector: number[], format: EmbeddingsRequest['encoding_format']): number[] | string {
  return format === 'base64' ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
}

const received: { body: EmbeddingsRequest; authorization: string | undefined; path: string | undefined }[] = [];
let returnedDimensions = 384;
let server: Server;
let baseURL: string;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    request.on('data', (part: Buffer) => (data += part.toString('utf8')));
    request.on('end', () => resolve(data));
    request.on('error', reject);
  });
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = JSON.parse(await readBody(request)) as EmbeddingsRequest;
    received.push({ body, authorization: request.headers.authorization, path: request.url });
    const inputs = Array.isArray(body.input) ? body.input : [body.input];
    response.setHeader('content-type', 'application/json');
    response.end(
      JSON.stringify({
        object: 'list',
        model: body.model,
        // Each vector encodes its input's position so that ordering can be checked.
        data: inputs.map((_, index) => ({
          object: 'embedding',
          index,
          embedding: encode(
            Array.from({ length: returnedDimensions }, (_, d) => (d === 0 ? index : 0)),
            body.encoding_format,
          ),
        })),
        usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('OpenAIEmbeddings (LangChain adapter)', () => {
  it('asks text-embedding-3-small for 384 dimensions with the API key, keeping input order', async () => {
    const provider = new OpenAIEmbeddings({ apiKey: 'sk-test', baseURL, maxRetries: 0 });
    const vectors = await provider.embed(['requisitos', 'como pagar', 'gps']);
    expect(provider.model).toBe('text-embedding-3-small');
    expect(provider.dimensions).toBe(384);
    expect(vectors.map((v) => v[0])).toEqual([0, 1, 2]);
    expect(vectors.every((v) => v.length === 384)).toBe(true);
    const last = received.at(-1)!;
    expect(last.path).toBe('/v1/embeddings');
    expect(last.authorization).toBe('Bearer sk-test');
    expect(last.body.model).toBe('text-embedding-3-small');
    expect(last.body.dimensions).toBe(384);
    expect(last.body.input).toEqual(['requisitos', 'como pagar', 'gps']);
  });

  it('sends nothing for no texts', async () => {
    const before = received.length;
    expect(await new OpenAIEmbeddings({ apiKey: 'sk-test', baseURL }).embed([])).toEqual([]);
    expect(received.length).toBe(before);
  });

  it('rejects vectors of the wrong size instead of storing them', async () => {
    returnedDimensions = 1536;
    try {
      await expect(new OpenAIEmbeddings({ apiKey: 'sk-test', baseURL, maxRetries: 0 }).embed(['hola'])).rejects.toThrow(/1536 dimensions/);
    } finally {
      returnedDimensions = 384;
    }
  });
});

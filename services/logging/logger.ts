// Structured logs with pino. Personal data and secrets never reach the logs:
// request URLs are logged without their query string (Direct Line puts tokens
// there), and known sensitive fields are redacted wherever they appear.
import pino, { type Logger } from 'pino';
import type { LogLevel } from '../config/env.ts';

const SENSITIVE_KEYS = ['authorization', 'cookie', 'password', 'passwordHash', 'token', 'secret', 'apiKey', 'phone', 'phoneE164', 'email', 'text', 'birthDate', 'nationalId', 'curp', 'clabe'];

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'ana' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [...SENSITIVE_KEYS, ...SENSITIVE_KEYS.map((key) => `*.${key}`), 'req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'],
        censor: '[redacted]',
      },
      serializers: {
        req: (request: { method: string; url: string; id: string; ip?: string }) => ({ id: request.id, method: request.method, path: request.url.split('?')[0] }),
        res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
        err: pino.stdSerializers.err,
      },
    },
    destination,
  );
}

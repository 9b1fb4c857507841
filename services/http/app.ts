// The Fastify application: security headers, CORS, rate limiting, request ids,
// JSON-schema validation with 400s that say what is wrong, OpenAPI at /docs,
// and the health endpoints. Channels and staff routes are registered on top.
import { randomUUID } from 'node:crypto';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance, type RawReplyDefaultExpression, type RawRequestDefaultExpression, type RawServerDefault } from 'fastify';
import type { AppConfig } from '../config/env.ts';
import type { Database } from '../db/database.ts';
import { healthRoutes } from './health.ts';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

export interface HttpDependencies {
  config: Pick<AppConfig, 'corsOrigins' | 'rateLimitPerMinute'>;
  db: Database;
  logger: FastifyBaseLogger;
}

export async function buildHttpApp(deps: HttpDependencies): Promise<App> {
  const app = Fastify({
    loggerInstance: deps.logger,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: true,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: false, useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorateRequest('principal', null);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Web Chat injects its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        scriptSrc: ["'self'"],
        // Ana is often reached over plain http on a LAN or behind a TLS proxy.
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cors, { origin: deps.config.corsOrigins.length ? deps.config.corsOrigins : false });
  await app.register(rateLimit, { max: deps.config.rateLimitPerMinute, timeWindow: '1 minute', allowList: ['127.0.0.1', '::1'] });
  await app.register(websocket);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Ana — Club Cash In', version: '0.1.0', description: 'Conversation, knowledge and business API of Ana.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) {
      return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: error.message });
    }
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.code(status).send({ statusCode: status, error: 'Internal Server Error', message: 'Something went wrong on our side; the request id is in the x-request-id header.' });
    }
    return reply.code(status).send({ statusCode: status, error: error.name, message: error.message });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `No route ${request.method} ${request.url.split('?')[0]}` }),
  );

  await app.register(healthRoutes, { db: deps.db });
  return app;
}

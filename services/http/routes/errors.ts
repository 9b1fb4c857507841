// Business errors as HTTP answers for the business routes: a service's
// ValidationError is a 400 naming the field; a car the guide does not know is
// a 422 with suggestions. Anything else goes to the app's own error handler.
import type { FastifyError } from 'fastify';
import { ValidationError } from '../../credit/errors.ts';
import { VehicleNotInGuideError } from '../../scoring/prequalification.ts';
import type { App } from '../app.ts';

export function answerBusinessErrors(app: App): void {
  app.setErrorHandler((error: FastifyError | Error, _request, reply) => {
    if (error instanceof ValidationError) {
      return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: error.message, field: error.field, code: error.code });
    }
    if (error instanceof VehicleNotInGuideError) {
      return reply.code(422).send({ statusCode: 422, error: 'Unprocessable Entity', message: error.message, code: error.code, suggestions: error.suggestions });
    }
    throw error;
  });
}

export function notFound(what: string) {
  return { statusCode: 404, error: 'Not Found', message: `${what} not found` };
}

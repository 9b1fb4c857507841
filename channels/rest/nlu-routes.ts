// POST /v1/nlu/parse: Ana's reading of a text, like Rasa's /model/parse.
import { sharedNlu } from '../../bot/nlu-instance.ts';
import type { App } from '../../services/http/app.ts';
import { requireRole, type TokenVerifier } from '../../services/http/auth.ts';
import { ErrorSchema, ParseBody, ParseResult } from './schemas.ts';

export function registerNluRoutes(app: App, deps: { verifyToken: TokenVerifier; timeZone: string }): void {
  app.post(
    '/v1/nlu/parse',
    {
      preHandler: requireRole(deps.verifyToken),
      schema: { tags: ['nlu'], security: [{ bearer: [] }], body: ParseBody, response: { 200: ParseResult, 400: ErrorSchema, 401: ErrorSchema } },
    },
    async (request) => sharedNlu().parse(request.body.text, { referenceTime: new Date(), timeZone: deps.timeZone }),
  );
}

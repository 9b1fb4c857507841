// `GET /v1/me`: lets an integrator or staff member check which identity and
// role their token carries.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { requireRole, type TokenVerifier } from './auth.ts';

export const meRoutes: FastifyPluginAsync<{ verifyToken: TokenVerifier }> = async (app, { verifyToken }) => {
  app.get('/v1/me', {
    preHandler: requireRole(verifyToken, 'admin', 'advisor', 'curator'),
    schema: { tags: ['auth'], security: [{ bearer: [] }], response: { 200: Type.Object({ name: Type.String(), role: Type.String(), userId: Type.Union([Type.String(), Type.Null()]) }) } },
  }, async (request) => ({ name: request.principal!.name, role: request.principal!.role, userId: request.principal!.userId }));
};

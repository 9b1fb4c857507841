// Bearer-token authentication and role checks for staff, advisor and
// integrator routes. Admins may do everything.
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Principal } from '../auth/tokens.ts';
import type { UserRole } from '../db/generated/enums.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export type TokenVerifier = (token: string) => Promise<Principal | null>;

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

/** preHandler: the caller must present a valid token with one of `roles` (admin always passes). */
export function requireRole(verify: TokenVerifier, ...roles: UserRole[]): preHandlerAsyncHookHandler {
  return async function checkRole(request: FastifyRequest, reply: FastifyReply) {
    const token = bearerToken(request);
    if (!token) return reply.code(401).header('www-authenticate', 'Bearer').send({ statusCode: 401, error: 'Unauthorized', message: 'Missing bearer token: send "Authorization: Bearer <token>"' });
    const principal = await verify(token);
    if (!principal) return reply.code(401).header('www-authenticate', 'Bearer error="invalid_token"').send({ statusCode: 401, error: 'Unauthorized', message: 'The token is invalid, expired or revoked' });
    if (principal.role !== 'admin' && roles.length > 0 && !roles.includes(principal.role)) {
      return reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: `This route needs one of the roles: ${['admin', ...roles].join(', ')}` });
    }
    request.principal = principal;
  };
}

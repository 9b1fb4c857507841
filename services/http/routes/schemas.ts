// Shared JSON-schema pieces for the business routes. Convention: amounts and
// rates come in as JSON numbers; money goes out as strings with exactly two
// decimals ("10046.21"), rates as decimal strings ("0.035"), CAT as a
// percentage string with one decimal ("98.4"), dates as ISO strings.
import { Type } from 'typebox';

export const Money = Type.String({ pattern: '^-?\\d+\\.\\d{2}$', description: 'MXN, two decimals, as a string', examples: ['10046.21'] });
export const PaymentSchemeSchema = Type.Enum(['fixed', 'decreasing', 'interest_only'], { description: 'fixed (French), decreasing (fixed principal) or interest_only' });
export const ProductSchema = Type.Enum(['credit', 'investment', 'vehicle']);
export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Uuid });
export const ErrorBody = Type.Object({ statusCode: Type.Integer(), error: Type.String(), message: Type.String() }, { additionalProperties: true });

export function pagination(maxPageSize = 50) {
  return {
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: maxPageSize, default: 20 })),
  };
}

/** Route config that rate-limits a public route per client IP. */
export function publicRateLimit(max: number) {
  return { rateLimit: { max, timeWindow: '1 minute' } };
}

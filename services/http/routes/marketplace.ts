// The marketplace catalog: cars for sale with their financing, filtered by
// brand, years, price and — with a prequalification or explicit limits — by
// what the customer can afford. Public, paginated (pageSize ≤ 50).
import { Type } from 'typebox';
import type { BusinessConfig } from '../../config/business.ts';
import type { PrismaClient } from '../../db/database.ts';
import { capacityFromPrequalification, MAX_PAGE_SIZE, searchCatalog, serializeVehicleCard } from '../../marketplace/catalog.ts';
import type { App } from '../app.ts';
import { pagination, publicRateLimit, Uuid } from './schemas.ts';

const CatalogQuery = Type.Object(
  {
    brand: Type.Optional(Type.String({ maxLength: 60 })),
    yearMin: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100 })),
    yearMax: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100 })),
    priceMin: Type.Optional(Type.Number({ minimum: 0 })),
    priceMax: Type.Optional(Type.Number({ minimum: 0 })),
    maxAmount: Type.Optional(Type.Number({ minimum: 0, description: 'Prequalified maximum: price must be within it' })),
    maxMonthlyPayment: Type.Optional(Type.Number({ minimum: 0, description: 'Monthly payment of the financing must be within it' })),
    prequalificationId: Type.Optional(Uuid),
    ...pagination(MAX_PAGE_SIZE),
  },
  { additionalProperties: false },
);

export function marketplaceRoutes(app: App, deps: { prisma: PrismaClient; business: BusinessConfig; rateLimitPerMinute: number }): void {
  app.get('/v1/marketplace/vehicles', {
    config: publicRateLimit(deps.rateLimitPerMinute),
    schema: { tags: ['marketplace'], summary: 'Catalog with financing (80 % at 36 months); money as strings with two decimals', querystring: CatalogQuery },
  }, async (request, reply) => {
    const { prequalificationId, ...query } = request.query;
    let capacity = {};
    if (prequalificationId) {
      const found = await capacityFromPrequalification(deps.prisma, deps.business, prequalificationId);
      if (!found) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: 'prequalificationId: no such prequalification, or it was declined' });
      capacity = { maxAmount: found.maxAmount, maxMonthlyPayment: found.maxMonthlyPayment, monthlyRate: found.monthlyRate };
    }
    const page = await searchCatalog(deps.prisma, deps.business, { ...query, ...capacity });
    return { ...page, items: page.items.map(serializeVehicleCard) };
  });
}

// The "Score de Crédito" for other products (Tranki, the landing page):
// the car is valued from the price guide, the rules decide, the decision is stored.
import { Type } from 'typebox';
import type { BusinessConfig } from '../../config/business.ts';
import { moneyString } from '../../credit/money.ts';
import type { PrismaClient } from '../../db/database.ts';
import { prequalifyVehicle } from '../../scoring/prequalification.ts';
import type { App } from '../app.ts';
import { publicRateLimit } from './schemas.ts';

const PrequalificationBody = Type.Object(
  {
    vehicle: Type.Object({
      brand: Type.String({ minLength: 1, maxLength: 60 }),
      model: Type.String({ minLength: 1, maxLength: 60 }),
      year: Type.Integer({ minimum: 1900, maximum: 2100 }),
    }, { additionalProperties: false }),
    monthlyIncome: Type.Number({ minimum: 0 }),
    monthlyDebts: Type.Optional(Type.Number({ minimum: 0 })),
    bureauScore: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
    requestedAmount: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    requestedTermMonths: Type.Optional(Type.Integer({ minimum: 1, maximum: 120 })),
  },
  { additionalProperties: false },
);

export function prequalificationRoutes(app: App, deps: { prisma: PrismaClient; business: BusinessConfig; rateLimitPerMinute: number }): void {
  app.post('/v1/prequalifications', {
    config: publicRateLimit(deps.rateLimitPerMinute),
    schema: {
      tags: ['scoring'],
      summary: 'Prequalify: grade, maximum amount and term, decision and reasons (es-MX). 422 when the car is not in the price guide.',
      body: PrequalificationBody,
    },
  }, async (request, reply) => {
    const body = request.body;
    const stored = await prequalifyVehicle(deps, {
      ...body.vehicle,
      monthlyIncome: String(body.monthlyIncome),
      monthlyDebts: body.monthlyDebts === undefined ? undefined : String(body.monthlyDebts),
      bureauScore: body.bureauScore,
      requestedAmount: body.requestedAmount === undefined ? undefined : String(body.requestedAmount),
      requestedTermMonths: body.requestedTermMonths,
    });
    return reply.code(201).send({
      id: stored.id,
      vehicle: { ...stored.vehicle, referenceValue: moneyString(stored.vehicle.referenceValue) },
      decision: stored.decision,
      grade: stored.grade,
      maxAmount: moneyString(stored.maxAmount),
      maxTermMonths: stored.maxTermMonths,
      monthlyRate: stored.monthlyRate.toString(),
      reasons: stored.reasons,
      reasonCodes: stored.reasonCodes,
      ruleVersion: stored.ruleVersion,
    });
  });
}

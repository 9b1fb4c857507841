// Public lead capture for the landing-page form: the very same captureLead
// Ana uses. A filled honeypot (`website`, invisible to people) is answered
// 202 like a real submission and nothing is stored, so bots learn nothing.
import { Type } from 'typebox';
import type { PrismaClient } from '../../db/database.ts';
import { captureLead } from '../../crm/leads.ts';
import type { App } from '../app.ts';
import { ProductSchema, publicRateLimit } from './schemas.ts';

const Utm = (name: string) => Type.Optional(Type.String({ maxLength: 200, description: `utm_${name}` }));

const LeadBody = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 120 }),
    phone: Type.Optional(Type.String({ minLength: 7, maxLength: 30 })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
    product: ProductSchema,
    amount: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 100_000_000 })),
    termMonths: Type.Optional(Type.Integer({ minimum: 1, maximum: 120 })),
    message: Type.Optional(Type.String({ maxLength: 2000 })),
    utmSource: Utm('source'),
    utmMedium: Utm('medium'),
    utmCampaign: Utm('campaign'),
    utmTerm: Utm('term'),
    utmContent: Utm('content'),
    consent: Type.Literal(true, { description: 'Acceptance of the privacy notice; must be true' }),
    website: Type.Optional(Type.String({ maxLength: 500, description: 'Honeypot: leave empty' })),
  },
  { additionalProperties: false, anyOf: [{ required: ['phone'] }, { required: ['email'] }] },
);

const Accepted = Type.Object({ status: Type.Literal('received'), message: Type.String() });
const THANKS = '¡Gracias! Un asesor de Club Cash In te contactará muy pronto.';

export function leadRoutes(app: App, deps: { prisma: PrismaClient; leadsPerMinute: number }): void {
  app.post('/v1/leads', {
    config: publicRateLimit(deps.leadsPerMinute),
    schema: {
      tags: ['crm'],
      summary: 'Landing-page lead: name, phone and/or e-mail, product, consent; rate limited per IP',
      body: LeadBody,
      response: { 202: Accepted },
    },
  }, async (request, reply) => {
    const body = request.body;
    if (body.website && body.website.trim() !== '') {
      request.log.info({ honeypot: true }, 'lead form honeypot filled; ignored');
      return reply.code(202).send({ status: 'received', message: THANKS });
    }
    await captureLead(deps.prisma, {
      name: body.name,
      phone: body.phone,
      email: body.email,
      product: body.product,
      amount: body.amount === undefined ? undefined : String(body.amount),
      termMonths: body.termMonths,
      message: body.message,
      source: 'landing_form',
      utm: { source: body.utmSource, medium: body.utmMedium, campaign: body.utmCampaign, term: body.utmTerm, content: body.utmContent },
    });
    return reply.code(202).send({ status: 'received', message: THANKS });
  });
}

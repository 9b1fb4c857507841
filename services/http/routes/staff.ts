// Staff reads of the CRM and the loan book (token with role admin or advisor).
// Decrypted personal data (CURP, birth date) only for admins, and each such
// read is audited.
import { Type } from 'typebox';
import { audit } from '../../audit/audit.ts';
import { getLoanSummary, serializeLoanSummary } from '../../credit/loans.ts';
import { Decimal, moneyString } from '../../credit/money.ts';
import { getTimeline } from '../../crm/timeline.ts';
import type { PrismaClient } from '../../db/database.ts';
import type { Prisma } from '../../db/generated/client.ts';
import type { PiiCipher } from '../../security/pii.ts';
import type { App } from '../app.ts';
import { requireRole, type TokenVerifier } from '../auth.ts';
import { notFound } from './errors.ts';
import { IdParams, pagination, ProductSchema, Uuid } from './schemas.ts';

export interface StaffDeps {
  prisma: PrismaClient;
  pii: PiiCipher;
  verifyToken: TokenVerifier;
  timeZone: string;
}

/** Prisma Decimal → API money string. */
const m = (value: { toString(): string }): string => moneyString(new Decimal(value.toString()));

export function staffRoutes(app: App, deps: StaffDeps): void {
  const staff = { preHandler: requireRole(deps.verifyToken, 'advisor'), security: [{ bearer: [] }] };
  const page = (p = 1, size = 20) => ({ skip: (p - 1) * size, take: size });

  app.get('/v1/staff/contacts', {
    preHandler: staff.preHandler,
    schema: { tags: ['staff'], security: staff.security, querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })), ...pagination() }, { additionalProperties: false }) },
  }, async (request) => {
    const { q, page: p, pageSize } = request.query;
    const term = q?.trim();
    const digits = term?.replace(/\D/g, '');
    const where: Prisma.ContactWhereInput = term
      ? {
          OR: [
            { displayName: { contains: term, mode: 'insensitive' } },
            { firstName: { contains: term, mode: 'insensitive' } },
            { lastName: { contains: term, mode: 'insensitive' } },
            { email: { contains: term.toLowerCase() } },
            ...(digits && digits.length >= 4 ? [{ phoneE164: { contains: digits } }] : []),
          ],
        }
      : {};
    const [total, contacts] = await Promise.all([
      deps.prisma.contact.count({ where }),
      deps.prisma.contact.findMany({ where, orderBy: { updatedAt: 'desc' }, ...page(p, pageSize), select: { id: true, displayName: true, firstName: true, lastName: true, phoneE164: true, email: true, createdAt: true } }),
    ]);
    return { items: contacts, total, page: p ?? 1, pageSize: pageSize ?? 20 };
  });

  app.get('/v1/staff/contacts/:id', {
    preHandler: staff.preHandler,
    schema: { tags: ['staff'], security: staff.security, params: IdParams },
  }, async (request, reply) => {
    const contact = await deps.prisma.contact.findUnique({
      where: { id: request.params.id },
      include: {
        leads: { orderBy: { createdAt: 'desc' }, take: 50 },
        opportunities: { orderBy: { createdAt: 'desc' }, take: 50 },
        tasks: { where: { status: 'open' }, orderBy: { dueAt: 'asc' } },
        loans: { select: { id: true, contractNumber: true, status: true } },
      },
    });
    if (!contact) return reply.code(404).send(notFound('Contact'));
    const { nationalIdEncrypted, birthDateEncrypted, nationalIdHash: _hash, ...rest } = contact;
    const principal = request.principal!;
    let pii: { nationalId: string | null; birthDate: string | null } | undefined;
    if (principal.role === 'admin') {
      pii = {
        nationalId: nationalIdEncrypted ? deps.pii.decrypt(nationalIdEncrypted) : null,
        birthDate: birthDateEncrypted ? deps.pii.decrypt(birthDateEncrypted) : null,
      };
      await audit(deps.prisma, { actorType: principal.userId ? 'user' : 'token', actorId: principal.userId ?? principal.tokenId, action: 'contact.pii.read', entity: 'contact', entityId: contact.id });
    }
    return {
      ...rest,
      opportunities: rest.opportunities.map((o) => ({ ...o, amount: o.amount === null ? null : m(o.amount) })),
      hasNationalId: nationalIdEncrypted !== null,
      hasBirthDate: birthDateEncrypted !== null,
      ...(pii ? { pii } : {}),
      timeline: await getTimeline(deps.prisma, contact.id),
    };
  });

  app.get('/v1/staff/leads', {
    preHandler: staff.preHandler,
    schema: {
      tags: ['staff'],
      security: staff.security,
      querystring: Type.Object({ status: Type.Optional(Type.Enum(['new', 'contacted', 'qualified', 'unqualified', 'converted', 'lost'])), advisorId: Type.Optional(Uuid), ...pagination() }, { additionalProperties: false }),
    },
  }, async (request) => {
    const { status, advisorId, page: p, pageSize } = request.query;
    const where: Prisma.LeadWhereInput = { ...(status ? { status } : {}), ...(advisorId ? { assignedAdvisorId: advisorId } : {}) };
    const [total, items] = await Promise.all([
      deps.prisma.lead.count({ where }),
      deps.prisma.lead.findMany({
        where,
        orderBy: { createdAt: 'desc' },
        ...page(p, pageSize),
        include: { contact: { select: { id: true, displayName: true, phoneE164: true, email: true } }, assignedAdvisor: { select: { id: true, name: true } } },
      }),
    ]);
    return { items, total, page: p ?? 1, pageSize: pageSize ?? 20 };
  });

  app.get('/v1/staff/opportunities', {
    preHandler: staff.preHandler,
    schema: {
      tags: ['staff'],
      security: staff.security,
      querystring: Type.Object({
        product: Type.Optional(ProductSchema),
        stage: Type.Optional(Type.Enum(['new', 'prequalified', 'documents', 'appraisal', 'approved', 'contract', 'disbursed', 'won', 'lost'])),
        advisorId: Type.Optional(Uuid),
        ...pagination(),
      }, { additionalProperties: false }),
    },
  }, async (request) => {
    const { product, stage, advisorId, page: p, pageSize } = request.query;
    const where: Prisma.OpportunityWhereInput = { ...(product ? { product } : {}), ...(stage ? { stage } : {}), ...(advisorId ? { assignedAdvisorId: advisorId } : {}) };
    const [total, rows] = await Promise.all([
      deps.prisma.opportunity.count({ where }),
      deps.prisma.opportunity.findMany({
        where,
        orderBy: { createdAt: 'desc' },
        ...page(p, pageSize),
        include: { contact: { select: { id: true, displayName: true } }, assignedAdvisor: { select: { id: true, name: true } } },
      }),
    ]);
    return { items: rows.map((o) => ({ ...o, amount: o.amount === null ? null : m(o.amount) })), total, page: p ?? 1, pageSize: pageSize ?? 20 };
  });

  app.get('/v1/staff/loans/:id', {
    preHandler: staff.preHandler,
    schema: { tags: ['staff'], security: staff.security, params: IdParams },
  }, async (request, reply) => {
    const summary = await getLoanSummary(deps.prisma, request.params.id, { timeZone: deps.timeZone });
    if (!summary) return reply.code(404).send(notFound('Loan'));
    const [installments, payments] = await Promise.all([
      deps.prisma.installment.findMany({ where: { loanId: summary.loanId }, orderBy: { number: 'asc' } }),
      deps.prisma.payment.findMany({ where: { loanId: summary.loanId }, orderBy: { paidAt: 'desc' } }),
    ]);
    return {
      ...serializeLoanSummary(summary),
      installments: installments.map((i) => ({
        number: i.number, dueDate: i.dueDate.toISOString().slice(0, 10), principal: m(i.principal), interest: m(i.interest), vat: m(i.vat), fees: m(i.fees),
        amount: m(i.amount), paidAmount: m(i.paidAmount), status: i.status, paidAt: i.paidAt,
      })),
      payments: payments.map((p) => ({ id: p.id, amount: m(p.amount), paidAt: p.paidAt, method: p.method, reference: p.reference, status: p.status })),
    };
  });
}

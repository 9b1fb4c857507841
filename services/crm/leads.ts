/**
 * Lead capture: the one code path for every way a person asks for something —
 * the landing-page form (`POST /v1/leads`), Ana in any channel, "me interesa"
 * in the marketplace. It upserts the contact, records the lead with its
 * source and UTM, opens (or reuses) the opportunity for the product, assigns
 * an advisor and gives them a call-back task, and writes the timeline.
 */
import type { PrismaClient } from '../db/database.ts';
import type { Contact, Lead, Opportunity, Product, Task } from '../db/generated/client.ts';
import { ValidationError } from '../credit/errors.ts';
import { type DecimalInput, toDecimal } from '../credit/money.ts';
import { assignAdvisor, type AssignedAdvisor } from './assignment.ts';
import { upsertContact, type ContactDetails } from './contacts.ts';
import { recordInteraction } from './timeline.ts';
import { callbackDueAt, parseWorkingHours } from './working-hours.ts';

export interface Utm {
  source?: string;
  medium?: string;
  campaign?: string;
  term?: string;
  content?: string;
}

export interface LeadCaptureInput extends ContactDetails {
  product: Product;
  /** Where the lead came from: "landing_form", "ana", "marketplace"... */
  source: string;
  amount?: DecimalInput;
  termMonths?: number;
  message?: string;
  conversationId?: string;
  utm?: Utm;
  catalogVehicleId?: string;
}

export interface LeadCaptureResult {
  contact: Contact;
  lead: Lead;
  opportunity: Opportunity;
  /** Null only when Club Cash In has no active advisor at all. */
  advisor: Pick<AssignedAdvisor, 'id' | 'name' | 'basis'> | null;
  /** The call-back task; null when one was already open for this contact and advisor. */
  task: Task | null;
}

export interface LeadCaptureOptions {
  now?: Date;
  /** How soon (within working hours) the advisor should call back. */
  callbackWithinMinutes?: number;
}

const PRODUCT_LABEL: Record<Product, string> = { credit: 'crédito', investment: 'inversión', vehicle: 'auto del marketplace' };
const CLOSED_STAGES = ['won', 'lost'] as const;

function optionalAmount(amount: DecimalInput | undefined) {
  if (amount === undefined) return undefined;
  const value = toDecimal(amount, 'amount');
  if (value.lte(0)) throw new ValidationError('amount', `must be greater than 0, got ${value}`);
  return value.toDecimalPlaces(2);
}

function clip(value: string | undefined, max = 200): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, max) : null;
}

export async function captureLead(prisma: PrismaClient, input: LeadCaptureInput, options: LeadCaptureOptions = {}): Promise<LeadCaptureResult> {
  const now = options.now ?? new Date();
  const amount = optionalAmount(input.amount);
  const contact = await upsertContact(prisma, input);

  // An opportunity per product: a second request for the same product updates it
  // and stays with the advisor who already knows the person.
  const openOpportunity = await prisma.opportunity.findFirst({
    where: { contactId: contact.id, product: input.product, stage: { notIn: [...CLOSED_STAGES] } },
    include: { assignedAdvisor: true },
    orderBy: { createdAt: 'desc' },
  });
  const advisor: LeadCaptureResult['advisor'] = openOpportunity?.assignedAdvisor?.active
    ? { id: openOpportunity.assignedAdvisor.id, name: openOpportunity.assignedAdvisor.name, basis: 'with_skill' }
    : await assignAdvisor(prisma, input.product, now);
  const channel = input.channel ?? null;

  const lead = await prisma.lead.create({
    data: {
      contactId: contact.id,
      conversationId: input.conversationId ?? null,
      source: input.source,
      channel,
      utmSource: clip(input.utm?.source),
      utmMedium: clip(input.utm?.medium),
      utmCampaign: clip(input.utm?.campaign),
      utmTerm: clip(input.utm?.term),
      utmContent: clip(input.utm?.content),
      assignedAdvisorId: advisor?.id ?? null,
    },
  });

  const opportunity = openOpportunity
    ? await prisma.opportunity.update({
        where: { id: openOpportunity.id },
        data: {
          leadId: lead.id,
          assignedAdvisorId: advisor?.id ?? null,
          ...(amount ? { amount } : {}),
          ...(input.termMonths ? { termMonths: input.termMonths } : {}),
          ...(input.catalogVehicleId ? { catalogVehicleId: input.catalogVehicleId } : {}),
        },
      })
    : await prisma.opportunity.create({
        data: {
          contactId: contact.id,
          leadId: lead.id,
          product: input.product,
          amount: amount ?? null,
          termMonths: input.termMonths ?? null,
          assignedAdvisorId: advisor?.id ?? null,
          catalogVehicleId: input.catalogVehicleId ?? null,
        },
      });

  if (input.message?.trim()) {
    await prisma.note.create({ data: { contactId: contact.id, body: input.message.trim().slice(0, 2000) } });
  }

  const task = advisor ? await scheduleCallback(prisma, { contact, opportunity, advisorId: advisor.id, product: input.product, now, withinMinutes: options.callbackWithinMinutes ?? 120 }) : null;

  await recordInteraction(prisma, {
    contactId: contact.id,
    conversationId: input.conversationId,
    kind: 'lead',
    summary: `Lead from ${input.source}${channel ? ` (${channel})` : ''} for ${input.product}`,
    data: { leadId: lead.id, source: input.source, channel, utmCampaign: lead.utmCampaign },
    occurredAt: now,
  });
  if (!openOpportunity) {
    await recordInteraction(prisma, {
      contactId: contact.id,
      conversationId: input.conversationId,
      kind: 'opportunity',
      summary: `Opportunity opened for ${input.product}${advisor ? `, assigned to ${advisor.name}` : ''}`,
      data: { opportunityId: opportunity.id, product: input.product, amount: amount?.toFixed(2) ?? null, advisorId: advisor?.id ?? null },
      occurredAt: now,
    });
  }
  return { contact, lead, opportunity, advisor: advisor ? { id: advisor.id, name: advisor.name, basis: advisor.basis } : null, task };
}

async function scheduleCallback(
  prisma: PrismaClient,
  args: { contact: Contact; opportunity: Opportunity; advisorId: string; product: Product; now: Date; withinMinutes: number },
): Promise<Task | null> {
  const pending = await prisma.task.findFirst({
    where: { contactId: args.contact.id, assigneeId: args.advisorId, kind: 'callback', status: 'open' },
  });
  if (pending) return null;
  const profile = await prisma.advisorProfile.findUnique({ where: { userId: args.advisorId } });
  const dueAt = profile
    ? callbackDueAt(parseWorkingHours(profile.workingHours), profile.timeZone, args.now, args.withinMinutes)
    : new Date(args.now.getTime() + args.withinMinutes * 60_000);
  const who = args.contact.displayName ?? args.contact.phoneE164 ?? args.contact.email ?? 'cliente';
  return prisma.task.create({
    data: {
      contactId: args.contact.id,
      opportunityId: args.opportunity.id,
      assigneeId: args.advisorId,
      kind: 'callback',
      title: `Llamar a ${who} (${PRODUCT_LABEL[args.product]})`,
      dueAt,
    },
  });
}

// What Ana's handlers may ask of Club Cash In's business services, bound once
// to the database, the PII cipher and the business configuration (see
// bot/shared-processor.ts). Handlers stay thin: they call these and choose
// replies. Loan data is only reachable through the verified-conversation
// functions of services/credit/verification.ts, so no handler can skip the check.
import type { BusinessConfig } from '../../services/config/business.ts';
import type { PaymentInstructions } from '../../services/credit/payments.ts';
import { reportPayment } from '../../services/credit/payments.ts';
import type { LoanSummary } from '../../services/credit/loans.ts';
import {
  loanForConversation,
  loansForConversation,
  verifyByContract,
  verifyBySenderPhone,
  type Disclosure,
  type VerificationOutcome,
} from '../../services/credit/verification.ts';
import { upsertContact, type ContactDetails } from '../../services/crm/contacts.ts';
import { captureLead, type LeadCaptureInput, type LeadCaptureResult } from '../../services/crm/leads.ts';
import type { PrismaClient } from '../../services/db/database.ts';
import type { Payment } from '../../services/db/generated/client.ts';
import { expressInterest, searchCatalog, vehicleCard, type CatalogPage, type CatalogQuery, type VehicleCard } from '../../services/marketplace/catalog.ts';
import {
  findReferenceValue,
  prequalifyVehicle,
  type GuideMatch,
  type PrequalificationRequest,
  type StoredPrequalification,
  type VehicleQuery,
} from '../../services/scoring/prequalification.ts';
import type { PiiCipher } from '../../services/security/pii.ts';

export interface KnownContact {
  firstName: string | null;
  phoneE164: string | null;
  email: string | null;
}

export interface BackOffice {
  contact(contactId: string): Promise<KnownContact | null>;
  /** The CRM contact for what the customer told us (found by phone or e-mail, else created). */
  identify(details: ContactDetails): Promise<{ id: string }>;
  captureLead(input: LeadCaptureInput, now: Date): Promise<LeadCaptureResult>;
  prequalify(request: PrequalificationRequest, now: Date): Promise<StoredPrequalification>;
  /** The car's reference value in the price guide; throws VehicleNotInGuideError with suggestions. */
  findVehicle(query: VehicleQuery): Promise<GuideMatch>;
  verifyBySender(conversationId: string, now: Date): Promise<VerificationOutcome>;
  verifyByContract(conversationId: string, contractNumber: string, birthDate: string, now: Date): Promise<VerificationOutcome>;
  loans(conversationId: string, now: Date): Promise<Disclosure<{ loans: LoanSummary[] }>>;
  loan(conversationId: string, loanId: string, now: Date): Promise<Disclosure<{ loan: LoanSummary; payment: PaymentInstructions }>>;
  reportPayment(report: { conversationId: string; loanId: string; amount: string; paidAt: Date }, now: Date): Promise<Payment>;
  searchCatalog(query: CatalogQuery, now: Date): Promise<CatalogPage>;
  /** A catalog car still for sale, as a card; null when unknown or sold. */
  vehicle(vehicleId: string, now: Date): Promise<VehicleCard | null>;
  expressInterest(request: { contactId: string; vehicleId: string; conversationId: string; channel: LeadCaptureInput['channel'] }, now: Date): Promise<LeadCaptureResult & { vehicle: VehicleCard }>;
}

export interface BackOfficeDependencies {
  prisma: PrismaClient;
  pii: PiiCipher;
  business: BusinessConfig;
  timeZone: string;
}

export function createBackOffice({ prisma, pii, business, timeZone }: BackOfficeDependencies): BackOffice {
  const credit = { prisma, pii, timeZone };
  return {
    contact: (contactId) => prisma.contact.findUnique({ where: { id: contactId }, select: { firstName: true, phoneE164: true, email: true } }),
    identify: async (details) => ({ id: (await upsertContact(prisma, details)).id }),
    captureLead: (input, now) => captureLead(prisma, input, { now }),
    prequalify: (request, now) => prequalifyVehicle({ prisma, business }, request, now),
    findVehicle: (query) => findReferenceValue(prisma, query),
    verifyBySender: (conversationId, now) => verifyBySenderPhone(credit, { conversationId, now }),
    verifyByContract: (conversationId, contractNumber, birthDate, now) => verifyByContract(credit, { conversationId, contractNumber, birthDate, now }),
    loans: (conversationId, now) => loansForConversation(credit, { conversationId, now }),
    loan: (conversationId, loanId, now) => loanForConversation(credit, { conversationId, loan: { id: loanId }, now }),
    async reportPayment(report, now) {
      // The loan must belong to the verified contact: checked through the same disclosure path.
      const owned = await loanForConversation(credit, { conversationId: report.conversationId, loan: { id: report.loanId }, now });
      if (owned.status !== 'ok') throw new Error(`payment report refused: ${owned.status}`);
      return reportPayment(
        prisma,
        { loanId: report.loanId, amount: report.amount, paidAt: report.paidAt, method: 'spei', conversationId: report.conversationId, reportedBy: { actorType: 'customer', actorId: owned.contactId } },
        now,
      );
    },
    searchCatalog: (query, now) => searchCatalog(prisma, business, query, now),
    async vehicle(vehicleId, now) {
      const row = await prisma.catalogVehicle.findUnique({ where: { id: vehicleId } });
      return row && row.status !== 'sold' ? vehicleCard(row, business, {}, now) : null;
    },
    expressInterest: (request, now) => expressInterest(prisma, business, { ...request, source: 'ana' }, now),
  };
}

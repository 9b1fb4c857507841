/**
 * How a customer pays a loan and tells us they did. Every loan has its own
 * payment reference and CLABE (an STP-style collection account), so a SPEI
 * transfer identifies the loan by itself. A reported payment is recorded as
 * `pending` until treasury matches it against the bank statement and applies
 * it to the installments; Ana never marks anything as paid.
 */
import { audit } from '../audit/audit.ts';
import { recordInteraction } from '../crm/timeline.ts';
import type { PrismaClient } from '../db/database.ts';
import type { Loan, Payment } from '../db/generated/client.ts';
import { ValidationError } from './errors.ts';
import { type DecimalInput, moneyString, toDecimal } from './money.ts';

/** Collection details; business settings, not code (bank name, beneficiary, where to send receipts). */
export interface PaymentSettings {
  bankName: string;
  beneficiary: string;
  /** Where customers send the receipt, in plain words. */
  reportChannels: string;
}

export const DEFAULT_PAYMENT_SETTINGS: PaymentSettings = {
  bankName: 'STP (Sistema de Transferencias y Pagos)',
  beneficiary: 'Club Cash In',
  reportChannels: 'Mándanos aquí mismo la foto de tu comprobante (monto, fecha y clave de rastreo) y lo registramos.',
};

export interface PaymentInstructions {
  loanId: string;
  contractNumber: string;
  paymentReference: string;
  clabe: string;
  bankName: string;
  beneficiary: string;
  /** Customer-facing text (es-MX) on how to report a payment. */
  howToReport: string;
}

export function paymentInstructions(
  loan: Pick<Loan, 'id' | 'contractNumber' | 'paymentReference' | 'clabe'>,
  settings: PaymentSettings = DEFAULT_PAYMENT_SETTINGS,
): PaymentInstructions {
  return {
    loanId: loan.id,
    contractNumber: loan.contractNumber,
    paymentReference: loan.paymentReference,
    clabe: loan.clabe,
    bankName: settings.bankName,
    beneficiary: settings.beneficiary,
    howToReport: `Haz tu transferencia SPEI a la CLABE ${loan.clabe} (${settings.bankName}, a nombre de ${settings.beneficiary}) con la referencia ${loan.paymentReference}. ${settings.reportChannels}`,
  };
}

export interface PaymentReport {
  loanId: string;
  amount: DecimalInput;
  paidAt: Date;
  /** "spei", "deposito", "oxxo"... */
  method: string;
  /** Bank tracking key ("clave de rastreo") or receipt number, when the customer has it. */
  reference?: string;
  conversationId?: string;
  reportedBy: { actorType: 'customer' | 'user' | 'token'; actorId?: string | null };
}

export async function reportPayment(prisma: PrismaClient, report: PaymentReport, now = new Date()): Promise<Payment> {
  const amount = toDecimal(report.amount, 'amount');
  if (amount.lte(0) || amount.decimalPlaces() > 2) throw new ValidationError('amount', `must be greater than 0 with at most 2 decimals, got ${amount}`);
  if (Number.isNaN(report.paidAt.getTime())) throw new ValidationError('paidAt', 'is not a valid date');
  if (report.paidAt.getTime() > now.getTime() + 5 * 60_000) throw new ValidationError('paidAt', 'cannot be in the future');
  const method = report.method.trim().toLowerCase();
  if (!/^[a-z_ ]{2,30}$/.test(method)) throw new ValidationError('method', `is not a payment method: ${JSON.stringify(report.method)}`);

  const loan = await prisma.loan.findUnique({ where: { id: report.loanId } });
  if (!loan) throw new ValidationError('loanId', 'no such loan', 'not_allowed');
  const payment = await prisma.payment.create({
    data: { loanId: loan.id, amount: moneyString(amount), paidAt: report.paidAt, method, reference: report.reference?.trim().slice(0, 60) || null, status: 'pending' },
  });
  await recordInteraction(prisma, {
    contactId: loan.contactId,
    conversationId: report.conversationId,
    kind: 'payment_report',
    summary: `Payment of ${moneyString(amount)} MXN reported for ${loan.contractNumber} (${method}), pending reconciliation`,
    data: { paymentId: payment.id, loanId: loan.id, amount: moneyString(amount), method },
    occurredAt: now,
  });
  await audit(prisma, {
    actorType: report.reportedBy.actorType,
    actorId: report.reportedBy.actorId ?? null,
    action: 'payment.reported',
    entity: 'payment',
    entityId: payment.id,
    after: { loanId: loan.id, amount: moneyString(amount), method, status: 'pending' },
  });
  return payment;
}

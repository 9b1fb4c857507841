/**
 * The "Score de Crédito" as a service: the customer names their car (brand,
 * model, year), we look up its reference value in the price guide, run the
 * prequalification rules (rules.ts) and keep the decision with its inputs and
 * rule version, plus an entry on the contact's timeline.
 *
 * Names are matched without case, accents, spaces or dashes ("CR-V" = "crv",
 * "Mazda3" = "mazda 3"), with a few common brand nicknames ("vw", "chevy").
 * A car that is not in the guide is a `VehicleNotInGuideError`: we cannot
 * value it automatically, so an advisor has to review it.
 */
import type { BusinessConfig } from '../config/business.ts';
import { ValidationError } from '../credit/errors.ts';
import { Decimal, type DecimalInput, moneyString, toDecimal } from '../credit/money.ts';
import { recordInteraction } from '../crm/timeline.ts';
import type { PrismaClient } from '../db/database.ts';
import type { Prisma } from '../db/generated/client.ts';
import { prequalify, type PrequalificationResult } from './rules.ts';

export interface VehicleQuery {
  brand: string;
  model: string;
  year: number;
}

export interface PrequalificationRequest extends VehicleQuery {
  monthlyIncome: DecimalInput;
  monthlyDebts?: DecimalInput;
  bureauScore?: number;
  requestedAmount?: DecimalInput;
  requestedTermMonths?: number;
  contactId?: string;
  conversationId?: string;
}

export interface GuideMatch {
  brand: string;
  model: string;
  year: number;
  referenceValue: Decimal;
}

export interface StoredPrequalification extends PrequalificationResult {
  id: string;
  vehicle: GuideMatch;
  createdAt: Date;
}

export class VehicleNotInGuideError extends Error {
  override readonly name = 'VehicleNotInGuideError';
  readonly code = 'vehicle_not_in_guide';

  constructor(
    readonly query: VehicleQuery,
    /** Known models of that brand (or known brands), to suggest a correction. */
    readonly suggestions: string[],
  ) {
    super(
      `No reference value for ${query.brand} ${query.model} ${query.year} in the price guide; an advisor must value this vehicle` +
        (suggestions.length ? ` (known: ${suggestions.slice(0, 10).join(', ')})` : ''),
    );
  }
}

const BRAND_ALIASES: Record<string, string> = {
  vw: 'volkswagen',
  volks: 'volkswagen',
  vocho: 'volkswagen',
  chevy: 'chevrolet',
  chevrolete: 'chevrolet',
  chev: 'chevrolet',
  mercedes: 'mercedesbenz',
};

/** Lower case, no accents, letters and digits only. */
export function vehicleKey(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function brandKey(text: string): string {
  const key = vehicleKey(text);
  return BRAND_ALIASES[key] ?? key;
}

export async function findReferenceValue(prisma: PrismaClient, query: VehicleQuery): Promise<GuideMatch> {
  if (!query.brand?.trim() || !query.model?.trim()) {
    throw new ValidationError(query.brand?.trim() ? 'model' : 'brand', 'is required', 'required');
  }
  const brand = brandKey(query.brand);
  // The guide is small (hundreds of rows): matching in memory keeps the
  // normalisation in one place instead of in SQL.
  const rows = await prisma.vehiclePriceGuide.findMany({ select: { brand: true, model: true, year: true, referenceValue: true } });
  const ofBrand = rows.filter((r) => vehicleKey(r.brand) === brand);
  const model = vehicleKey(query.model);
  // "3" for a Mazda 3: the brand is often repeated inside the model name.
  const sameModel = ofBrand.filter((r) => vehicleKey(r.model) === model || vehicleKey(r.model) === brand + model);
  const exact = sameModel.find((r) => r.year === query.year);
  if (exact) return { brand: exact.brand, model: exact.model, year: exact.year, referenceValue: new Decimal(exact.referenceValue.toString()) };

  const suggestions = sameModel.length
    ? [...new Set(sameModel.map((r) => String(r.year)))].sort()
    : ofBrand.length
      ? [...new Set(ofBrand.map((r) => r.model))].sort()
      : [];
  throw new VehicleNotInGuideError(query, suggestions);
}

export interface PrequalificationDeps {
  prisma: PrismaClient;
  business: BusinessConfig;
}

export async function prequalifyVehicle(deps: PrequalificationDeps, request: PrequalificationRequest, now = new Date()): Promise<StoredPrequalification> {
  const vehicle = await findReferenceValue(deps.prisma, request);
  const monthlyIncome = toDecimal(request.monthlyIncome, 'monthlyIncome');
  const monthlyDebts = toDecimal(request.monthlyDebts ?? 0, 'monthlyDebts');
  const result = prequalify(
    {
      vehicleValue: vehicle.referenceValue,
      vehicleYear: vehicle.year,
      monthlyIncome,
      monthlyDebts,
      bureauScore: request.bureauScore,
      requestedAmount: request.requestedAmount,
      requestedTermMonths: request.requestedTermMonths,
    },
    deps.business,
    now,
  );

  const inputs: Prisma.InputJsonObject = {
    vehicle: { brand: vehicle.brand, model: vehicle.model, year: vehicle.year, asGiven: `${request.brand} ${request.model}`.slice(0, 120) },
    vehicleValue: moneyString(vehicle.referenceValue),
    monthlyIncome: moneyString(monthlyIncome),
    monthlyDebts: moneyString(monthlyDebts),
    bureauScore: request.bureauScore ?? null,
    requestedAmount: request.requestedAmount === undefined ? null : moneyString(toDecimal(request.requestedAmount, 'requestedAmount')),
    requestedTermMonths: request.requestedTermMonths ?? null,
    monthlyRate: result.monthlyRate.toString(),
    reasonCodes: result.reasonCodes,
  };
  const row = await deps.prisma.prequalification.create({
    data: {
      contactId: request.contactId ?? null,
      conversationId: request.conversationId ?? null,
      inputs,
      grade: result.grade,
      maxAmount: moneyString(result.maxAmount),
      maxTermMonths: result.maxTermMonths,
      decision: result.decision,
      reasons: result.reasons,
      ruleVersion: result.ruleVersion,
      createdAt: now,
    },
  });
  if (request.contactId) {
    await recordInteraction(deps.prisma, {
      contactId: request.contactId,
      conversationId: request.conversationId,
      kind: 'prequalification',
      summary: `Prequalification ${result.decision}: grade ${result.grade}, up to ${moneyString(result.maxAmount)} MXN in ${result.maxTermMonths} months (${vehicle.brand} ${vehicle.model} ${vehicle.year})`,
      data: { prequalificationId: row.id, decision: result.decision, grade: result.grade, maxAmount: moneyString(result.maxAmount), ruleVersion: result.ruleVersion },
      occurredAt: now,
    });
  }
  return { ...result, id: row.id, vehicle, createdAt: row.createdAt };
}

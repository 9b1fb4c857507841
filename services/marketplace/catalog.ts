/**
 * The marketplace: cars for sale that a customer can finance with Club Cash In.
 *
 * Filters: brand (accent/case-insensitive), year range, price range, and the
 * customer's prequalified capacity — the price must be within `maxAmount`
 * and the monthly payment of the card's financing within `maxMonthlyPayment`.
 * Each card carries the simulation of financing `financedShare` (80 %) of the
 * price over `termMonths` (36) with the fixed scheme, quoted by
 * `simulateCredit` exactly as the calculator would.
 *
 * SQL narrows by status, brand, year and price; the payment filter needs the
 * simulation, so the (small) remainder is simulated in memory and paginated
 * after filtering, keeping `total` honest.
 */
import type { BusinessConfig } from '../config/business.ts';
import { ValidationError } from '../credit/errors.ts';
import { Decimal, type DecimalInput, cents, moneyString, toDecimal } from '../credit/money.ts';
import { simulateCredit } from '../credit/simulation.ts';
import { captureLead, type LeadCaptureResult } from '../crm/leads.ts';
import { recordInteraction } from '../crm/timeline.ts';
import type { PrismaClient } from '../db/database.ts';
import type { CatalogVehicle, Channel, Prisma } from '../db/generated/client.ts';
import { brandKey } from '../scoring/prequalification.ts';

export const MAX_PAGE_SIZE = 50;

export interface FinancingTerms {
  financedShare: Decimal;
  termMonths: number;
  /** Defaults to the configured rate for quotes without a grade. */
  monthlyRate?: Decimal;
}

export const DEFAULT_FINANCING = { financedShare: new Decimal('0.80'), termMonths: 36 } as const;

export interface CatalogQuery {
  brand?: string;
  yearMin?: number;
  yearMax?: number;
  priceMin?: DecimalInput;
  priceMax?: DecimalInput;
  /** Prequalified capacity. */
  maxAmount?: DecimalInput;
  maxMonthlyPayment?: DecimalInput;
  monthlyRate?: DecimalInput;
  page?: number;
  pageSize?: number;
}

export interface VehicleCard {
  id: string;
  title: string;
  brand: string;
  model: string;
  version: string | null;
  year: number;
  km: number;
  price: Decimal;
  photo: string | null;
  photos: string[];
  location: string | null;
  transmission: string | null;
  fuel: string | null;
  description: string | null;
  financing: {
    downPayment: Decimal;
    financedAmount: Decimal;
    termMonths: number;
    monthlyPayment: Decimal;
    totalToPay: Decimal;
    cat: Decimal;
  } | null;
}

export interface CatalogPage {
  items: VehicleCard[];
  page: number;
  pageSize: number;
  total: number;
  totalPages: number;
}

function titleCase(text: string): string {
  return text.replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase());
}

export function vehicleCard(vehicle: CatalogVehicle, config: BusinessConfig, terms: Partial<FinancingTerms> = {}, now = new Date()): VehicleCard {
  const price = new Decimal(vehicle.price.toString());
  const share = terms.financedShare ?? DEFAULT_FINANCING.financedShare;
  const termMonths = terms.termMonths ?? DEFAULT_FINANCING.termMonths;
  const financedAmount = cents(price.times(share));
  let financing: VehicleCard['financing'] = null;
  // Outside the product's limits there is nothing to quote; the card still shows.
  if (financedAmount.gte(config.credit.minAmount) && financedAmount.lte(config.credit.maxAmount)) {
    const simulation = simulateCredit({ amount: financedAmount, termMonths, scheme: 'fixed', monthlyRate: terms.monthlyRate, startDate: now }, config);
    financing = {
      downPayment: price.minus(financedAmount),
      financedAmount,
      termMonths,
      monthlyPayment: simulation.monthlyPayment,
      totalToPay: simulation.totals.toPay,
      cat: simulation.cat,
    };
  }
  return {
    id: vehicle.id,
    title: titleCase(`${vehicle.brand} ${vehicle.model}${vehicle.version ? ` ${vehicle.version}` : ''} ${vehicle.year}`),
    brand: vehicle.brand,
    model: vehicle.model,
    version: vehicle.version,
    year: vehicle.year,
    km: vehicle.km,
    price,
    photo: vehicle.photos[0] ?? null,
    photos: vehicle.photos,
    location: vehicle.location,
    transmission: vehicle.transmission,
    fuel: vehicle.fuel,
    description: vehicle.description,
    financing,
  };
}

function positive(value: DecimalInput | undefined, field: string): Decimal | undefined {
  if (value === undefined) return undefined;
  const parsed = toDecimal(value, field);
  if (parsed.lt(0)) throw new ValidationError(field, `must not be negative, got ${parsed}`);
  return parsed;
}

export async function searchCatalog(prisma: PrismaClient, config: BusinessConfig, query: CatalogQuery = {}, now = new Date()): Promise<CatalogPage> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 12;
  if (!Number.isInteger(page) || page < 1) throw new ValidationError('page', `must be a whole number ≥ 1, got ${page}`);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new ValidationError('pageSize', `must be a whole number between 1 and ${MAX_PAGE_SIZE}, got ${pageSize}`);
  }
  if (query.yearMin !== undefined && query.yearMax !== undefined && query.yearMin > query.yearMax) {
    throw new ValidationError('yearMin', `must not be after yearMax (${query.yearMin} > ${query.yearMax})`);
  }
  const priceMin = positive(query.priceMin, 'priceMin');
  const priceMax = positive(query.priceMax, 'priceMax');
  const maxAmount = positive(query.maxAmount, 'maxAmount');
  const maxMonthlyPayment = positive(query.maxMonthlyPayment, 'maxMonthlyPayment');
  const monthlyRate = query.monthlyRate === undefined ? undefined : toDecimal(query.monthlyRate, 'monthlyRate');
  const ceiling = [priceMax, maxAmount].filter((d): d is Decimal => d !== undefined).sort((a, b) => a.comparedTo(b))[0];

  const where: Prisma.CatalogVehicleWhereInput = {
    status: 'available',
    ...(query.yearMin !== undefined || query.yearMax !== undefined ? { year: { gte: query.yearMin, lte: query.yearMax } } : {}),
    ...(priceMin || ceiling ? { price: { gte: priceMin?.toFixed(2), lte: ceiling?.toFixed(2) } } : {}),
  };
  const rows = await prisma.catalogVehicle.findMany({ where, orderBy: [{ price: 'asc' }, { year: 'desc' }, { id: 'asc' }] });
  const brand = query.brand ? brandKey(query.brand) : undefined;
  const cards = rows
    .filter((row) => !brand || brandKey(row.brand) === brand)
    .map((row) => vehicleCard(row, config, { monthlyRate }, now))
    .filter((card) => !maxMonthlyPayment || (card.financing !== null && card.financing.monthlyPayment.lte(maxMonthlyPayment)));

  const total = cards.length;
  return {
    items: cards.slice((page - 1) * pageSize, page * pageSize),
    page,
    pageSize,
    total,
    totalPages: Math.ceil(total / pageSize),
  };
}

/** Capacity from a stored prequalification: its max amount and the payment room left in the income. */
export async function capacityFromPrequalification(
  prisma: PrismaClient,
  config: BusinessConfig,
  prequalificationId: string,
): Promise<{ maxAmount: Decimal; maxMonthlyPayment: Decimal; monthlyRate: Decimal | undefined } | null> {
  const row = await prisma.prequalification.findUnique({ where: { id: prequalificationId } });
  if (!row || row.decision === 'declined') return null;
  const inputs = (row.inputs ?? {}) as Record<string, unknown>;
  const income = new Decimal(String(inputs.monthlyIncome ?? '0'));
  const debts = new Decimal(String(inputs.monthlyDebts ?? '0'));
  const room = Decimal.max(income.times(config.scoring.paymentToIncomeLimit).minus(debts), 0);
  const rate = typeof inputs.monthlyRate === 'string' ? new Decimal(inputs.monthlyRate) : undefined;
  return { maxAmount: new Decimal(row.maxAmount.toString()), maxMonthlyPayment: cents(room), monthlyRate: rate };
}

export interface InterestRequest {
  contactId: string;
  vehicleId: string;
  conversationId?: string;
  channel?: Channel;
  source?: string;
}

/** "Me interesa": a vehicle opportunity with the financed amount, an advisor and a call-back. */
export async function expressInterest(prisma: PrismaClient, config: BusinessConfig, request: InterestRequest, now = new Date()): Promise<LeadCaptureResult & { vehicle: VehicleCard }> {
  const [contact, vehicle] = await Promise.all([
    prisma.contact.findUnique({ where: { id: request.contactId } }),
    prisma.catalogVehicle.findUnique({ where: { id: request.vehicleId } }),
  ]);
  if (!contact) throw new ValidationError('contactId', 'no such contact', 'not_allowed');
  if (!vehicle || vehicle.status === 'sold') throw new ValidationError('vehicleId', 'this vehicle is not available', 'not_allowed');
  if (!contact.phoneE164 && !contact.email) throw new ValidationError('contactId', 'the contact needs a phone or an e-mail first', 'required');
  const card = vehicleCard(vehicle, config, {}, now);
  const result = await captureLead(
    prisma,
    {
      phone: contact.phoneE164 ?? undefined,
      email: contact.phoneE164 ? undefined : (contact.email ?? undefined),
      product: 'vehicle',
      source: request.source ?? 'marketplace',
      channel: request.channel,
      conversationId: request.conversationId,
      amount: card.financing?.financedAmount ?? card.price,
      termMonths: card.financing?.termMonths,
      catalogVehicleId: vehicle.id,
    },
    { now },
  );
  await recordInteraction(prisma, {
    contactId: contact.id,
    conversationId: request.conversationId,
    kind: 'vehicle_interest',
    summary: `Interested in ${card.title} (${moneyString(card.price)} MXN)`,
    data: { catalogVehicleId: vehicle.id, opportunityId: result.opportunity.id },
    occurredAt: now,
  });
  return { ...result, vehicle: card };
}

export function serializeVehicleCard(card: VehicleCard) {
  return {
    ...card,
    price: moneyString(card.price),
    financing: card.financing
      ? {
          downPayment: moneyString(card.financing.downPayment),
          financedAmount: moneyString(card.financing.financedAmount),
          termMonths: card.financing.termMonths,
          monthlyPayment: moneyString(card.financing.monthlyPayment),
          totalToPay: moneyString(card.financing.totalToPay),
          cat: card.financing.cat.toFixed(1),
        }
      : null,
  };
}

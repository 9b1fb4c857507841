// Club Cash In's seed: advisors, the price guide, the marketplace, borrowers
// with their loans and investors with their investments. Every row has a
// natural key or a stable id, and existing rows are left as they are, so the
// seed can run on every start-up and twice in a row changes nothing. Only the
// price guide, which is reference data, is refreshed to the values below.
import { Decimal } from 'decimal.js';
import type { PrismaClient } from '../../services/db/generated/client.ts';
import type { PiiCipher } from '../../services/security/pii.ts';
import { ADVISORS, ADVISOR_TIME_ZONE, CURATOR } from './advisors.ts';
import { dateOnly, localDate, type CalendarDate } from './calendar.ts';
import { catalogVehicles } from './catalog.ts';
import { CUSTOMERS, type SeedLoan } from './customers.ts';
import { buildClabe, buildCurp } from './identity.ts';
import { seedId } from './ids.ts';
import { INVESTORS, type SeedInvestor } from './investors.ts';
import type { SeedPerson } from './people.ts';
import { planInvestment, planLoan } from './plans.ts';
import { PRICE_GUIDE_SOURCE, guideValue, priceGuideEntries } from './price-guide.ts';

export interface SeedOptions {
  now?: Date;
  pii: PiiCipher;
  log?: (line: string) => void;
}

export interface SeedSummary {
  advisors: number;
  priceGuide: number;
  catalogVehicles: number;
  customers: number;
  loans: number;
  investors: number;
  investments: number;
}

/** Loans are collected through STP-style CLABEs whose account is the payment reference. */
const COLLECTION_BANK = '646';
const COLLECTION_PLAZA = '180';

const money = (value: Decimal): string => value.toFixed(2);

export async function seedDatabase(prisma: PrismaClient, options: SeedOptions): Promise<SeedSummary> {
  const now = options.now ?? new Date();
  const log = options.log ?? ((line: string) => console.log(line));
  const today = localDate(now);

  const advisors = await seedStaff(prisma);
  log(`seed: ${advisors} advisors and 1 curator`);

  const priceGuide = await seedPriceGuide(prisma);
  log(`seed: ${priceGuide} price guide values`);

  const catalog = await seedCatalog(prisma);
  log(`seed: ${catalog} catalog vehicles`);

  const loanIds = new Map<string, string>();
  let loans = 0;
  for (const customer of CUSTOMERS) {
    const contactId = await upsertContact(prisma, customer, options.pii);
    for (const loan of customer.loans) {
      loanIds.set(loan.contractNumber, await seedLoan(prisma, contactId, loan, today));
      loans++;
    }
  }
  log(`seed: ${CUSTOMERS.length} customers with ${loans} loans`);

  let investments = 0;
  for (const investor of INVESTORS) investments += await seedInvestor(prisma, investor, options.pii, loanIds, today);
  log(`seed: ${INVESTORS.length} investors with ${investments} investments`);

  return { advisors, priceGuide, catalogVehicles: catalog, customers: CUSTOMERS.length, loans, investors: INVESTORS.length, investments };
}

async function seedStaff(prisma: PrismaClient): Promise<number> {
  for (const advisor of ADVISORS) {
    const user = await prisma.user.upsert({
      where: { email: advisor.email },
      create: { id: seedId('user', advisor.email), email: advisor.email, name: advisor.name, role: 'advisor', passwordHash: null },
      update: {},
    });
    await prisma.advisorProfile.upsert({
      where: { userId: user.id },
      create: {
        id: seedId('advisor-profile', advisor.email),
        userId: user.id,
        workingHours: advisor.workingHours,
        timeZone: ADVISOR_TIME_ZONE,
        skills: advisor.skills,
        capacity: advisor.capacity,
        phoneE164: advisor.phoneE164,
      },
      update: {},
    });
  }
  await prisma.user.upsert({
    where: { email: CURATOR.email },
    create: { id: seedId('user', CURATOR.email), email: CURATOR.email, name: CURATOR.name, role: 'curator', passwordHash: null },
    update: {},
  });
  return ADVISORS.length;
}

/** One read, then only the missing or changed values are written (a row at a time is slow on PGlite). */
async function seedPriceGuide(prisma: PrismaClient): Promise<number> {
  const entries = priceGuideEntries();
  const key = (row: { brand: string; model: string; year: number }): string => `${row.brand}/${row.model}/${row.year}`;
  const stored = new Map((await prisma.vehiclePriceGuide.findMany()).map((row) => [key(row), row]));

  const missing = entries.filter((entry) => !stored.has(key(entry)));
  await prisma.vehiclePriceGuide.createMany({
    data: missing.map((entry) => ({
      id: seedId('price-guide', key(entry)),
      brand: entry.brand,
      model: entry.model,
      year: entry.year,
      referenceValue: money(entry.referenceValue),
      source: PRICE_GUIDE_SOURCE,
    })),
    skipDuplicates: true,
  });

  for (const entry of entries) {
    const row = stored.get(key(entry));
    if (!row || (row.referenceValue.toFixed(2) === money(entry.referenceValue) && row.source === PRICE_GUIDE_SOURCE)) continue;
    await prisma.vehiclePriceGuide.update({
      where: { id: row.id },
      data: { referenceValue: money(entry.referenceValue), source: PRICE_GUIDE_SOURCE },
    });
  }
  return entries.length;
}

async function seedCatalog(prisma: PrismaClient): Promise<number> {
  const vehicles = catalogVehicles();
  await prisma.catalogVehicle.createMany({
    data: vehicles.map(({ key, price, ...vehicle }) => ({ id: seedId('catalog', key), price: money(price), ...vehicle })),
    skipDuplicates: true,
  });
  return vehicles.length;
}

/** Returns the contact's id, whether the seed created it now or earlier. */
async function upsertContact(prisma: PrismaClient, person: SeedPerson, pii: PiiCipher): Promise<string> {
  const curp = buildCurp(person);
  const contact = await prisma.contact.upsert({
    where: { email: person.email },
    create: {
      id: seedId('contact', person.email),
      firstName: person.givenNames,
      lastName: `${person.paternalSurname} ${person.maternalSurname}`,
      displayName: `${person.givenNames.split(' ')[0]} ${person.paternalSurname}`,
      phoneE164: person.phoneE164,
      email: person.email,
      nationalIdEncrypted: pii.encrypt(curp),
      nationalIdHash: pii.lookupHash(curp),
      birthDateEncrypted: pii.encrypt(person.birthDate),
    },
    update: {},
  });
  return contact.id;
}

async function seedLoan(prisma: PrismaClient, contactId: string, loan: SeedLoan, today: CalendarDate): Promise<string> {
  const plan = planLoan(loan, today);
  const { vehicle } = loan;
  await prisma.vehicle.upsert({
    where: { id: seedId('vehicle', vehicle.plate) },
    create: {
      id: seedId('vehicle', vehicle.plate),
      contactId,
      brand: vehicle.brand,
      model: vehicle.model,
      version: vehicle.version,
      year: vehicle.year,
      plate: vehicle.plate,
      estimatedValue: money(guideValue(vehicle.brand, vehicle.model, vehicle.year)),
    },
    update: {},
  });

  // Every loan comes from an approved application for the same amount and term.
  const applicationId = seedId('application', loan.contractNumber);
  await prisma.creditApplication.upsert({
    where: { id: applicationId },
    create: {
      id: applicationId,
      contactId,
      vehicleId: seedId('vehicle', vehicle.plate),
      amount: loan.principal,
      termMonths: loan.termMonths,
      scheme: loan.scheme,
      status: 'approved',
    },
    update: {},
  });

  const paymentReference = loan.contractNumber.replace(/\D/g, '');
  const created = await prisma.loan.upsert({
    where: { contractNumber: loan.contractNumber },
    create: {
      id: seedId('loan', loan.contractNumber),
      contractNumber: loan.contractNumber,
      contactId,
      applicationId,
      vehicleId: seedId('vehicle', vehicle.plate),
      principal: loan.principal,
      monthlyRate: loan.monthlyRate,
      termMonths: loan.termMonths,
      scheme: loan.scheme,
      openingFee: money(plan.openingFee),
      status: plan.status,
      disbursedAt: plan.disbursedAt,
      paymentReference,
      clabe: buildClabe(COLLECTION_BANK, COLLECTION_PLAZA, paymentReference),
    },
    update: {},
  });

  await prisma.installment.createMany({
    data: plan.installments.map((installment) => ({
      id: seedId('installment', `${loan.contractNumber}#${installment.number}`),
      loanId: created.id,
      number: installment.number,
      dueDate: dateOnly(installment.dueDate),
      principal: money(installment.principal),
      interest: money(installment.interest),
      vat: money(installment.vat),
      fees: money(installment.fees),
      amount: money(installment.amount),
      paidAmount: installment.status === 'paid' ? money(installment.amount) : '0.00',
      status: installment.status,
      paidAt: installment.paidAt,
    })),
    skipDuplicates: true,
  });

  await prisma.payment.createMany({
    data: plan.installments
      .filter((installment) => installment.paidAt !== null)
      .map((installment) => ({
        id: seedId('payment', `${loan.contractNumber}#${installment.number}`),
        loanId: created.id,
        amount: money(installment.amount),
        paidAt: installment.paidAt!,
        method: 'spei',
        reference: paymentReference,
        status: 'applied' as const,
      })),
    skipDuplicates: true,
  });
  return created.id;
}

async function seedInvestor(
  prisma: PrismaClient,
  investor: SeedInvestor,
  pii: PiiCipher,
  loanIds: Map<string, string>,
  today: CalendarDate,
): Promise<number> {
  const contactId = await upsertContact(prisma, investor, pii);
  const payoutAccount = investor.phoneE164.slice(-7);
  const { id: investorId } = await prisma.investor.upsert({
    where: { contactId },
    create: {
      id: seedId('investor', investor.email),
      contactId,
      riskProfile: investor.riskProfile,
      clabe: buildClabe(investor.payoutBank.slice(0, 3), investor.payoutBank.slice(3), payoutAccount),
    },
    update: {},
  });

  for (const investment of investor.investments) {
    checkAllocations(investment.key, investment.amount, investment.allocations);
    const plan = planInvestment(investment, today);
    const investmentId = seedId('investment', investment.key);
    await prisma.investment.upsert({
      where: { id: investmentId },
      create: {
        id: investmentId,
        investorId,
        amount: investment.amount,
        annualRate: investment.annualRate,
        termMonths: investment.termMonths,
        mode: investment.mode,
        status: 'active',
        startedAt: plan.startedAt,
        maturesAt: plan.maturesAt,
      },
      update: {},
    });
    await prisma.investmentAllocation.createMany({
      data: Object.entries(investment.allocations).map(([contractNumber, amount]) => {
        const loanId = loanIds.get(contractNumber);
        if (!loanId) throw new Error(`Investment ${investment.key} funds ${contractNumber}, which the seed does not have`);
        return { id: seedId('allocation', `${investment.key}/${contractNumber}`), investmentId, loanId, amount };
      }),
      skipDuplicates: true,
    });
    await prisma.settlement.createMany({
      data: plan.settlements.map((settlement) => ({
        id: seedId('settlement', `${investment.key}#${settlement.number}`),
        investmentId,
        periodStart: dateOnly(settlement.periodStart),
        periodEnd: dateOnly(settlement.periodEnd),
        grossInterest: money(settlement.grossInterest),
        isrWithheld: money(settlement.isrWithheld),
        netAmount: money(settlement.netAmount),
        status: 'paid',
        paidAt: settlement.paidAt,
      })),
      skipDuplicates: true,
    });
  }
  return investor.investments.length;
}

/** The data files must spread each investment exactly, and fund no loan beyond its principal. */
function checkAllocations(key: string, amount: string, allocations: Record<string, string>): void {
  const total = Object.values(allocations).reduce((sum, part) => sum.plus(part), new Decimal(0));
  if (!total.equals(amount)) throw new Error(`Investment ${key} allocates ${total.toFixed(2)} of ${amount}`);
  for (const [contractNumber, part] of Object.entries(allocations)) {
    const principal = CUSTOMERS.flatMap((c) => c.loans).find((l) => l.contractNumber === contractNumber)?.principal;
    const funded = INVESTORS.flatMap((i) => i.investments).reduce((sum, inv) => sum.plus(inv.allocations[contractNumber] ?? 0), new Decimal(0));
    if (!principal || funded.greaterThan(principal)) throw new Error(`Loan ${contractNumber} is funded ${funded.toFixed(2)} (${part} by ${key}) beyond its principal`);
  }
}

// Public calculators for the landing page, Tranki and partners: credit
// simulation with schedule and CAT, the three schemes side by side, and the
// investment calculator. No token; rate limited per IP.
import { Type } from 'typebox';
import type { BusinessConfig } from '../../config/business.ts';
import { compareSchemes, serializeCreditSimulation, simulateCredit } from '../../credit/simulation.ts';
import { moneyString } from '../../credit/money.ts';
import { compareInvestmentModes, serializeInvestmentSimulation, simulateInvestment } from '../../investment/calculator.ts';
import type { App } from '../app.ts';
import { Money, PaymentSchemeSchema, publicRateLimit } from './schemas.ts';

const Rate = (description: string) => Type.Optional(Type.Number({ minimum: 0, maximum: 1, description }));

const CreditTerms = {
  amount: Type.Number({ exclusiveMinimum: 0, description: 'What the customer wants to receive, MXN' }),
  termMonths: Type.Integer({ minimum: 1, maximum: 120 }),
  monthlyRate: Rate('Monthly interest before VAT as a fraction (0.035 = 3.5 %); default from configuration'),
  openingFeeRate: Rate('Opening fee as a fraction of the amount; default from configuration'),
  openingFeeFinanced: Type.Optional(Type.Boolean()),
  vatRate: Rate('VAT on interest; default 0.16'),
  monthlyGpsFee: Type.Optional(Type.Number({ minimum: 0 })),
  monthlyInsuranceFee: Type.Optional(Type.Number({ minimum: 0 })),
  startDate: Type.Optional(Type.String({ format: 'date-time', description: 'Disbursement instant; installments fall monthly from its local day' })),
};

const CreditBody = Type.Object({ ...CreditTerms, scheme: PaymentSchemeSchema }, { additionalProperties: false });
const CompareBody = Type.Object(CreditTerms, { additionalProperties: false });

const ScheduleRow = Type.Object({
  n: Type.Integer(),
  dueDate: Type.String({ format: 'date' }),
  payment: Money,
  interest: Money,
  vat: Money,
  principal: Money,
  fees: Money,
  balance: Money,
});
const CreditResponse = Type.Object(
  {
    schedule: Type.Array(ScheduleRow),
    totals: Type.Object({ payment: Money, interest: Money, vat: Money, fees: Money, principal: Money, openingFee: Money, toPay: Money }),
    cat: Type.String({ description: 'CAT (Banxico), % a year without VAT, one decimal' }),
    monthlyPayment: Money,
    principal: Money,
    disbursed: Money,
    input: Type.Object({}, { additionalProperties: true }),
  },
  { description: 'Money as strings with two decimals' },
);

const InvestmentBody = Type.Object(
  {
    amount: Type.Number({ exclusiveMinimum: 0 }),
    termMonths: Type.Integer({ minimum: 1, maximum: 120 }),
    annualRate: Rate('Nominal annual rate; default by term from configuration'),
    mode: Type.Optional(Type.Enum(['monthly_payout', 'compound'])),
    isrRate: Rate('Overrides the configured ISR withholding rate'),
  },
  { additionalProperties: false },
);

function toCreditInput<T extends { amount: number; startDate?: string }>(body: T) {
  const { startDate, amount, ...rest } = body;
  return { ...rest, amount: String(amount), startDate: startDate ? new Date(startDate) : undefined };
}

export function simulationRoutes(app: App, deps: { business: BusinessConfig; rateLimitPerMinute: number }): void {
  const config = publicRateLimit(deps.rateLimitPerMinute);

  app.post('/v1/simulations/credit', {
    config,
    schema: { tags: ['simulations'], summary: 'Credit simulation: schedule, totals and CAT', body: CreditBody, response: { 200: CreditResponse } },
  }, async (request) => serializeCreditSimulation(simulateCredit(toCreditInput(request.body), deps.business)));

  app.post('/v1/simulations/credit/compare', {
    config,
    schema: { tags: ['simulations'], summary: 'The same loan under the three schemes', body: CompareBody },
  }, async (request) => ({
    schemes: compareSchemes(toCreditInput(request.body), deps.business).map((c) => ({
      scheme: c.scheme,
      firstPayment: moneyString(c.firstPayment),
      lastPayment: moneyString(c.lastPayment),
      totalInterest: moneyString(c.totalInterest),
      totalToPay: moneyString(c.totalToPay),
      cat: c.cat.toFixed(1),
    })),
  }));

  app.post('/v1/simulations/investment', {
    config,
    schema: { tags: ['simulations'], summary: 'Investment: schedule, totals, ISR; both modes compared when no mode is given', body: InvestmentBody },
  }, async (request) => {
    const { mode, amount, ...rest } = request.body;
    const input = { ...rest, amount: String(amount) };
    if (mode) return serializeInvestmentSimulation(simulateInvestment({ ...input, mode }, deps.business));
    return {
      monthly_payout: serializeInvestmentSimulation(simulateInvestment({ ...input, mode: 'monthly_payout' }, deps.business)),
      compound: serializeInvestmentSimulation(simulateInvestment({ ...input, mode: 'compound' }, deps.business)),
      comparison: compareInvestmentModes(input, deps.business).map((c) => ({
        mode: c.mode,
        monthlyPayout: moneyString(c.monthlyPayout),
        netInterest: moneyString(c.netInterest),
        isrWithheld: moneyString(c.isrWithheld),
        totalReceived: moneyString(c.totalReceived),
        effectiveAnnualYield: c.effectiveAnnualYield.toDecimalPlaces(6).toString(),
      })),
    };
  });
}

// The figures of a simulation, from services/credit, written the way Ana says
// them. Nothing here is invented: every amount comes from the credit math.
import type { BusinessConfig } from '../../../services/config/business.ts';
import { compareSchemes, simulateCredit } from '../../../services/credit/simulation.ts';
import { formatAmount, formatCat, formatMoney } from '../../format.ts';
import type { PaymentScheme } from '../../nlu/index.ts';
import { schemeNames, texts } from '../../texts.ts';

export interface SimulationRequest {
  amount: number;
  termMonths: number;
  scheme: PaymentScheme;
}

export function quoteText(request: SimulationRequest, config: BusinessConfig): string {
  const simulation = simulateCredit(request, config);
  const first = formatMoney(simulation.monthlyPayment);
  const last = formatMoney(simulation.schedule.at(-1)!.payment);
  const t = texts.simulation;
  const payments =
    request.scheme === 'fixed' ? t.monthlyFixed(first) : request.scheme === 'decreasing' ? t.monthlyDecreasing(first, last) : t.monthlyInterestOnly(first, last);
  return t.result([
    t.header(formatAmount(request.amount), request.termMonths, schemeNames[request.scheme]),
    payments,
    t.totalToPay(formatMoney(simulation.totals.toPay)),
    t.cat(formatCat(simulation.cat)),
    t.disclaimer,
  ]);
}

export function comparisonText(amount: number, termMonths: number, config: BusinessConfig): string {
  const t = texts.simulation;
  const lines = compareSchemes({ amount, termMonths }, config).map((row) =>
    t.comparisonLine(capitalize(schemeNames[row.scheme]), formatMoney(row.firstPayment), formatMoney(row.totalToPay), formatCat(row.cat)),
  );
  return [t.comparisonHeader(formatAmount(amount), termMonths), ...lines].join('\n');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

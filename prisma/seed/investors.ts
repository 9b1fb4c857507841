// Three investors whose money funds the seeded loans. Each investment is
// spread over loans that are still being repaid; the shares add up to the
// investment and no loan is funded beyond its principal.
import type { SeedPerson } from './people.ts';

export interface SeedInvestment {
  /** Stable name of the investment within the seed. */
  key: string;
  amount: string;
  annualRate: string;
  termMonths: 12 | 24;
  mode: 'monthly_payout' | 'compound';
  startedMonthsAgo: number;
  /** Amount funded in each loan, by contract number. */
  allocations: Record<string, string>;
}

export interface SeedInvestor extends SeedPerson {
  riskProfile: 'conservative' | 'moderate' | 'aggressive';
  /** Payout account; bank and branch square of the investor's bank. */
  payoutBank: string;
  investments: SeedInvestment[];
}

export const INVESTORS: SeedInvestor[] = [
  {
    givenNames: 'Gabriela', paternalSurname: 'Sánchez', maternalSurname: 'Luna', sex: 'M', birthDate: '1970-06-11', birthState: 'cdmx',
    phoneE164: '+525550000151', email: 'gabriela.sanchez@example.com',
    riskProfile: 'moderate', payoutBank: '012180',
    investments: [{
      key: 'gabriela-2y', amount: '600000.00', annualRate: '0.16', termMonths: 24, mode: 'monthly_payout', startedMonthsAgo: 6,
      allocations: { 'CCI-2025-000110': '200000.00', 'CCI-2025-000103': '150000.00', 'CCI-2025-000101': '100000.00', 'CCI-2025-000105': '50000.00', 'CCI-2025-000102': '30000.00', 'CCI-2025-000104': '70000.00' },
    }],
  },
  {
    givenNames: 'Héctor', paternalSurname: 'Vázquez', maternalSurname: 'Rojas', sex: 'H', birthDate: '1983-10-29', birthState: 'nuevoLeon',
    phoneE164: '+528150000152', email: 'hector.vazquez@example.com',
    riskProfile: 'conservative', payoutBank: '072580',
    investments: [
      {
        key: 'hector-compound', amount: '200000.00', annualRate: '0.14', termMonths: 12, mode: 'compound', startedMonthsAgo: 4,
        allocations: { 'CCI-2025-000103': '100000.00', 'CCI-2025-000106': '40000.00', 'CCI-2025-000104': '20000.00', 'CCI-2025-000110': '40000.00' },
      },
      {
        key: 'hector-payout', amount: '50000.00', annualRate: '0.14', termMonths: 12, mode: 'monthly_payout', startedMonthsAgo: 2,
        allocations: { 'CCI-2025-000102': '50000.00' },
      },
    ],
  },
  {
    givenNames: 'Lucía', paternalSurname: 'Domínguez', maternalSurname: 'Peña', sex: 'M', birthDate: '1976-03-05', birthState: 'jalisco',
    phoneE164: '+523350000153', email: 'lucia.dominguez@example.com',
    riskProfile: 'aggressive', payoutBank: '014320',
    investments: [{
      key: 'lucia-2y', amount: '300000.00', annualRate: '0.17', termMonths: 24, mode: 'monthly_payout', startedMonthsAgo: 9,
      allocations: { 'CCI-2025-000110': '60000.00', 'CCI-2025-000105': '100000.00', 'CCI-2025-000106': '50000.00', 'CCI-2025-000111': '90000.00' },
    }],
  },
];

// Ten borrowers, each with the car they pledged and a loan whose story is told
// relative to the seed's `now`: several current, two overdue (12 and 45 days),
// two paid off, one approved but not yet disbursed. Luis Fernando has two loans
// (so Ana must ask which one he means). No loan exceeds 75 % of the car's guide value.
import type { SeedPerson } from './people.ts';

export type LoanStory =
  /** Disbursed that long ago; every installment due before today is paid. */
  | { kind: 'current'; monthsAgo: number; daysAgo: number }
  /** The oldest unpaid installment fell due `daysOverdue` days ago, after `installmentsPaid` on time. */
  | { kind: 'overdue'; daysOverdue: number; installmentsPaid: number }
  /** Disbursed that long ago and repaid in full. */
  | { kind: 'paid_off'; monthsAgo: number }
  /** Approved and signed; the money has not been sent yet. */
  | { kind: 'pending' };

export interface SeedLoan {
  contractNumber: string;
  principal: string;
  monthlyRate: string;
  termMonths: number;
  scheme: 'fixed' | 'decreasing' | 'interest_only';
  story: LoanStory;
  vehicle: SeedVehicle;
}

export interface SeedVehicle {
  brand: string;
  model: string;
  version: string;
  year: number;
  plate: string;
}

export interface SeedCustomer extends SeedPerson {
  loans: SeedLoan[];
}

export const CUSTOMERS: SeedCustomer[] = [
  {
    givenNames: 'Alejandro', paternalSurname: 'Hernández', maternalSurname: 'García', sex: 'H', birthDate: '1985-03-14', birthState: 'cdmx',
    phoneE164: '+525550000101', email: 'alejandro.hernandez@example.com',
    loans: [{
      contractNumber: 'CCI-2025-000101', principal: '100000.00', monthlyRate: '0.035', termMonths: 24, scheme: 'fixed',
      story: { kind: 'current', monthsAgo: 7, daysAgo: 3 },
      vehicle: { brand: 'nissan', model: 'versa', version: 'Advance', year: 2019, plate: 'NXR-421-A' },
    }],
  },
  {
    givenNames: 'Guadalupe', paternalSurname: 'Martínez', maternalSurname: 'Ruiz', sex: 'M', birthDate: '1990-12-12', birthState: 'jalisco',
    phoneE164: '+523350000102', email: 'guadalupe.martinez@example.com',
    loans: [{
      contractNumber: 'CCI-2025-000102', principal: '80000.00', monthlyRate: '0.038', termMonths: 18, scheme: 'fixed',
      story: { kind: 'current', monthsAgo: 3, daysAgo: 10 },
      vehicle: { brand: 'chevrolet', model: 'aveo', version: 'LT', year: 2020, plate: 'JKL-128-B' },
    }],
  },
  {
    givenNames: 'Luis Fernando', paternalSurname: 'Pérez', maternalSurname: 'Sánchez', sex: 'H', birthDate: '1978-07-02', birthState: 'nuevoLeon',
    phoneE164: '+528150000103', email: 'luisfernando.perez@example.com',
    loans: [
      {
        contractNumber: 'CCI-2025-000103', principal: '250000.00', monthlyRate: '0.032', termMonths: 36, scheme: 'fixed',
        story: { kind: 'current', monthsAgo: 14, daysAgo: 0 },
        vehicle: { brand: 'toyota', model: 'hilux', version: 'Doble Cabina SR', year: 2022, plate: 'RGH-903-C' },
      },
      {
        contractNumber: 'CCI-2025-000111', principal: '90000.00', monthlyRate: '0.04', termMonths: 12, scheme: 'interest_only',
        story: { kind: 'current', monthsAgo: 4, daysAgo: 12 },
        vehicle: { brand: 'nissan', model: 'np300', version: 'Estacas', year: 2017, plate: 'RGT-117-D' },
      },
    ],
  },
  {
    givenNames: 'Verónica', paternalSurname: 'Ramírez', maternalSurname: 'Castillo', sex: 'M', birthDate: '1988-05-21', birthState: 'puebla',
    phoneE164: '+522225000104', email: 'veronica.ramirez@example.com',
    loans: [{
      contractNumber: 'CCI-2025-000104', principal: '100000.00', monthlyRate: '0.036', termMonths: 24, scheme: 'decreasing',
      story: { kind: 'current', monthsAgo: 5, daysAgo: 6 },
      vehicle: { brand: 'kia', model: 'rio', version: 'EX', year: 2021, plate: 'TPA-552-E' },
    }],
  },
  {
    givenNames: 'Eduardo', paternalSurname: 'Flores', maternalSurname: 'Jiménez', sex: 'H', birthDate: '1982-09-30', birthState: 'queretaro',
    phoneE164: '+524425000105', email: 'eduardo.flores@example.com',
    loans: [{
      contractNumber: 'CCI-2025-000105', principal: '150000.00', monthlyRate: '0.04', termMonths: 24, scheme: 'fixed',
      story: { kind: 'overdue', daysOverdue: 12, installmentsPaid: 5 },
      vehicle: { brand: 'volkswagen', model: 'jetta', version: 'Comfortline', year: 2019, plate: 'UQE-384-F' },
    }],
  },
  {
    givenNames: 'Karla', paternalSurname: 'Gómez', maternalSurname: 'Vargas', sex: 'M', birthDate: '1993-01-17', birthState: 'cdmx',
    phoneE164: '+525550000106', email: 'karla.gomez@example.com',
    loans: [{
      contractNumber: 'CCI-2025-000106', principal: '90000.00', monthlyRate: '0.042', termMonths: 18, scheme: 'fixed',
      story: { kind: 'overdue', daysOverdue: 45, installmentsPaid: 3 },
      vehicle: { brand: 'nissan', model: 'np300', version: 'Chasis Cabina', year: 2019, plate: 'NWB-760-G' },
    }],
  },
  {
    givenNames: 'Arturo', paternalSurname: 'Díaz', maternalSurname: 'Morales', sex: 'H', birthDate: '1975-11-08', birthState: 'jalisco',
    phoneE164: '+523350000107', email: 'arturo.diaz@example.com',
    loans: [{
      contractNumber: 'CCI-2025-000107', principal: '70000.00', monthlyRate: '0.035', termMonths: 12, scheme: 'fixed',
      story: { kind: 'paid_off', monthsAgo: 15 },
      vehicle: { brand: 'mazda', model: 'mazda 3', version: 'i Touring', year: 2017, plate: 'JHZ-245-H' },
    }],
  },
  {
    givenNames: 'Patricia', paternalSurname: 'Cruz', maternalSurname: 'Ortiz', sex: 'M', birthDate: '1980-04-25', birthState: 'nuevoLeon',
    phoneE164: '+528150000108', email: 'patricia.cruz@example.com',
    loans: [{
      contractNumber: 'CCI-2025-000108', principal: '200000.00', monthlyRate: '0.033', termMonths: 12, scheme: 'fixed',
      story: { kind: 'paid_off', monthsAgo: 20 },
      vehicle: { brand: 'honda', model: 'cr-v', version: 'Turbo Plus', year: 2018, plate: 'SMX-619-J' },
    }],
  },
  {
    givenNames: 'Fernando', paternalSurname: 'Reyes', maternalSurname: 'Aguilar', sex: 'H', birthDate: '1987-08-19', birthState: 'guanajuato',
    phoneE164: '+524775000109', email: 'fernando.reyes@example.com',
    loans: [{
      contractNumber: 'CCI-2025-000109', principal: '180000.00', monthlyRate: '0.034', termMonths: 24, scheme: 'fixed',
      story: { kind: 'pending' },
      vehicle: { brand: 'toyota', model: 'corolla', version: 'SE', year: 2020, plate: 'GTL-873-K' },
    }],
  },
  {
    givenNames: 'Adriana', paternalSurname: 'Navarro', maternalSurname: 'Medina', sex: 'M', birthDate: '1979-02-03', birthState: 'yucatan',
    phoneE164: '+529995000110', email: 'adriana.navarro@example.com',
    loans: [{
      contractNumber: 'CCI-2025-000110', principal: '300000.00', monthlyRate: '0.03', termMonths: 36, scheme: 'fixed',
      story: { kind: 'current', monthsAgo: 10, daysAgo: 15 },
      vehicle: { brand: 'honda', model: 'cr-v', version: 'Touring', year: 2022, plate: 'YZC-402-L' },
    }],
  },
];

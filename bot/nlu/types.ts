export const INTENTS = [
  'greeting', 'goodbye', 'thanks', 'affirm', 'deny',
  'simulate_credit', 'apply_credit', 'simulate_investment', 'invest',
  'loan_status', 'make_payment', 'book_appointment', 'manage_appointment',
  'contract', 'marketplace', 'human_agent', 'complaint', 'faq', 'out_of_scope',
] as const;

export type IntentName = (typeof INTENTS)[number];

export type EntityType =
  | 'amount' | 'term_months' | 'payment_scheme' | 'datetime'
  | 'vehicle_brand' | 'vehicle_year' | 'email' | 'phone';

export type PaymentScheme = 'fixed' | 'decreasing' | 'interest_only';

/** start/end are UTF-16 offsets into the original text; end is exclusive. */
export interface Entity {
  type: EntityType;
  value: string | number;
  text: string;
  start: number;
  end: number;
}

export interface IntentScore { name: IntentName; confidence: number }

export interface NluResult {
  text: string;
  intent: IntentScore;
  ranking: IntentScore[];
  entities: Entity[];
}

export interface ParseOptions {
  /** Instant that relative dates ("mañana", "el lunes") are resolved from. Default: now. */
  referenceTime?: Date;
  /** IANA zone the customer speaks in. Default: America/Mexico_City. */
  timeZone?: string;
}

export interface Nlu {
  parse(text: string, options?: ParseOptions): NluResult;
}

export interface TrainingExample { text: string; intent: IntentName }

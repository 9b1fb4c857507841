import { ComingSoonHandler } from './coming-soon.ts';

/** Placeholder until its service lands: says the option is being prepared and offers an advisor. */
export class LoanStatusHandler extends ComingSoonHandler {
  constructor() {
    super('loan_status');
  }
}

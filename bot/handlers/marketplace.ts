import { ComingSoonHandler } from './coming-soon.ts';

/** Placeholder until its service lands: says the option is being prepared and offers an advisor. */
export class MarketplaceHandler extends ComingSoonHandler {
  constructor() {
    super('marketplace');
  }
}

// The business API: public calculators, prequalification, lead capture and
// marketplace for the landing page and partner products, and the staff reads
// of the CRM and loans. Services hold the logic; routes validate and translate.
import { loadBusinessConfig } from '../services/config/business.ts';
import { answerBusinessErrors } from '../services/http/routes/errors.ts';
import { leadRoutes } from '../services/http/routes/leads.ts';
import { marketplaceRoutes } from '../services/http/routes/marketplace.ts';
import { prequalificationRoutes } from '../services/http/routes/prequalifications.ts';
import { simulationRoutes } from '../services/http/routes/simulations.ts';
import { staffRoutes } from '../services/http/routes/staff.ts';
import type { FeatureModule } from './context.ts';

/** Public routes per client IP and minute: calculators are cheap, forms are a spam target. */
const PUBLIC_PER_MINUTE = 60;
const LEADS_PER_MINUTE = 5;

export const businessModule: FeatureModule = {
  name: 'business',
  async register(app, context) {
    const business = loadBusinessConfig();
    const { prisma } = context.db;
    answerBusinessErrors(app);
    simulationRoutes(app, { business, rateLimitPerMinute: PUBLIC_PER_MINUTE });
    prequalificationRoutes(app, { prisma, business, rateLimitPerMinute: PUBLIC_PER_MINUTE });
    marketplaceRoutes(app, { prisma, business, rateLimitPerMinute: PUBLIC_PER_MINUTE });
    leadRoutes(app, { prisma, leadsPerMinute: LEADS_PER_MINUTE });
    staffRoutes(app, { prisma, pii: context.pii, verifyToken: context.verifyToken, timeZone: context.config.customerTimeZone });
  },
};

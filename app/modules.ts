// The features Ana runs, in the order they are registered. Each lives in its
// own folder; this list is the one place that wires them into the process.
import type { FeatureModule } from './context.ts';
import { conversationModule } from '../channels/rest/index.ts';
import { businessModule } from './business-module.ts';
import { knowledgeModule } from '../knowledge/module.ts';
import { webchatModule } from '../channels/webchat/module.ts';

export const featureModules: FeatureModule[] = [
  conversationModule,
  businessModule,
  knowledgeModule,
  webchatModule,
];

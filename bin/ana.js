#!/usr/bin/env node
// The `ana` command. Ana runs from TypeScript sources through tsx, so there is
// no build step between a clone and a running assistant.
import { register } from 'tsx/esm/api';

register();
await import('../app/cli.ts');

// Conversations, their contacts and messages, and the turn lease.
export * from './types.ts';
export * from './contacts.ts';
export * from './conversations.ts';
export * from './messages.ts';
export * from './inbound-batcher.ts';
export * from './lease.ts';
export * from './turn-statements.ts';

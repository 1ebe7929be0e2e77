// Index of every module's tables, for drizzle-kit and the typed client.
export * from '../modules/orgs/schema.ts';
export * from '../modules/auth/schema.ts';
export * from '../modules/audit/schema.ts';
export * from '../modules/rounds/schema.ts';
export * from '../modules/intentions/schema.ts';
export * from '../modules/idempotency/schema.ts';
export * from '../modules/reminders/schema.ts';
export * from '../modules/agreements/schema.ts';
export * from '../modules/imports/schema.ts';
export * from '../modules/allocation/schema.ts';
export * from '../modules/ledger/schema.ts';
export * from '../modules/people/schema.ts';
export * from '../modules/secretaries/schema.ts';
export * from '../modules/mobile/schema.ts';
export * from '../modules/care/schema.ts';

export * from '../modules/help-pairs/schema.ts';

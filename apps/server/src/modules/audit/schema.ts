import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Append-only: migration 0001 adds a trigger that rejects UPDATE and DELETE.
// `scopePath` is the path of the organization the record concerns, so admins see only
// the records inside their scope.
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: bigint('actor_id', { mode: 'number' }),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    scopePath: text('scope_path').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
    // The record of the bulk action (a publish) this one is part of. Filled from the setting a
    // bulk action opens in its transaction (record.ts `openBatch`), so the commands it runs
    // record as they always do and the log still lists the bulk action once.
    batchId: bigint('batch_id', { mode: 'number' }).default(
      sql`nullif(current_setting('pairing.audit_batch', true), '')::bigint`,
    ),
  },
  (t) => [
    index('audit_scope_idx').using('btree', t.scopePath.op('text_pattern_ops'), t.at),
    index('audit_at_idx').on(t.at),
    // One entity's history (the audit page's entity filter, an import job's record) without
    // reading every record in scope.
    index('audit_entity_idx').on(t.entity, t.entityId),
    index('audit_batch_idx').on(t.batchId),
  ],
);

/**
 * The audit log's hash chain (issue 16 item 11): the sealer (seal.ts) gives each record, in the
 * order it seals them, a link whose hash covers the previous link's hash and the record's
 * content, so an edited, deleted or inserted record breaks the chain (`audit verify`).
 * Append-only like the log (migration trigger).
 */
export const auditSeals = pgTable('audit_seals', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  auditId: bigint('audit_id', { mode: 'number' }).notNull().unique(),
  hash: text('hash').notNull(),
  sealedAt: timestamp('sealed_at', { withTimezone: true }).notNull().defaultNow(),
});

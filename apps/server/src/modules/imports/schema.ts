import {
  bigint,
  customType,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

export const importKind = pgEnum('import_kind', ['units', 'weak_villages']);
export const importStatus = pgEnum('import_status', ['running', 'failed', 'done']);

/** Bytes as PostgreSQL's bytea; both drivers hand them over as a Uint8Array. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

export type ImportRowError = { row: number; column: string; message: string };

// Jobs live in the database so any server process can answer a progress poll.
export const importJobs = pgTable('import_jobs', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  kind: importKind('kind').notNull(),
  status: importStatus('status').notNull().default('running'),
  actorId: bigint('actor_id', { mode: 'number' }).notNull(),
  fileName: text('file_name'),
  total: integer('total').notNull().default(0),
  processed: integer('processed').notNull().default(0),
  imported: integer('imported').notNull().default(0),
  /** The first errors found (`keptImportErrors` of packages/shared); `errorCount` counts them all. */
  errors: jsonb('errors').$type<ImportRowError[]>().notNull().default([]),
  errorCount: integer('error_count').notNull().default(0),
  /** The uploaded file until the job finishes: whichever server process takes the job reads it. */
  upload: bytea('upload'),
  /** The queue's job that runs the import (jobs/work.ts). */
  queueJobId: uuid('queue_job_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

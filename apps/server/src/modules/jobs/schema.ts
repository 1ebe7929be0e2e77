import {
  bigint,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

export const jobOutcome = pgEnum('job_outcome', ['done', 'failed']);

/**
 * What the queue does not keep about a job a user started: whose it is, where in the org tree it
 * acts, its progress and its outcome. The id is the queue's own; while `outcome` is null, the
 * queue's state (queued, running, failed after its retries) tells the rest.
 */
export const backgroundJobs = pgTable(
  'background_jobs',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    ownerId: bigint('owner_id', { mode: 'number' }).notNull(),
    scopePath: text('scope_path').notNull(),
    progress: integer('progress').notNull().default(0),
    total: integer('total').notNull().default(0),
    outcome: jobOutcome('outcome'),
    result: jsonb('result').$type<Record<string, unknown>>(),
    message: text('message'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('background_jobs_owner_idx').on(t.ownerId, t.createdAt)],
);

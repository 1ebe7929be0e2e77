import { sql } from 'drizzle-orm';
import { bigint, check, integer, pgTable, timestamp } from 'drizzle-orm/pg-core';

/**
 * The password and lockout policy the security administrator sets (三员分立); one row, id 1.
 * Missing, the defaults of `authSettings` hold. The checks repeat the bounds of the shared schema
 * so that no write, however made, leaves sign-in unprotected.
 */
export const securityPolicy = pgTable(
  'security_policy',
  {
    id: integer('id').primaryKey().default(1),
    minPasswordLength: integer('min_password_length').notNull(),
    maxFailedAttempts: integer('max_failed_attempts').notNull(),
    firstPauseMinutes: integer('first_pause_minutes').notNull(),
    maxPauseHours: integer('max_pause_hours').notNull(),
    maxSessions: integer('max_sessions').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: bigint('updated_by', { mode: 'number' }),
  },
  (t) => [
    check('security_policy_one_row', sql`${t.id} = 1`),
    check('security_policy_min_length', sql`${t.minPasswordLength} between 10 and 64`),
    check('security_policy_failures', sql`${t.maxFailedAttempts} between 3 and 10`),
    check('security_policy_first_pause', sql`${t.firstPauseMinutes} between 1 and 1440`),
    check('security_policy_max_pause', sql`${t.maxPauseHours} between 1 and 720`),
    check('security_policy_sessions', sql`${t.maxSessions} between 1 and 50`),
  ],
);

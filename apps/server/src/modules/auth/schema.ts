import { roles } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/schema.ts';

export const role = pgEnum('role', roles);

export const users = pgTable(
  'users',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    role: role('role').notNull(),
    phone: text('phone'),
    disabled: boolean('disabled').notNull().default(false),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('users_org_idx').on(t.orgId)],
);

// The cookie carries a random token; only its SHA-256 is stored, so a leaked table grants nothing.
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    /** What the user's session list names it by; the token's hash never leaves the server. */
    id: bigint('id', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), uniqueIndex('sessions_id_key').on(t.id)],
);

/**
 * Every sign-in to an account, successful or not (issue 16 item 12): the user sees the recent
 * ones, with where from and which device, to notice one that was not his.
 */
export const signIns = pgTable(
  'sign_ins',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    ok: boolean('ok').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sign_ins_user_idx').on(t.userId, t.at)],
);

/**
 * Failed sign-ins per account name and source address (ASVS 2.2): a source that guessed wrong
 * `maxFailedAttempts` times is paused for that account, for longer each time, while the rightful
 * user signs in from elsewhere. Keyed by the name as typed, so an unknown name behaves the same.
 * `attempts` counts the tries in flight too: it is taken before the password is checked.
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    username: text('username').notNull(),
    source: text('source').notNull(),
    attempts: integer('attempts').notNull(),
    blocks: integer('blocks').notNull().default(0),
    blockedUntil: timestamp('blocked_until', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.username, t.source] })],
);

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

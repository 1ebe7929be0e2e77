import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { intentionStates } from '@pairing/shared';
import { users } from '../auth/schema.ts';
import { orgs } from '../orgs/schema.ts';
import { rounds } from '../rounds/schema.ts';

export const intentionState = pgEnum('intention_state', intentionStates);
export const intentionSource = pgEnum('intention_source', ['selection', 'renewal', 'allocation']);

// 意向: a unit's choice of a rural organization in a round. A pending or accepted intention holds
// one place of the village (round_slots) and one of the unit's capacity (round_unit_loads).
// An intention of source 'allocation' (the city's organizational allocation) awaits both sides:
// each side's confirmation is recorded, and the second one accepts it.
export const intentions = pgTable(
  'intentions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    roundId: bigint('round_id', { mode: 'number' })
      .notNull()
      .references(() => rounds.id),
    urbanOrgId: bigint('urban_org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    ruralOrgId: bigint('rural_org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    state: intentionState('state').notNull().default('pending'),
    source: intentionSource('source').notNull().default('selection'),
    provinceCode: text('province_code').notNull(),
    submittedBy: bigint('submitted_by', { mode: 'number' }).references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    decidedBy: bigint('decided_by', { mode: 'number' }).references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    urbanConfirmedBy: bigint('urban_confirmed_by', { mode: 'number' }).references(() => users.id),
    urbanConfirmedAt: timestamp('urban_confirmed_at', { withTimezone: true }),
    ruralConfirmedBy: bigint('rural_confirmed_by', { mode: 'number' }).references(() => users.id),
    ruralConfirmedAt: timestamp('rural_confirmed_at', { withTimezone: true }),
    /** Why a round's stage change closed it (state `lapsed`), shown to both sides. */
    closedReason: text('closed_reason'),
  },
  (t) => [
    uniqueIndex('intentions_live_key')
      .on(t.roundId, t.urbanOrgId, t.ruralOrgId)
      .where(sql`${t.state} in ('pending', 'accepted')`),
    index('intentions_rural_idx').on(t.roundId, t.ruralOrgId),
    index('intentions_urban_idx').on(t.roundId, t.urbanOrgId),
  ],
);

// One row per (round, rural org): the lock that decides races for the village's places.
export const roundSlots = pgTable(
  'round_slots',
  {
    roundId: bigint('round_id', { mode: 'number' }).notNull(),
    ruralOrgId: bigint('rural_org_id', { mode: 'number' }).notNull(),
    taken: integer('taken').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.ruralOrgId] })],
);

// One row per (round, unit): the lock that enforces the unit's capacity.
export const roundUnitLoads = pgTable(
  'round_unit_loads',
  {
    roundId: bigint('round_id', { mode: 'number' }).notNull(),
    urbanOrgId: bigint('urban_org_id', { mode: 'number' }).notNull(),
    taken: integer('taken').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.urbanOrgId] })],
);

// R-ROUND-RENEW: a previous-round pair continues when both sides confirm; the confirmation of the
// second side creates an accepted intention of the new round (source 'renewal').
export const renewals = pgTable(
  'renewals',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    roundId: bigint('round_id', { mode: 'number' })
      .notNull()
      .references(() => rounds.id),
    previousIntentionId: bigint('previous_intention_id', { mode: 'number' })
      .notNull()
      .references(() => intentions.id),
    urbanOrgId: bigint('urban_org_id', { mode: 'number' }).notNull(),
    ruralOrgId: bigint('rural_org_id', { mode: 'number' }).notNull(),
    urbanConfirmedBy: bigint('urban_confirmed_by', { mode: 'number' }),
    urbanConfirmedAt: timestamp('urban_confirmed_at', { withTimezone: true }),
    ruralConfirmedBy: bigint('rural_confirmed_by', { mode: 'number' }),
    ruralConfirmedAt: timestamp('rural_confirmed_at', { withTimezone: true }),
    declinedBy: bigint('declined_by', { mode: 'number' }),
    declinedAt: timestamp('declined_at', { withTimezone: true }),
    /** Set when a round's stage change closed the renewal unanswered (declined by no one). */
    closedReason: text('closed_reason'),
    intentionId: bigint('intention_id', { mode: 'number' }).references(() => intentions.id),
  },
  (t) => [uniqueIndex('renewals_key').on(t.roundId, t.previousIntentionId)],
);

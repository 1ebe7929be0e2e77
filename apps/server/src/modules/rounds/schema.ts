import {
  bigint,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { roundStates } from '@pairing/shared';
import { orgs } from '../orgs/schema.ts';

export const roundState = pgEnum('round_state', roundStates);

// A pairing round belongs to the city that runs it (`orgId`); `scopePath` is that org's path, so
// "is this village part of the round" is one prefix match. Deadlines are calendar dates in China
// time: a deadline is open until the end of that day (R-DEADLINE-INTENT, R-DEADLINE-SIGN).
export const rounds = pgTable(
  'rounds',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    scopePath: text('scope_path').notNull(),
    name: text('name').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    policyPackId: text('policy_pack').notNull(),
    intentionDeadline: date('intention_deadline', { mode: 'string' }).notNull(),
    signingDeadline: date('signing_deadline', { mode: 'string' }).notNull(),
    termEnd: date('term_end', { mode: 'string' }).notNull(),
    villageCap: integer('village_cap').notNull(),
    previousRoundId: bigint('previous_round_id', { mode: 'number' }),
    state: roundState('state').notNull().default('draft'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rounds_scope_idx').using('btree', t.scopePath.op('text_pattern_ops'))],
);

// 任务建议书 (R-QUOTA): how many towns, villages and weak villages the units of a district or
// working committee must cover in this round.
export const roundQuotas = pgTable(
  'round_quotas',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    roundId: bigint('round_id', { mode: 'number' })
      .notNull()
      .references(() => rounds.id),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    towns: integer('towns').notNull(),
    villages: integer('villages').notNull(),
    weakVillages: integer('weak_villages').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('round_quotas_key').on(t.roundId, t.orgId)],
);

// 需求清单 of a village or town, and 资源清单 of a unit, per round: one row per item.
export const roundNeeds = pgTable(
  'round_needs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    roundId: bigint('round_id', { mode: 'number' })
      .notNull()
      .references(() => rounds.id),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    category: text('category').notNull(),
    note: text('note'),
    amount: bigint('amount', { mode: 'number' }),
  },
  (t) => [
    index('round_needs_org_idx').on(t.roundId, t.orgId),
    index('round_needs_cat_idx').on(t.roundId, t.category),
  ],
);

export const roundResources = pgTable(
  'round_resources',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    roundId: bigint('round_id', { mode: 'number' })
      .notNull()
      .references(() => rounds.id),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    category: text('category').notNull(),
    note: text('note'),
    amount: bigint('amount', { mode: 'number' }),
  },
  (t) => [index('round_resources_org_idx').on(t.roundId, t.orgId)],
);

import { allocationPairStatuses, allocationRunStatuses } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from '../auth/schema.ts';
import { orgs } from '../orgs/schema.ts';
import { rounds } from '../rounds/schema.ts';
import type { Reason } from './cost.ts';
import type { AllocationSettings } from './settings.ts';

// 组织分配 (S1 §4 §8, R-COVERAGE): the city's proposals to cover the villages that voluntary
// selection left short. A run is one solve; its pairs are reviewed (locked, removed, swapped)
// and finally published as intentions of source `allocation`.

export const allocationRunStatus = pgEnum('allocation_run_status', allocationRunStatuses);
export const allocationPairStatus = pgEnum('allocation_pair_status', allocationPairStatuses);

/** Cost weights and pruning of one round (validated by `allocationSettingsInput`, packages/shared). */
export const allocationSettings = pgTable('allocation_settings', {
  roundId: bigint('round_id', { mode: 'number' })
    .primaryKey()
    .references(() => rounds.id),
  settings: jsonb('settings').notNull(),
  updatedBy: bigint('updated_by', { mode: 'number' }).references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A unit's stated preference (S2 §2.1 科学结对): a district, town or village it would like to
 * help in this round. The intentions module records no preferences, so they live here.
 */
export const allocationPreferences = pgTable(
  'allocation_preferences',
  {
    roundId: bigint('round_id', { mode: 'number' })
      .notNull()
      .references(() => rounds.id),
    urbanOrgId: bigint('urban_org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    ruralOrgId: bigint('rural_org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.urbanOrgId, t.ruralOrgId] })],
);

/** Pairs the city removed from a proposal: never proposed again in this round. */
export const allocationExclusions = pgTable(
  'allocation_exclusions',
  {
    roundId: bigint('round_id', { mode: 'number' })
      .notNull()
      .references(() => rounds.id),
    urbanOrgId: bigint('urban_org_id', { mode: 'number' }).notNull(),
    ruralOrgId: bigint('rural_org_id', { mode: 'number' }).notNull(),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.urbanOrgId, t.ruralOrgId] })],
);

export const allocationRuns = pgTable(
  'allocation_runs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    roundId: bigint('round_id', { mode: 'number' })
      .notNull()
      .references(() => rounds.id),
    /** The run whose locked pairs this one kept (a re-run), or null for a fresh run. */
    sourceRunId: bigint('source_run_id', { mode: 'number' }),
    status: allocationRunStatus('status').notNull().default('proposed'),
    settings: jsonb('settings').$type<AllocationSettings>().notNull(),
    /** Instance size, covered places, total cost and solve time. */
    stats: jsonb('stats').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    publishedBy: bigint('published_by', { mode: 'number' }).references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    index('allocation_runs_round_idx').on(t.roundId, t.id),
    // At most one proposal under review per round: a new run supersedes the previous one.
    uniqueIndex('allocation_runs_one_proposed')
      .on(t.roundId)
      .where(sql`${t.status} = 'proposed'`),
  ],
);

export const allocationPairs = pgTable(
  'allocation_pairs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    runId: bigint('run_id', { mode: 'number' })
      .notNull()
      .references(() => allocationRuns.id),
    urbanOrgId: bigint('urban_org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    ruralOrgId: bigint('rural_org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    status: allocationPairStatus('status').notNull().default('proposed'),
    /** Kept as a fixed pair from the source run (it was locked there). */
    fixed: boolean('fixed').notNull().default(false),
    cost: integer('cost').notNull(),
    /** The cost's terms: [{ code, label, delta }]. */
    reasons: jsonb('reasons').$type<Reason[]>().notNull(),
    /** The unit proposed before the city swapped it. */
    swappedFrom: bigint('swapped_from', { mode: 'number' }),
    /** The intention created when the run was published. */
    intentionId: bigint('intention_id', { mode: 'number' }),
  },
  (t) => [
    index('allocation_pairs_run_idx').on(t.runId, t.ruralOrgId),
    uniqueIndex('allocation_pairs_key').on(t.runId, t.urbanOrgId, t.ruralOrgId),
  ],
);

/** The rural targets a run had to serve (short of the requirement), and what it left missing. */
export const allocationTargets = pgTable(
  'allocation_targets',
  {
    runId: bigint('run_id', { mode: 'number' })
      .notNull()
      .references(() => allocationRuns.id),
    ruralOrgId: bigint('rural_org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    districtId: bigint('district_id', { mode: 'number' }),
    demand: integer('demand').notNull(),
    missing: integer('missing').notNull(),
    /** The engine's `no_eligible_unit` or `eligible_units_exhausted` when places are missing. */
    reason: text('reason'),
  },
  (t) => [primaryKey({ columns: [t.runId, t.ruralOrgId] })],
);

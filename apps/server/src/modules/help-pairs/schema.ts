import { helpKinds, helpPairStates, helpRecorderSides, type HelpPlan } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
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
import { agreements } from '../agreements/schema.ts';
import { users } from '../auth/schema.ts';
import { evidenceFiles } from '../ledger/schema.ts';
import { persons } from '../people/schema.ts';

export const helpPairState = pgEnum('help_pair_state', helpPairStates);
export const helpKind = pgEnum('help_kind', helpKinds);
export const helpRecorderSide = pgEnum('help_recorder_side', helpRecorderSides);

/**
 * A "1+2" pair (R-ONE-PLUS-TWO) inside a pairing (a signed agreement, `pairing_agreements`): the
 * village's poor member and poor resident, and the unit's cadre once assigned. A pair is live
 * while proposed or assigned: a cadre is in at most one live pair per pairing, and a person in at
 * most one as member or resident (the partial unique indexes decide races).
 */
export const helpPairs = pgTable(
  'help_pairs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    pairingId: bigint('pairing_id', { mode: 'number' })
      .notNull()
      .references(() => agreements.id),
    provinceCode: text('province_code').notNull(),
    state: helpPairState('state').notNull().default('proposed'),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    residentId: bigint('resident_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    cadreId: bigint('cadre_id', { mode: 'number' }).references(() => persons.id),
    note: text('note').notNull().default(''),
    /** 脱困致富方案: measures, targets (with `met`), period. */
    plan: jsonb('plan').$type<HelpPlan>(),
    incomeBefore: integer('income_before'),
    incomeAfter: integer('income_after'),
    outOfDifficulty: boolean('out_of_difficulty'),
    concludedOn: date('concluded_on', { mode: 'string' }),
    summary: text('summary'),
    withdrawReason: text('withdraw_reason'),
    proposedBy: bigint('proposed_by', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    assignedBy: bigint('assigned_by', { mode: 'number' }).references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('help_pairs_pairing_idx').on(t.pairingId, t.state),
    uniqueIndex('help_pairs_live_cadre_key')
      .on(t.pairingId, t.cadreId)
      .where(sql`${t.state} in ('proposed', 'assigned')`),
    uniqueIndex('help_pairs_live_member_key')
      .on(t.pairingId, t.memberId)
      .where(sql`${t.state} in ('proposed', 'assigned')`),
    uniqueIndex('help_pairs_live_resident_key')
      .on(t.pairingId, t.residentId)
      .where(sql`${t.state} in ('proposed', 'assigned')`),
    // The registry's visibility port and the cadre's own pairs look pairs up by person.
    index('help_pairs_cadre_idx')
      .on(t.cadreId)
      .where(sql`${t.cadreId} is not null`),
    index('help_pairs_member_idx').on(t.memberId),
    index('help_pairs_resident_idx').on(t.residentId),
  ],
);

/** One piece of help given to a pair (S5 §2.3), by its cadre; what a member's quarterly report draws on. */
export const helpRecords = pgTable(
  'help_records',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    helpPairId: bigint('help_pair_id', { mode: 'number' })
      .notNull()
      .references(() => helpPairs.id),
    provinceCode: text('province_code').notNull(),
    kind: helpKind('kind').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    text: text('text').notNull(),
    amount: integer('amount'),
    /** The cadre whose help it is (the pair's cadre when it was recorded). */
    cadreId: bigint('cadre_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    recordedAs: helpRecorderSide('recorded_as').notNull(),
    recordedBy: bigint('recorded_by', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('help_records_pair_idx').on(t.helpPairId, t.date),
    index('help_records_cadre_idx').on(t.cadreId, t.date),
  ],
);

/** The photos of a help record, kept in the ledger's evidence store (a file once per content). */
export const helpRecordPhotos = pgTable(
  'help_record_photos',
  {
    recordId: bigint('record_id', { mode: 'number' })
      .notNull()
      .references(() => helpRecords.id),
    fileId: bigint('file_id', { mode: 'number' })
      .notNull()
      .references(() => evidenceFiles.id),
    position: integer('position').notNull(),
    originalName: text('original_name').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.recordId, t.fileId] }),
    index('help_record_photos_file_idx').on(t.fileId),
  ],
);

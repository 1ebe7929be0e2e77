import type { RecordInput } from '@pairing/shared';
import {
  recordStates,
  recordTypes,
  rosterRoles,
  ledgerSides,
  entryStatuses,
} from '@pairing/shared';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  doublePrecision,
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
import { orgs } from '../orgs/schema.ts';

// The term's ledger (issue 12). A pairing is a signed agreement (agreements' `pairing_agreements`
// view); its id is the agreement's. Everything here hangs off that id.

export const rosterRole = pgEnum('roster_role', rosterRoles);
export const recordType = pgEnum('record_type', recordTypes);
export const recordState = pgEnum('record_state', recordStates);
export const ledgerSide = pgEnum('ledger_side', ledgerSides);
export const entryStatus = pgEnum('entry_status', entryStatuses);

/** The pairing's responsible department (负责部门, S1 §10), named by the unit. */
export const pairingProfiles = pgTable('pairing_profiles', {
  pairingId: bigint('pairing_id', { mode: 'number' })
    .primaryKey()
    .references(() => agreements.id),
  responsibleDepartment: text('responsible_department').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The unit's leadership roster for the pairing; a change mid-term ends one entry, adds another. */
export const pairingRoster = pgTable(
  'pairing_roster',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    pairingId: bigint('pairing_id', { mode: 'number' })
      .notNull()
      .references(() => agreements.id),
    name: text('name').notNull(),
    post: text('post').notNull(),
    role: rosterRole('role').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('pairing_roster_pairing_idx').on(t.pairingId)],
);

/**
 * One record of either side. `content` is the record as entered (the contract's `RecordInput`);
 * the columns beside it are what queries and the engine's ledger need. `counts_from` is the day
 * from which it counts (mutual confirmation): entry day + 14 while pending, the confirmation or settlement
 * day once confirmed or upheld, null while disputed, rejected or withdrawn.
 */
export const ledgerRecords = pgTable(
  'ledger_records',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    pairingId: bigint('pairing_id', { mode: 'number' })
      .notNull()
      .references(() => agreements.id),
    provinceCode: text('province_code').notNull(),
    type: recordType('type').notNull(),
    side: ledgerSide('side').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    content: jsonb('content').$type<RecordInput>().notNull(),
    /** Roster entry ids among the people (visits count them per person). */
    rosterIds: bigint('roster_ids', { mode: 'number' })
      .array()
      .notNull()
      .default(sql`'{}'`),
    department: boolean('department').notNull().default(false),
    category: text('category'),
    /** Yuan, for funds. */
    amount: bigint('amount', { mode: 'number' }),
    /** The quarter a report is for, `2025Q1`. */
    period: text('period'),
    state: recordState('state').notNull().default('pending'),
    /**
     * The record as an event of the engine's ledger, packed as compliance/engine-ledger.ts reads
     * it (`ledger_engine_event`, migration 0015); null for what no rule reads. Computed by the
     * database from the columns above, so it cannot disagree with them, and indexed with the
     * pairing and `counts_from`: a recompute reads a pairing's events from the index alone.
     */
    engineEvent: text('engine_event').generatedAlwaysAs(
      sql`ledger_engine_event(id, type, date, department, category, amount, period, roster_ids)`,
    ),
    countsFrom: date('counts_from', { mode: 'string' }),
    photoDateMismatch: boolean('photo_date_mismatch').notNull().default(false),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
    enteredBy: bigint('entered_by', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: bigint('confirmed_by', { mode: 'number' }).references(() => users.id),
    objectedAt: timestamp('objected_at', { withTimezone: true }),
    objectedBy: bigint('objected_by', { mode: 'number' }).references(() => users.id),
    objectionReason: text('objection_reason'),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    settledBy: bigint('settled_by', { mode: 'number' }).references(() => users.id),
    settlementNote: text('settlement_note'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ledger_records_pairing_idx').on(t.pairingId, t.date),
    index('ledger_records_open_idx')
      .on(t.pairingId)
      .where(sql`${t.state} in ('pending', 'disputed')`),
    index('ledger_records_engine_idx')
      .on(t.pairingId, t.countsFrom, t.engineEvent)
      .where(sql`${t.engineEvent} is not null`),
  ],
);

/** A stored file, named by the SHA-256 of its (re-encoded) content; never by a user's name. */
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    sha256: text('sha256').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    width: integer('width'),
    height: integer('height'),
    thumbSha256: text('thumb_sha256'),
    takenAt: timestamp('taken_at', { withTimezone: true }),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('evidence_files_sha_key').on(t.sha256)],
);

/** Which files a record carries, in order; `date_mismatch` flags a photo taken > 1 day off. */
export const recordEvidence = pgTable(
  'record_evidence',
  {
    recordId: bigint('record_id', { mode: 'number' })
      .notNull()
      .references(() => ledgerRecords.id),
    fileId: bigint('file_id', { mode: 'number' })
      .notNull()
      .references(() => evidenceFiles.id),
    position: integer('position').notNull(),
    originalName: text('original_name').notNull().default(''),
    dateMismatch: boolean('date_mismatch').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.recordId, t.fileId] }),
    // Serving a file looks up the records that carry it (GET /evidence/:id).
    index('record_evidence_file_idx').on(t.fileId),
  ],
);

/** A check-in code for one visit or activity record (QR); it expires with the event. */
export const checkinCodes = pgTable(
  'checkin_codes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    recordId: bigint('record_id', { mode: 'number' })
      .notNull()
      .references(() => ledgerRecords.id),
    /** SHA-256 of the token; the token itself is only in the QR code. */
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('checkin_codes_token_key').on(t.tokenHash)],
);

export const checkins = pgTable(
  'checkins',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    codeId: bigint('code_id', { mode: 'number' })
      .notNull()
      .references(() => checkinCodes.id),
    recordId: bigint('record_id', { mode: 'number' })
      .notNull()
      .references(() => ledgerRecords.id),
    rosterId: bigint('roster_id', { mode: 'number' }).references(() => pairingRoster.id),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('checkins_roster_key')
      .on(t.recordId, t.rosterId)
      .where(sql`${t.rosterId} is not null`),
    uniqueIndex('checkins_name_key')
      .on(t.recordId, t.name)
      .where(sql`${t.rosterId} is null`),
  ],
);

/** What the village did with a fund it received (村务公开, R-DISCLOSE). */
export const fundUses = pgTable(
  'fund_uses',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    recordId: bigint('record_id', { mode: 'number' })
      .notNull()
      .references(() => ledgerRecords.id),
    date: date('date', { mode: 'string' }).notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    purpose: text('purpose').notNull(),
    enteredBy: bigint('entered_by', { mode: 'number' }).references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('fund_uses_record_idx').on(t.recordId)],
);

/** An enterprise unit's annual total profit (R-TAX-CAP: deductible up to 12% of it). */
export const unitProfits = pgTable(
  'unit_profits',
  {
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    year: integer('year').notNull(),
    profit: bigint('profit', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.year] })],
);

/**
 * The engine's status of each pairing as of `at` (today when stored): its summary, with the org
 * paths denormalized so lists and roll-ups filter one narrow table. The answer itself is in
 * pairing_status. `hash` digests the answer and the paths: a day that changes neither only moves
 * `at` (a narrow row, updated in place: fillfactor 50, set in migration 0015).
 */
export const pairingCompliance = pgTable(
  'pairing_compliance',
  {
    pairingId: bigint('pairing_id', { mode: 'number' })
      .primaryKey()
      .references(() => agreements.id),
    at: date('at', { mode: 'string' }).notNull(),
    urbanPath: text('urban_path').notNull(),
    ruralPath: text('rural_path').notNull(),
    met: integer('met').notNull(),
    due: integer('due').notNull(),
    dueSoon: integer('due_soon').notNull(),
    missed: integer('missed').notNull(),
    late: integer('late').notNull(),
    /** The earliest day a duty not met yet falls due, null when none. */
    nextDue: date('next_due', { mode: 'string' }),
    hash: text('hash').notNull().default(''),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('pairing_compliance_rural_idx').on(sql`${t.ruralPath} text_pattern_ops`),
    index('pairing_compliance_urban_idx').on(sql`${t.urbanPath} text_pattern_ops`),
  ],
);

/**
 * The engine's answer for the pairing as of pairing_compliance's `at`: the JSON text of its
 * status without `at` (compliance/read.ts parses it and adds `at`). Text, not jsonb or json: it is
 * only read whole, and the database parsing or checking the JSON written by JSON.stringify cost a
 * recompute more than the engine's evaluation did (bench/ledger.ts).
 */
export const pairingStatus = pgTable('pairing_status', {
  pairingId: bigint('pairing_id', { mode: 'number' })
    .primaryKey()
    .references(() => pairingCompliance.pairingId),
  status: text('status').notNull(),
});

/**
 * Periods per pairing, rule and status: what the list filters and the roll-ups count, with the
 * parties' paths again so a roll-up reads one index range. Like pairing_duties, rewritten with
 * its pairing's pairing_compliance row (which holds the foreign key); without one of its own, the
 * 3–8 rows per pairing a recompute writes cost no key checks.
 */
export const pairingRuleStatus = pgTable(
  'pairing_rule_status',
  {
    pairingId: bigint('pairing_id', { mode: 'number' }).notNull(),
    rule: text('rule').notNull(),
    status: entryStatus('status').notNull(),
    periods: integer('periods').notNull(),
    urbanPath: text('urban_path').notNull(),
    ruralPath: text('rural_path').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.pairingId, t.rule, t.status] }),
    index('pairing_rule_status_rule_idx').on(t.rule, t.status),
    index('pairing_rule_status_rural_idx').on(sql`${t.ruralPath} text_pattern_ops`),
    index('pairing_rule_status_urban_idx').on(sql`${t.urbanPath} text_pattern_ops`),
  ],
);

/**
 * The duties of each pairing not met as of the stored `at`: open periods, and periods missed in
 * the last days (reminders to both sides before a duty falls due and when it is missed).
 * `period` names the period within the rule (its dates, and the person or category).
 */
export const pairingDuties = pgTable(
  'pairing_duties',
  {
    pairingId: bigint('pairing_id', { mode: 'number' }).notNull(),
    rule: text('rule').notNull(),
    period: text('period').notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    /** The day it falls due: the period's end, or for quarterly reports the end + the pack's days. */
    due: date('due', { mode: 'string' }).notNull(),
    person: text('person'),
    category: text('category'),
    required: bigint('required', { mode: 'number' }).notNull(),
    actual: bigint('actual', { mode: 'number' }).notNull(),
    missed: boolean('missed').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.pairingId, t.rule, t.period] }),
    index('pairing_duties_due_idx').on(t.due),
  ],
);

/**
 * The daily recompute of every pairing's compliance, one row per China-time day: a process
 * claims the day (a lease it renews while it runs, so another takes over if it dies) and marks
 * it finished, so the servers of a deployment run it once a day between them.
 */
export const complianceRuns = pgTable('compliance_runs', {
  day: date('day', { mode: 'string' }).primaryKey(),
  claimedBy: text('claimed_by').notNull(),
  claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  pairings: integer('pairings').notNull().default(0),
});

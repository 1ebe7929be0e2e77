import type { AgreementContent } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  pgView,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { users } from '../auth/schema.ts';
import { intentions } from '../intentions/schema.ts';
import { orgs } from '../orgs/schema.ts';
import { rounds } from '../rounds/schema.ts';

// `lapsed`: unsigned when its round entered 帮扶实施 (or an amendment when the round closed).
export const agreementStatus = pgEnum('agreement_status', ['draft', 'signed', 'lapsed']);
export const agreementSide = pgEnum('agreement_side', ['urban', 'rural']);

// One row per agreement (协议) or amendment (补充协议, `amendsId` set). Parties and term come from
// the round and the intention and never change; the negotiated text lives in `content`, and every
// save is also kept in agreement_versions. `version` is the optimistic-concurrency counter.
export const agreements = pgTable(
  'agreements',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    roundId: bigint('round_id', { mode: 'number' })
      .notNull()
      .references(() => rounds.id),
    intentionId: bigint('intention_id', { mode: 'number' })
      .notNull()
      .references(() => intentions.id),
    amendsId: bigint('amends_id', { mode: 'number' }).references((): AnyPgColumn => agreements.id),
    packId: text('pack_id').notNull(),
    urbanOrgId: bigint('urban_org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    ruralOrgId: bigint('rural_org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    provinceCode: text('province_code').notNull(),
    termStart: date('term_start').notNull(),
    termEnd: date('term_end').notNull(),
    status: agreementStatus('status').notNull().default('draft'),
    pen: agreementSide('pen').notNull(),
    version: integer('version').notNull().default(1),
    content: jsonb('content').$type<AgreementContent>().notNull(),
    urbanSignedAt: timestamp('urban_signed_at', { withTimezone: true }),
    urbanSignedBy: bigint('urban_signed_by', { mode: 'number' }).references(() => users.id),
    ruralSignedAt: timestamp('rural_signed_at', { withTimezone: true }),
    ruralSignedBy: bigint('rural_signed_by', { mode: 'number' }).references(() => users.id),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    /** Why a round's stage change closed it unsigned (status `lapsed`). */
    closedReason: text('closed_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One original agreement per intention; amendments share the intention id.
    uniqueIndex('agreements_intention_key')
      .on(t.intentionId)
      .where(sql`${t.amendsId} is null`),
    // At most one open amendment per signed agreement.
    uniqueIndex('agreements_open_amendment_key')
      .on(t.amendsId)
      .where(sql`${t.amendsId} is not null and ${t.status} = 'draft'`),
    // The latest signed amendment of an agreement (the `pairing_agreements` view reads it for
    // every pairing the ledger loads); without it each read scans every agreement.
    index('agreements_amends_idx')
      .on(t.amendsId)
      .where(sql`${t.amendsId} is not null`),
    index('agreements_round_idx').on(t.roundId, t.status),
    index('agreements_urban_idx').on(t.urbanOrgId),
    index('agreements_rural_idx').on(t.ruralOrgId),
  ],
);

export const agreementVersions = pgTable(
  'agreement_versions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    agreementId: bigint('agreement_id', { mode: 'number' })
      .notNull()
      .references(() => agreements.id),
    version: integer('version').notNull(),
    side: agreementSide('side'),
    content: jsonb('content').$type<AgreementContent>().notNull(),
    editedBy: bigint('edited_by', { mode: 'number' }).references(() => users.id),
    editedAt: timestamp('edited_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('agreement_versions_key').on(t.agreementId, t.version)],
);

/**
 * What the agreements module publishes to the term's ledger: every original agreement signed by
 * both sides (a pairing, issue 12), with the text of its latest signed amendment if any.
 */
export const pairingAgreements = pgView('pairing_agreements', {
  id: bigint('id', { mode: 'number' }).notNull(),
  roundId: bigint('round_id', { mode: 'number' }).notNull(),
  packId: text('pack_id').notNull(),
  urbanOrgId: bigint('urban_org_id', { mode: 'number' }).notNull(),
  ruralOrgId: bigint('rural_org_id', { mode: 'number' }).notNull(),
  provinceCode: text('province_code').notNull(),
  termStart: date('term_start', { mode: 'string' }).notNull(),
  termEnd: date('term_end', { mode: 'string' }).notNull(),
  signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
  content: jsonb('content').$type<AgreementContent>().notNull(),
}).as(sql`select a.id, a.round_id, a.pack_id, a.urban_org_id, a.rural_org_id, a.province_code,
    a.term_start, a.term_end, a.signed_at,
    coalesce((select am.content from agreements am
      where am.amends_id = a.id and am.status = 'signed'
      order by am.signed_at desc, am.id desc limit 1), a.content) as content
  from agreements a where a.status = 'signed' and a.amends_id is null`);

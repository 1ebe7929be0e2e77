import { mobileDuties, mobileReasons, mobileSides, mobileStates } from '@pairing/shared';
import { sql } from 'drizzle-orm';
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
import { users } from '../auth/schema.ts';
import { orgs } from '../orgs/schema.ts';
import { persons } from '../people/schema.ts';

export const mobileReason = pgEnum('mobile_reason', mobileReasons);
export const mobileState = pgEnum('mobile_state', mobileStates);
export const mobileSide = pgEnum('mobile_side', mobileSides);
export const mobileDuty = pgEnum('mobile_duty', mobileDuties);

/**
 * One flow of a mobile Party member (R-MOBILE-EIGHT): registered with a certificate at his home
 * (outflow) organization, sent to an inflow organization, received there or queried back, and
 * ended when he returns home. A person has at most one flow that has not ended.
 */
export const mobileMembers = pgTable(
  'mobile_members',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    /** The person's home organization when registered (组织关系所在). */
    outflowOrgId: bigint('outflow_org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    /** Any organization, in any district; null until sent. */
    inflowOrgId: bigint('inflow_org_id', { mode: 'number' }).references(() => orgs.id),
    provinceCode: text('province_code').notNull(),
    certificateNumber: text('certificate_number').notNull(),
    reason: mobileReason('reason').notNull(),
    destination: text('destination').notNull().default(''),
    state: mobileState('state').notNull().default('registered'),
    leaveDate: date('leave_date'),
    trainedOn: date('trained_on'),
    agreementSignedOn: date('agreement_signed_on'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    receivedBy: bigint('received_by', { mode: 'number' }).references(() => users.id),
    returnedOn: date('returned_on'),
    note: text('note').notNull().default(''),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mobile_members_certificate_key').on(t.certificateNumber),
    uniqueIndex('mobile_members_active_person_key')
      .on(t.personId)
      .where(sql`${t.state} <> 'returned'`),
    index('mobile_members_outflow_idx').on(t.outflowOrgId),
    index('mobile_members_inflow_idx')
      .on(t.inflowOrgId)
      .where(sql`${t.inflowOrgId} is not null`),
  ],
);

/** A question from one side to the other about a member (R-MOBILE-QUERY), with its deadline. */
export const mobileQueries = pgTable(
  'mobile_queries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => mobileMembers.id),
    fromSide: mobileSide('from_side').notNull(),
    question: text('question').notNull(),
    askedBy: bigint('asked_by', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull(),
    deadline: date('deadline').notNull(),
    answer: text('answer'),
    answeredBy: bigint('answered_by', { mode: 'number' }).references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [index('mobile_queries_member_idx').on(t.memberId)],
);

/** A yearly duty of the 八个一 done (R-MOBILE-REPORT): one record per flow, year and duty. */
export const mobileDutyRecords = pgTable(
  'mobile_duty_records',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => mobileMembers.id),
    year: integer('year').notNull(),
    duty: mobileDuty('duty').notNull(),
    date: date('date').notNull(),
    content: text('content').notNull().default(''),
    recordedBy: bigint('recorded_by', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('mobile_duty_records_key').on(t.memberId, t.year, t.duty)],
);

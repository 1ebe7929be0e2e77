import { careKinds, careStates, difficultyKinds, festivals, careHelpKinds } from '@pairing/shared';
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

export const careKind = pgEnum('care_kind', careKinds);
export const careState = pgEnum('care_state', careStates);
export const difficultyKind = pgEnum('difficulty_kind', difficultyKinds);
export const careHelpKind = pgEnum('care_help_kind', careHelpKinds);
export const careFestival = pgEnum('care_festival', festivals);

/**
 * A person in difficulty (R-CARE). The case belongs to the person's home organization as the
 * registry holds it now (people/sql.ts `personOrgId`), so it follows a transfer. A person has at
 * most one open case; a closed one stays in the archive. `carer_org_id` is the organization that
 * adopted the person (双结对, R-DOUBLE-PAIR), which sees the case too.
 */
export const careCases = pgTable(
  'care_cases',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    kind: careKind('kind').notNull(),
    difficulties: difficultyKind('difficulties').array().notNull(),
    description: text('description').notNull().default(''),
    state: careState('state').notNull().default('open'),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    closedOn: date('closed_on', { mode: 'string' }),
    closeReason: text('close_reason').notNull().default(''),
    carerOrgId: bigint('carer_org_id', { mode: 'number' }).references(() => orgs.id),
    carerSince: date('carer_since', { mode: 'string' }),
    createdBy: bigint('created_by', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('care_cases_open_person_key')
      .on(t.personId)
      .where(sql`${t.state} = 'open'`),
    index('care_cases_person_idx').on(t.personId),
    index('care_cases_carer_idx')
      .on(t.carerOrgId)
      .where(sql`${t.carerOrgId} is not null`),
  ],
);

/**
 * One help given (思想, 物质, 就业), by an organization and/or a named person. An entry marked with
 * a festival and its year is that festival's condolence visit (慰问); a case has one per festival
 * and year.
 */
export const careHelp = pgTable(
  'care_help',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => careCases.id),
    kind: careHelpKind('kind').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    text: text('text').notNull(),
    /** Yuan, for material help. */
    amount: bigint('amount', { mode: 'number' }),
    givenByOrgId: bigint('given_by_org_id', { mode: 'number' }).references(() => orgs.id),
    givenByName: text('given_by_name').notNull().default(''),
    festival: careFestival('festival'),
    festivalYear: integer('festival_year'),
    recordedBy: bigint('recorded_by', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('care_help_case_idx').on(t.caseId, t.date),
    uniqueIndex('care_help_visit_key')
      .on(t.caseId, t.festival, t.festivalYear)
      .where(sql`${t.festival} is not null`),
  ],
);

import type {
  DepartureAllowanceView,
  PointsLineInput,
  SecretaryPayParametersInput,
  SecretaryPayView,
} from '@pairing/shared';
import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from '../auth/schema.ts';
import { orgs } from '../orgs/schema.ts';
import { persons } from '../people/schema.ts';

// Village Party secretaries (issue 14 item 5, R-SECRETARY-PAY). A secretary is a registry person;
// the terms say of which village and when, the assessments what each year paid and why.

/** What a departure stored: the allowance and the inputs it came from (no yearly amount now). */
export type StoredAllowance = Omit<DepartureAllowanceView, 'yearlyAmountNow'>;

/**
 * A term in office as secretary of one village. A village has one secretary at a time and a
 * person one term at a time (the commands check both under locks). `allowance` is set when the
 * secretary leaves office at the end of this term.
 */
export const secretaryTerms = pgTable(
  'secretary_terms',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    villageId: bigint('village_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    provinceCode: text('province_code').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
    baseSubsidyPerYear: integer('base_subsidy_per_year').notNull(),
    allowance: jsonb('allowance').$type<StoredAllowance>(),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    endedBy: bigint('ended_by', { mode: 'number' }).references(() => users.id),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    index('secretary_terms_person_idx').on(t.personId),
    index('secretary_terms_village_idx').on(t.villageId),
  ],
);

/**
 * A year's 双百分 assessment of one secretary: the lines and figures entered, the pay computed and
 * the parameters it was computed with, so a later change of the parameters changes nothing here.
 * One per person and year; `village_id` is the village he served last that year (its scope).
 */
export const secretaryAssessments = pgTable(
  'secretary_assessments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    villageId: bigint('village_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    provinceCode: text('province_code').notNull(),
    year: integer('year').notNull(),
    lines: jsonb('lines').$type<PointsLineInput[]>().notNull(),
    incomeCreated: bigint('income_created', { mode: 'number' }).notNull(),
    insurancePremiums: integer('insurance_premiums').notNull(),
    note: text('note').notNull().default(''),
    pay: jsonb('pay').$type<SecretaryPayView>().notNull(),
    total: integer('total').notNull(),
    parameters: jsonb('parameters').$type<SecretaryPayParametersInput>().notNull(),
    parametersFromYear: integer('parameters_from_year'),
    assessedBy: bigint('assessed_by', { mode: 'number' }).references(() => users.id),
    assessedAt: timestamp('assessed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('secretary_assessments_person_year_key').on(t.personId, t.year),
    index('secretary_assessments_village_idx').on(t.villageId, t.year),
  ],
);

/** A city's pay parameters from `year` on, until a later year's row (the documents' otherwise). */
export const secretaryPayParameters = pgTable(
  'secretary_pay_parameters',
  {
    cityId: bigint('city_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    year: integer('year').notNull(),
    parameters: jsonb('parameters').$type<SecretaryPayParametersInput>().notNull(),
    updatedBy: bigint('updated_by', { mode: 'number' }).references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.year] })],
);

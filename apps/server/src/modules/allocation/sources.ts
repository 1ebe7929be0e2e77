import { sql, type SQL } from 'drizzle-orm';
import { PACKS, type PackId } from '@pairing/policy';
import type { Db } from '../../db/client.ts';
import type { Scope } from '../../lib/scope.ts';
import { listDistrictPairs } from '../orgs/district-pairs.ts';
import { districtOf, withinScope } from '../orgs/sql.ts';
import { queryRows } from '../../lib/rows.ts';
import { needCategories, resourceCategories } from '../rounds/read-for-allocation.ts';
import { ruralTarget } from '../rounds/rural.ts';
import type { Round } from '../rounds/service.ts';
import { listIntentions } from './intentions-port.ts';
import type { AllocationSettings } from './settings.ts';

// Everything the cost builder reads, in a few set-based queries. Intentions and the district
// pairing table come through their modules' functions; the orgs through the `org_directory` view
// and the round's needs and resources lists through the rounds module's fragments.

export type TargetRow = {
  id: number;
  kind: 'village' | 'town';
  path: string;
  weak: boolean;
  districtId: number | null;
  needs: string[];
};

export type UnitRow = {
  id: number;
  path: string;
  capacity: number;
  budget: number;
  districtId: number | null;
  resources: string[];
};

export type DistrictRow = { id: number; code: string | null; name: string; path: string };

export type RoundData = {
  targets: TargetRow[];
  units: UnitRow[];
  districts: DistrictRow[];
  districtPairs: Array<{ urban: number; rural: number }>;
  /** Pending or accepted intentions of the round (they hold places). */
  live: Array<{ urban: number; rural: number }>;
  /** Intentions the rural side declined in this round: never proposed again. */
  declined: Array<{ urban: number; rural: number }>;
  previous: Array<{ urban: number; rural: number }>;
  preferences: Array<{ urban: number; path: string }>;
  exclusions: Array<{ urban: number; rural: number }>;
};

/** R-WEAK-FUNDS: the yearly minimum a weak village's unit must fund, from the round's pack. */
export function weakMinBudget(packId: string) {
  const pack = PACKS[packId as PackId];
  const rule = pack?.rules.find(
    (r) => r.id === 'R-WEAK-FUNDS' && r.kind === 'yearly-funds' && 'min' in r,
  ) as { min: number } | undefined;
  return rule?.min ?? 0;
}

export async function loadRoundData(
  db: Db,
  scope: Scope,
  round: Round,
  settings: AllocationSettings,
  only: { targetIds?: number[]; unitIds?: number[] } = {},
): Promise<RoundData> {
  const inRound = (path: SQL) => withinScope(path, { path: round.scopePath });
  const kinds = settings.includeTowns ? sql`('village', 'town')` : sql`('village')`;
  const idFilter = (column: string, ids?: number[]) =>
    ids
      ? sql`and ${sql.raw(column)} = any(${`{${ids.map((n) => Math.trunc(n)).join(',')}}`}::bigint[])`
      : sql``;
  const targets = await queryRows<TargetRow>(
    db,
    sql`select o.id::int as "id", o.kind::text as "kind", o.path, o.weak_village as "weak",
        ${districtOf(sql`o.path`)}::int as "districtId",
        coalesce(${needCategories(round.id, sql`o.id`)}, '{}') as "needs"
      from org_directory o
      where o.kind in ${kinds} and ${inRound(sql`o.path`)} and ${ruralTarget('o')}
        ${idFilter('o.id', only.targetIds)}
      order by o.id`,
  );
  // A unit's round list (资源清单) wins over the tags in the directory.
  const units = await queryRows<UnitRow>(
    db,
    sql`select o.id::int as "id", o.path, coalesce(o.capacity, 1)::int as "capacity",
        coalesce(o.yearly_budget, 0)::float8 as "budget",
        coalesce(o.address_district_id, ${districtOf(sql`o.path`)})::int as "districtId",
        coalesce(${resourceCategories(round.id, sql`o.id`)}, o.resource_tags, '{}') as "resources"
      from org_directory o
      where o.kind = 'urban_unit' and ${inRound(sql`o.path`)} ${idFilter('o.id', only.unitIds)}
      order by o.id`,
  );
  const districts = await queryRows<DistrictRow>(
    db,
    sql`select id::int as "id", code, name, path from org_directory
      where kind = 'district' order by code nulls last, id`,
  );
  const districtPairs = (await listDistrictPairs(db, scope)).items.map((p) => ({
    urban: p.urbanDistrictId,
    rural: p.ruralDistrictId,
  }));
  const intentions = await listIntentions(db, scope, round.id, {});
  const pair = (i: { urbanOrgId: number; ruralOrgId: number }) => ({
    urban: i.urbanOrgId,
    rural: i.ruralOrgId,
  });
  const previous =
    round.previousRoundId == null
      ? []
      : (await listIntentions(db, scope, round.previousRoundId, { state: 'accepted' })).map(pair);
  const preferences = await queryRows<{ urban: number; path: string }>(
    db,
    sql`select p.urban_org_id::int as "urban", o.path from allocation_preferences p
      join org_directory o on o.id = p.rural_org_id where p.round_id = ${round.id}`,
  );
  const exclusions = await queryRows<{ urban: number; rural: number }>(
    db,
    sql`select urban_org_id::int as "urban", rural_org_id::int as "rural"
      from allocation_exclusions where round_id = ${round.id}`,
  );
  return {
    targets,
    units,
    districts,
    districtPairs,
    live: intentions.filter((i) => i.state === 'pending' || i.state === 'accepted').map(pair),
    declined: intentions.filter((i) => i.state === 'declined').map(pair),
    previous,
    preferences,
    exclusions,
  };
}

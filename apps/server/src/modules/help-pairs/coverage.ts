// Coverage of "1+2" (R-ONE-PLUS-TWO): how many of a unit's in-service cadres are paired, how many
// pairs have a plan, how many targets are met and households out of difficulty; per pairing, and
// per unit over the pairings in the caller's scope with their total (the unit's, its district's
// or working committee's, the city's roll-up).
import type { HelpCoverage, HelpCoverageReport, UnitHelpCoverage } from '@pairing/shared';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { offsetOf } from '../../lib/pagination.ts';
import { queryRows } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { pairingJoins, pairingVisible } from '../ledger/access.ts';
import { peopleJoins } from '../people/read.ts';
import { ensure } from './policy.ts';

// A pair counts once a cadre took it (assigned or concluded); proposals are counted apart.
const taken = sql`hp.state in ('assigned', 'concluded')`;

/** Aggregates over `help_pairs hp` (left-joined: a pairing without pairs counts zeros). */
const counts = sql`count(hp.id) filter (where hp.state = 'proposed')::int as proposed,
  count(hp.id) filter (where ${taken})::int as pairs,
  count(distinct hp.cadre_id) filter (where ${taken})::int as "cadresPaired",
  count(hp.id) filter (where ${taken} and hp.plan is not null)::int as "plansMade",
  coalesce(sum(jsonb_array_length(hp.plan -> 'targets')) filter (where ${taken}), 0)::int
    as targets,
  coalesce(sum(jsonb_array_length(jsonb_path_query_array(hp.plan, '$.targets[*] ? (@.met == true)')))
    filter (where ${taken}), 0)::int as "targetsMet",
  count(hp.id) filter (where hp.state = 'concluded')::int as concluded,
  count(hp.id) filter (where hp.state = 'concluded' and hp.out_of_difficulty)::int
    as "outOfDifficulty"`;

/** The in-service cadres registered at the unit whose path is `unitPath`, or under it. */
const cadresOf = (unitPath: SQL) =>
  sql`(select count(*) from ${peopleJoins}
    where 'inServiceCadre' = any(p.tags) and starts_with(ho.path, ${unitPath}))::int`;

/** One pairing's coverage (its unit's cadres, the pairs of this pairing). */
export async function pairingCoverage(db: Db, pairingId: number): Promise<HelpCoverage> {
  const [row] = await queryRows<HelpCoverage>(
    db,
    sql`select ${counts}, ${cadresOf(sql`min(u.path)`)} as cadres
      from ${pairingJoins} left join help_pairs hp on hp.pairing_id = pa.id
      where pa.id = ${pairingId}`,
  );
  return row;
}

export type CoverageQuery = { under?: number; page: number; pageSize: number };

const fields = [
  'cadres',
  'cadresPaired',
  'proposed',
  'pairs',
  'plansMade',
  'targets',
  'targetsMet',
  'concluded',
  'outOfDifficulty',
] as const satisfies readonly (keyof HelpCoverage)[];

/** Per unit over the pairings the caller sees (optionally those under the org `under`), paged. */
export async function coverageReport(
  db: Db,
  scope: Scope,
  query: CoverageQuery,
): Promise<HelpCoverageReport> {
  ensure(scope, 'coverage');
  const under =
    query.under === undefined
      ? sql``
      : sql`and exists (select 1 from org_directory f where f.id = ${query.under}
          and (starts_with(u.path, f.path) or starts_with(r.path, f.path)))`;
  const units = sql`with pv as (
      select pa.id, pa.urban_org_id as unit_id from ${pairingJoins}
      where ${pairingVisible(scope)} ${under}),
    units as (
      select pv.unit_id, count(distinct pv.id)::int as pairings, ${counts}
      from pv left join help_pairs hp on hp.pairing_id = pv.id group by pv.unit_id),
    rows as (
      select units.*, o.id::int as "unitId", o.name as "unitName", ${cadresOf(sql`o.path`)} as cadres
      from units join org_directory o on o.id = units.unit_id)`;
  const sums = sql.join(
    fields.map((f) => sql`coalesce(sum(${sql.identifier(f)}), 0)::int as ${sql.identifier(f)}`),
    sql`, `,
  );
  type Row = HelpCoverage & { unitId: number; unitName: string; pairings: number };
  const [rows, [totals]] = await Promise.all([
    queryRows<Row>(
      db,
      sql`${units} select * from rows order by "unitName", "unitId"
        limit ${query.pageSize} offset ${offsetOf(query.page, query.pageSize)}`,
    ),
    queryRows<HelpCoverage & { units: number }>(
      db,
      sql`${units} select count(*)::int as units, ${sums} from rows`,
    ),
  ]);
  const { units: total, ...sum } = totals;
  return {
    totals: sum,
    units: {
      items: rows.map(({ unitId, unitName, ...rest }): UnitHelpCoverage => ({
        ...pick(rest),
        pairings: rest.pairings,
        unit: { id: unitId, name: unitName },
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    },
  };
}

const pick = (row: HelpCoverage): HelpCoverage =>
  Object.fromEntries(fields.map((f) => [f, row[f]])) as HelpCoverage;

import type { Board, DistrictCoverage, UncoveredOrg, UncoveredQuery } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { forbidden } from '../../lib/errors.ts';
import type { Scope } from '../../lib/scope.ts';
import { signedAgreementCount } from '../agreements/sql.ts';
import { coveredInRound, coveredOrgs, intentionCounts, placesTaken } from '../intentions/sql.ts';
import { districtOf, withinScope } from '../orgs/sql.ts';
import { daysLeft } from '../rounds/dates.ts';
import { can } from '../rounds/policy.ts';
import { queryRows } from '../../lib/rows.ts';
import { ruralTarget } from '../rounds/rural.ts';
import { getRound, type Round } from '../rounds/service.ts';

// Coverage within the round (R-COVERAGE): a village or town is covered once it is the rural side
// of an accepted intention (a renewal is one). A town counts only when paired itself; streets of
// central districts are not rural targets (`ruralTarget`).
const coverageQuery = (round: Round) => sql`
  with rural as (
    select o.id, o.kind, o.weak_village, d.id as district_id, d.name as district_name, d.code as district_code
    from org_directory o
    join org_directory d on d.id = ${districtOf(sql`o.path`)}
    where ${ruralTarget('o')} and ${withinScope(sql`o.path`, { path: round.scopePath })}
  ), covered as (${coveredOrgs(round.id)})
  select r.district_id::int as "districtId", r.district_name as "districtName",
    count(*) filter (where r.kind = 'town')::int as "towns",
    count(c.id) filter (where r.kind = 'town')::int as "townsCovered",
    count(*) filter (where r.kind = 'village')::int as "villages",
    count(c.id) filter (where r.kind = 'village')::int as "villagesCovered",
    count(*) filter (where r.kind = 'village' and r.weak_village)::int as "weak",
    count(c.id) filter (where r.kind = 'village' and r.weak_village)::int as "weakCovered"
  from rural r left join covered c on c.id = r.id
  group by r.district_id, r.district_name, r.district_code
  order by r.district_code nulls last, r.district_id`;

type CoverageRow = {
  districtId: number;
  districtName: string;
  towns: number;
  townsCovered: number;
  villages: number;
  villagesCovered: number;
  weak: number;
  weakCovered: number;
};

const sum = (rows: DistrictCoverage[], k: 'towns' | 'villages' | 'weakVillages') =>
  rows.reduce((a, r) => ({ total: a.total + r[k].total, covered: a.covered + r[k].covered }), {
    total: 0,
    covered: 0,
  });

/** The public status board of a round (S1 §8, R-LIVE-STATUS). */
export async function computeBoard(db: Db, round: Round, now: Date): Promise<Board> {
  // Two connections at once: under load each query first queues for the pool.
  const [[counts], rows] = await Promise.all([
    queryRows<{ pending: number; accepted: number; signed: number }>(
      db,
      sql`select c.pending, c.accepted, ${signedAgreementCount(round.id)}::int as "signed"
        from (${intentionCounts(round.id)}) c`,
    ),
    queryRows<CoverageRow>(db, coverageQuery(round)),
  ]);
  const coverage = rows.map((r) => ({
    districtId: r.districtId,
    districtName: r.districtName,
    towns: { total: r.towns, covered: r.townsCovered },
    villages: { total: r.villages, covered: r.villagesCovered },
    weakVillages: { total: r.weak, covered: r.weakCovered },
  }));
  return {
    roundId: round.id,
    name: round.name,
    state: round.state,
    intentions: { pending: counts.pending, accepted: counts.accepted },
    agreementsSigned: counts.signed,
    coverage,
    totals: {
      towns: sum(coverage, 'towns'),
      villages: sum(coverage, 'villages'),
      weakVillages: sum(coverage, 'weakVillages'),
    },
    deadlines: [
      {
        key: 'intention',
        label: '意向确认截止',
        date: round.intentionDeadline,
        daysLeft: daysLeft(round.intentionDeadline, now),
      },
      {
        key: 'signing',
        label: '协议签订截止',
        date: round.signingDeadline,
        daysLeft: daysLeft(round.signingDeadline, now),
      },
      {
        key: 'term',
        label: '帮扶期满',
        date: round.termEnd,
        daysLeft: daysLeft(round.termEnd, now),
      },
    ],
    computedAt: now.toISOString(),
  };
}

/** A town or village inside the org `id` (a district or town); none when it is not one. */
const inside = (id: number) =>
  sql`starts_with(o.path, (select a.path from org_directory a where a.id = ${id}))`;

/**
 * Admins drill down from the board: the round's towns and villages in their scope still without a
 * unit, inside a district or town and weak villages only (or none) when asked.
 */
export async function uncovered(
  db: Db,
  scope: Scope,
  roundId: number,
  filter: UncoveredQuery = {},
) {
  if (!can(scope, 'readUncovered')) throw forbidden();
  const round = await getRound(db, scope, roundId);
  const filters = [
    filter.district === undefined ? sql`` : sql`and ${inside(filter.district)}`,
    filter.town === undefined ? sql`` : sql`and ${inside(filter.town)}`,
    filter.weak === undefined ? sql`` : sql`and o.weak_village = ${filter.weak === 'true'}`,
  ];
  return queryRows<UncoveredOrg>(
    db,
    sql`select o.id::int as "id", o.code, o.name, o.kind::text as "kind", o.weak_village as "weakVillage",
        p.name as "parentName", ${placesTaken(round.id, sql`o.id`)}::int as "taken"
      from org_directory o
      left join org_directory p on p.id = o.parent_id
      where ${ruralTarget('o')}
        and ${withinScope(sql`o.path`, { path: round.scopePath })} and ${withinScope(sql`o.path`, scope)}
        and not ${coveredInRound(round.id, sql`o.id`)} ${sql.join(filters, sql` `)}
      order by o.weak_village desc, o.code nulls last, o.id`,
  );
}

// Roll-ups of the stored compliance (issue 12 item 7): for each district, town or committee and
// rule, how many pairings have periods in each status and how many periods there are. The
// drill-down is the pairings list with the same group, rule and status filters.
import type { RollupRow, rollupGroups } from '@pairing/shared';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import { queryRows } from '../../lib/rows.ts';
import { pathPrefix, type Scope } from '../../lib/scope.ts';
import { chinaDay } from '../rounds/dates.ts';
import { takesUnitsSql, withinScope } from '../orgs/sql.ts';
import { ensure } from './policy.ts';

export type RollupQuery = {
  by: (typeof rollupGroups)[number];
  within?: number;
  rule?: string;
};

/**
 * Where each kind of group sits in a pairing's paths (ancestor ids joined by `/`, ending in `/`):
 * a village hangs under its town, the town under its district; a unit hangs under its working
 * committee or district. `split_part(path, '/', -2)` is the party itself, -3 its parent.
 */
const groupings: Record<RollupQuery['by'], { path: SQL; group: SQL; kind: SQL }> = {
  district: {
    path: sql`pc.rural_path`,
    group: sql`split_part(pc.rural_path, '/', -4)`,
    kind: sql`g.kind = 'district'`,
  },
  town: {
    path: sql`pc.rural_path`,
    group: sql`split_part(pc.rural_path, '/', -3)`,
    kind: sql`g.kind = 'town'`,
  },
  committee: {
    path: sql`pc.urban_path`,
    group: sql`split_part(pc.urban_path, '/', -3)`,
    kind: takesUnitsSql('g'),
  },
};

type Row = Omit<RollupRow, 'group' | 'pairs' | 'periods'> & {
  groupId: number;
  groupName: string;
  pairsMet: number;
  pairsDue: number;
  pairsDueSoon: number;
  pairsMissed: number;
  pairsLate: number;
  met: number;
  due: number;
  dueSoon: number;
  missed: number;
  late: number;
  at: string | null;
};

/**
 * The roll-up for the caller: only groups inside the caller's scope (and inside `within`, an org
 * that must itself be in scope, else 404). `at` is the oldest stored day among the pairings
 * counted (the stored compliance is today's once the day's recompute has run).
 */
export async function rollup(
  db: Db,
  scope: Scope,
  query: RollupQuery,
  now: Date,
): Promise<{ at: string; rows: RollupRow[] }> {
  ensure(scope, 'rollup');
  let under = scope.path;
  if (query.within !== undefined) {
    const [org] = await queryRows<{ path: string }>(
      db,
      sql`select path from org_directory o where o.id = ${query.within}
        and ${withinScope(sql`o.path`, scope)}`,
    );
    if (!org) throw notFound('机构不存在或不在您的管理范围内');
    under = org.path;
  }
  const g = groupings[query.by];
  const rule = query.rule === undefined ? sql`` : sql`and rs.rule = ${query.rule}`;
  const rows = await queryRows<Row>(
    db,
    sql`with counted as (
        select pc.pairing_id, pc.at, nullif(${g.group}, '')::bigint as group_id
        from pairing_compliance pc
        where ${g.path} like ${pathPrefix(under)}
      ),
      per_pairing as (
        select c.group_id, rs.rule, rs.pairing_id, min(c.at) as at,
          coalesce(sum(rs.periods) filter (where rs.status = 'met'), 0) as met,
          coalesce(sum(rs.periods) filter (where rs.status = 'due'), 0) as due,
          coalesce(sum(rs.periods) filter (where rs.status = 'due_soon'), 0) as due_soon,
          coalesce(sum(rs.periods) filter (where rs.status = 'missed'), 0) as missed,
          coalesce(sum(rs.periods) filter (where rs.status = 'late'), 0) as late
        from counted c join pairing_rule_status rs on rs.pairing_id = c.pairing_id ${rule}
        group by c.group_id, rs.rule, rs.pairing_id
      )
      select g.id::int as "groupId", g.name as "groupName", p.rule, min(p.at)::text as at,
        count(*) filter (where p.met > 0)::int as "pairsMet",
        count(*) filter (where p.due > 0)::int as "pairsDue",
        count(*) filter (where p.due_soon > 0)::int as "pairsDueSoon",
        count(*) filter (where p.missed > 0)::int as "pairsMissed",
        count(*) filter (where p.late > 0)::int as "pairsLate",
        sum(p.met)::int as met, sum(p.due)::int as due, sum(p.due_soon)::int as "dueSoon",
        sum(p.missed)::int as missed, sum(p.late)::int as late, count(*)::int as pairings
      from per_pairing p
      join org_directory g on g.id = p.group_id
      where ${g.kind} and ${withinScope(sql`g.path`, scope)}
        and ${withinScope(sql`g.path`, { path: under })}
      group by g.id, g.name, p.rule
      order by g.name, g.id, p.rule`,
  );
  const days = rows.map((r) => r.at).filter((d): d is string => d !== null);
  return {
    at: days.length > 0 ? days.reduce((a, b) => (a < b ? a : b)) : chinaDay(now),
    rows: rows.map((r) => ({
      group: { id: r.groupId, name: r.groupName },
      rule: r.rule,
      pairs: {
        met: r.pairsMet,
        due: r.pairsDue,
        due_soon: r.pairsDueSoon,
        missed: r.pairsMissed,
        late: r.pairsLate,
      },
      periods: { met: r.met, due: r.due, due_soon: r.dueSoon, missed: r.missed, late: r.late },
      pairings: r.pairings,
    })),
  };
}

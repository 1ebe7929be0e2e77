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
    path: sql.raw('rural_path'),
    group: sql`split_part(rs.rural_path, '/', -4)`,
    kind: sql`g.kind = 'district'`,
  },
  town: {
    path: sql.raw('rural_path'),
    group: sql`split_part(rs.rural_path, '/', -3)`,
    kind: sql`g.kind = 'town'`,
  },
  committee: {
    path: sql.raw('urban_path'),
    group: sql`split_part(rs.urban_path, '/', -3)`,
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
};

/**
 * The roll-up for the caller: only groups inside the caller's scope (and inside `within`, an org
 * that must itself be in scope, else 404). `at` is the oldest stored day among the pairings under
 * `within` (or the scope): the stored compliance is today's once the day's recompute has run.
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
  // One range of pairing_rule_status (it keeps the parties' paths): a row per pairing, rule and
  // status, so counting rows with a status counts the pairings with a period in it.
  const prefix = pathPrefix(under);
  const [rows, [{ at }]] = await Promise.all([
    queryRows<Row>(
      db,
      sql`with groups as materialized (
          select g.id, g.name from org_directory g
          where ${g.kind} and ${withinScope(sql`g.path`, scope)}
            and ${withinScope(sql`g.path`, { path: under })}
        ),
        counts as (
          select nullif(${g.group}, '')::bigint as group_id, rs.rule,
            count(*) filter (where rs.status = 'met')::int as "pairsMet",
            count(*) filter (where rs.status = 'due')::int as "pairsDue",
            count(*) filter (where rs.status = 'due_soon')::int as "pairsDueSoon",
            count(*) filter (where rs.status = 'missed')::int as "pairsMissed",
            count(*) filter (where rs.status = 'late')::int as "pairsLate",
            coalesce(sum(rs.periods) filter (where rs.status = 'met'), 0)::int as met,
            coalesce(sum(rs.periods) filter (where rs.status = 'due'), 0)::int as due,
            coalesce(sum(rs.periods) filter (where rs.status = 'due_soon'), 0)::int as "dueSoon",
            coalesce(sum(rs.periods) filter (where rs.status = 'missed'), 0)::int as missed,
            coalesce(sum(rs.periods) filter (where rs.status = 'late'), 0)::int as late,
            count(distinct rs.pairing_id)::int as pairings
          from pairing_rule_status rs
          where rs.${g.path} like ${prefix} ${rule}
          group by 1, 2
        )
        select groups.id::int as "groupId", groups.name as "groupName", counts.*
        from counts join groups on groups.id = counts.group_id
        order by groups.name, groups.id, counts.rule`,
    ),
    queryRows<{ at: string | null }>(
      db,
      sql`select min(at)::text as at from pairing_compliance where ${g.path} like ${prefix}`,
    ),
  ]);
  return {
    at: at ?? chinaDay(now),
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

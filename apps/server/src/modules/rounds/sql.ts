import { sql, type SQL } from 'drizzle-orm';
import type { SqlTag } from '../../lib/sql-tag.ts';

// SQL that the rounds module publishes for other modules' queries, so that those never name its
// tables.

/**
 * The rounds as a derived table with the columns `id`, `name`, `state` (as text) and
 * `scope_path`; use it as `join ${roundSummaries} r on r.id = x.round_id`.
 */
export const roundSummaries = sql`(select id, name, state::text as state, scope_path from rounds)`;

/**
 * R-QUOTA: each quota of the round with how far it has got, as a derived table with the columns
 * `quota_id`, `org_id`, `towns`, `villages`, `weak_villages`, `note` and `done_towns`,
 * `done_villages`, `done_weak_villages`: the distinct rural orgs the units under the quota's org
 * have paired with so far. `accepted` is the round's accepted intentions as a derived table
 * (`urban_org_id`, `rural_org_id`), which the intentions module publishes.
 */
export const quotaProgress = (roundId: number, accepted: SQL) => sql`(
  select q.id as quota_id, q.org_id, q.towns, q.villages, q.weak_villages, q.note,
         count(distinct r.id) filter (where r.kind = 'town') as done_towns,
         count(distinct r.id) filter (where r.kind = 'village') as done_villages,
         count(distinct r.id) filter (where r.kind = 'village' and r.weak_village)
           as done_weak_villages
  from round_quotas q
  join org_directory o on o.id = q.org_id
  left join ${accepted} i
    on exists (select 1 from org_directory u where u.id = i.urban_org_id and starts_with(u.path, o.path))
  left join org_directory r on r.id = i.rural_org_id
  where q.round_id = ${roundId}
  group by q.id)`;

/** The district or working committee of every quota of the round not yet met (R-QUOTA). */
export const orgsBehindQuota = (roundId: number, accepted: SQL) => sql`
  select p.org_id from ${quotaProgress(roundId, accepted)} p
  where p.done_towns < p.towns or p.done_villages < p.villages
    or p.done_weak_villages < p.weak_villages`;

/**
 * The round a write into it belongs to, key-share locked so that a concurrent transition waits
 * until the write commits; no row when the caller's scope (`scopePath`) lies outside the round's.
 * Columns: id, state, intention_deadline, village_cap, scope_path. With `sql`, `id` and
 * `scopePath` are values; with `String.raw`, the statement's expressions for them.
 */
export const roundForWrite = <R>(q: SqlTag<R>, id: unknown, scopePath: unknown) =>
  q`select id, state, intention_deadline, village_cap, scope_path from rounds
    where id = ${id} and starts_with(${scopePath}, scope_path)
    for key share`;

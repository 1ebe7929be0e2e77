import type { DirectoryEntry, DirectoryQuery } from '@pairing/shared';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../lib/rows.ts';
import { withinScope } from '../orgs/sql.ts';
import type { IntentionsReader } from './ports.ts';
import { ruralTarget } from './rural.ts';
import { getPublicRound } from './service.ts';

const likeText = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** 名录 (S1 §8): the round's towns and villages with their needs, public and without login. */
export async function directory(
  db: Db,
  reader: IntentionsReader,
  roundId: number,
  query: DirectoryQuery,
) {
  const round = await getPublicRound(db, roundId);
  // Coverage within this round (R-COVERAGE): an accepted intention (or renewal) of this round.
  // The covered_orgs view answers across live rounds; a new round's directory must not count the
  // pairs of the round it replaces.
  const covered = reader.coveredInRound(roundId, sql`o.id`);
  const taken = reader.takenPlaces(roundId);
  const filters: SQL[] = [ruralTarget('o'), withinScope(sql`o.path`, { path: round.scopePath })];
  if (query.district != null) filters.push(sql`d.id = ${query.district}`);
  if (query.weak != null) filters.push(sql`o.weak_village = ${query.weak}`);
  if (query.need)
    filters.push(
      sql`exists (select 1 from round_needs n where n.round_id = ${roundId} and n.org_id = o.id and n.category = ${query.need})`,
    );
  if (query.uncovered) filters.push(sql`not ${covered}`);
  if (query.q)
    filters.push(sql`(o.name like ${likeText(query.q)} or o.code like ${likeText(query.q)})`);
  const rows = await queryRows<DirectoryEntry & { total: number }>(
    db,
    sql`
    select o.id::int as "id", o.code, o.name, o.kind::text as "kind", o.weak_village as "weakVillage",
           t.name as "townName", d.id::int as "districtId", d.name as "districtName",
           coalesce((select array_agg(distinct n.category order by n.category) from round_needs n
                     where n.round_id = ${roundId} and n.org_id = o.id), '{}') as "needs",
           coalesce(s.taken, 0)::int as "taken",
           ${covered} as "covered",
           count(*) over ()::int as "total"
    from org_directory o
    left join org_directory t on t.id = o.parent_id and t.kind = 'town'
    left join lateral (
      select a.id, a.name from org_directory a
      where a.kind = 'district' and o.path like a.path || '%' limit 1
    ) d on true
    left join ${taken} s on s.rural_org_id = o.id
    where ${sql.join(filters, sql` and `)}
    order by o.code nulls last, o.id
    limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
  );
  return {
    total: rows[0]?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map(({ total: _total, ...r }) => ({ ...r, cap: round.villageCap })),
  };
}

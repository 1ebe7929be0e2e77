import type {
  DirectoryAreas,
  DirectoryEntry,
  DirectoryQuery,
  Paged,
  TargetEntry,
} from '@pairing/shared';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { authorize } from '../../lib/policy.ts';
import { queryRows } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { withinScope } from '../orgs/sql.ts';
import { can } from './policy.ts';
import type { IntentionsReader } from './ports.ts';
import { ruralTarget } from './rural.ts';
import { getPublicRound, getRound, type Round } from './service.ts';

const likeText = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// The public 名录 names each need's category only: a need's description is free text a village
// typed (it may name a person), so it is read signed in (`targets`).
const needCategories = (roundId: number) =>
  sql`coalesce((select array_agg(distinct n.category order by n.category) from round_needs n
                where n.round_id = ${roundId} and n.org_id = o.id), '{}')`;
const needsInFull = (roundId: number) =>
  sql`coalesce((select json_agg(json_build_object('category', n.category, 'note', n.note,
                  'amount', n.amount) order by n.id)
                from round_needs n where n.round_id = ${roundId} and n.org_id = o.id), '[]'::json)`;

/** The round's towns and villages (R-COVERAGE targets), filtered and paged, with `needs` as given. */
async function targetRows<T>(
  db: Db,
  reader: IntentionsReader,
  round: Round,
  query: DirectoryQuery,
  needs: SQL,
): Promise<Paged<T>> {
  // Coverage within this round (R-COVERAGE): an accepted intention (or renewal) of this round.
  // The covered_orgs view answers across live rounds; a new round's directory must not count the
  // pairs of the round it replaces.
  const covered = reader.coveredInRound(round.id, sql`o.id`);
  const filters: SQL[] = [ruralTarget('o'), withinScope(sql`o.path`, { path: round.scopePath })];
  if (query.district != null) filters.push(sql`d.id = ${query.district}`);
  if (query.town != null) filters.push(sql`(o.id = ${query.town} or o.parent_id = ${query.town})`);
  if (query.kind) filters.push(sql`o.kind = ${query.kind}`);
  if (query.weak != null) filters.push(sql`o.weak_village = ${query.weak}`);
  if (query.need)
    filters.push(
      sql`exists (select 1 from round_needs n where n.round_id = ${round.id} and n.org_id = o.id and n.category = ${query.need})`,
    );
  if (query.uncovered) filters.push(sql`not ${covered}`);
  if (query.q)
    filters.push(
      sql`(o.name like ${likeText(query.q)} or o.code like ${likeText(query.q)} or t.name like ${likeText(query.q)})`,
    );
  const rows = await queryRows<T & { total: number }>(
    db,
    sql`
    select o.id::int as "id", o.code, o.name, o.kind::text as "kind", o.weak_village as "weakVillage",
           t.name as "townName", d.id::int as "districtId", d.name as "districtName",
           ${needs} as "needs",
           coalesce(s.taken, 0)::int as "taken",
           ${covered} as "covered",
           coalesce((select array_agg(u.name order by u.name)
                     from ${reader.acceptedPairs(round.id)} p
                     join org_directory u on u.id = p.urban_org_id
                     where p.rural_org_id = o.id), '{}') as "pairedUnits",
           count(*) over ()::int as "total"
    from org_directory o
    left join org_directory t on t.id = o.parent_id and t.kind = 'town'
    left join lateral (
      select a.id, a.name from org_directory a
      where a.kind = 'district' and o.path like a.path || '%' limit 1
    ) d on true
    left join ${reader.takenPlaces(round.id)} s on s.rural_org_id = o.id
    where ${sql.join(filters, sql` and `)}
    order by o.code nulls last, o.id
    limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
  );
  return {
    total: rows[0]?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map(({ total: _total, ...r }) => ({ ...(r as T), cap: round.villageCap })),
  };
}

/** 名录 (S1 §8): the round's towns and villages, weak ones marked, public and without login. */
export async function directory(
  db: Db,
  reader: IntentionsReader,
  roundId: number,
  query: DirectoryQuery,
) {
  const round = await getPublicRound(db, roundId);
  return targetRows<DirectoryEntry>(db, reader, round, query, needCategories(round.id));
}

/** What a unit chooses from: the same towns and villages, each need with its description and amount. */
export async function targets(
  db: Db,
  reader: IntentionsReader,
  scope: Scope,
  roundId: number,
  query: DirectoryQuery,
) {
  authorize(can, scope, 'read');
  const round = await getRound(db, scope, roundId);
  return targetRows<TargetEntry>(db, reader, round, query, needsInFull(round.id));
}

/** The districts and towns that hold the round's targets, for the 名录's filters. */
export async function directoryAreas(db: Db, roundId: number): Promise<DirectoryAreas> {
  const round = await getPublicRound(db, roundId);
  const rows = await queryRows<{
    districtId: number;
    districtName: string;
    id: number;
    name: string;
  }>(
    db,
    sql`
    select d.id::int as "districtId", d.name as "districtName", t.id::int as "id", t.name
    from org_directory t
    join lateral (
      select a.id, a.name, a.code from org_directory a
      where a.kind = 'district' and t.path like a.path || '%' limit 1
    ) d on true
    where t.kind = 'town' and ${ruralTarget('t')}
      and ${withinScope(sql`t.path`, { path: round.scopePath })}
    order by d.code nulls last, d.id, t.code nulls last, t.id`,
  );
  const districts = new Map<number, DirectoryAreas['districts'][number]>();
  for (const r of rows) {
    const district = districts.get(r.districtId) ?? {
      id: r.districtId,
      name: r.districtName,
      towns: [],
    };
    district.towns.push({ id: r.id, name: r.name });
    districts.set(r.districtId, district);
  }
  return { districts: [...districts.values()] };
}

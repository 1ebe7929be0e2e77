// The registry's list and detail (issue 14 item 1): what the caller sees (access.ts), filtered,
// paged, numbers masked.
import { isIdNumber, type Paged, type PeopleFilter, type PersonView } from '@pairing/shared';
import { sql, type SQL } from 'drizzle-orm';
import { authorize } from '../../lib/policy.ts';
import { containsPattern, offsetOf } from '../../lib/pagination.ts';
import { blindIndexes } from '../../lib/personal-crypto.ts';
import { queryRows } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { loadPerson, personVisible, viewColumns, type Registry, type ViewRow } from './access.ts';
import { can } from './policy.ts';
import { presentView } from './present.ts';
import { peopleJoins } from './read.ts';

const pgArray = (values: readonly string[]) => `{${values.join(',')}}`;

/** The filters as SQL over `p`, `ho`, `so`, the caller's visibility first. */
export function peopleWhere(reg: Registry, scope: Scope, filter: PeopleFilter): SQL {
  const parts: SQL[] = [personVisible(scope, reg.ports)];
  const q = filter.q?.trim();
  if (q) {
    // A whole ID number is looked up by its keyed hashes (every key's, during a rotation).
    const asId = q.toUpperCase();
    parts.push(
      isIdNumber(asId)
        ? sql`p.id_number_index = any(${pgArray(blindIndexes(reg.keyring, asId))}::text[])`
        : sql`p.name ilike ${containsPattern(q)}`,
    );
  }
  if (filter.orgId !== undefined)
    parts.push(sql`exists (select 1 from org_directory f where f.id = ${filter.orgId}
      and (starts_with(ho.path, f.path) or starts_with(coalesce(so.path, ''), f.path)))`);
  if (filter.kind) parts.push(sql`p.kind = ${filter.kind}`);
  if (filter.tag) parts.push(sql`${filter.tag}::person_tag = any(p.tags)`);
  return sql.join(parts, sql` and `);
}

/** The rows of the people the caller sees with these filters, by name; all of them without a page. */
export function peopleRows(
  reg: Registry,
  scope: Scope,
  filter: PeopleFilter,
  page?: { page: number; pageSize: number },
) {
  return queryRows<ViewRow>(
    reg.db,
    sql`select ${viewColumns} from ${peopleJoins}
      where ${peopleWhere(reg, scope, filter)}
      order by p.name, p.id
      ${page ? sql`limit ${page.pageSize} offset ${offsetOf(page.page, page.pageSize)}` : sql``}`,
  );
}

export async function listPeople(
  reg: Registry,
  scope: Scope,
  query: PeopleFilter & { page: number; pageSize: number },
): Promise<Paged<PersonView>> {
  authorize(can, scope, 'read');
  const [rows, [{ total }]] = await Promise.all([
    peopleRows(reg, scope, query, query),
    queryRows<{ total: number }>(
      reg.db,
      sql`select count(*)::int as total from ${peopleJoins} where ${peopleWhere(reg, scope, query)}`,
    ),
  ]);
  return {
    items: rows.map((row) => presentView(reg.keyring, scope, row)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getPerson(reg: Registry, scope: Scope, id: number) {
  authorize(can, scope, 'read');
  return { person: presentView(reg.keyring, scope, await loadPerson(reg, scope, id)) };
}

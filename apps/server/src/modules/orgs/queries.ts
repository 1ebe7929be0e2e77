import type { DistrictClass, OrgKind, OrgRow, Paged } from '@pairing/shared';
import { and, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import { authorize } from '../../lib/policy.ts';
import { pathPrefix, type Scope } from '../../lib/scope.ts';
import { maskPhone } from './phone.ts';
import { can } from './policy.ts';
import { presentOrg } from './present.ts';
import { orgs } from './schema.ts';
import { withinScope } from './sql.ts';

/** Totals above this are reported as "at least" so a list never counts a whole country. */
export const countCap = 10_000;

const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;

/** One org inside the caller's scope, or 404 (ids outside scope do not leak). */
export async function findInScope(db: Db, scope: Scope, id: number, kinds?: OrgKind[]) {
  const [org] = await db
    .select()
    .from(orgs)
    .where(and(eq(orgs.id, id), like(orgs.path, pathPrefix(scope.path))));
  if (!org || (kinds && !kinds.includes(org.kind))) throw notFound('组织不存在');
  return org;
}

export type ListQuery = {
  q?: string;
  kind?: OrgKind;
  districtId?: number;
  townId?: number;
  weak?: boolean;
  covered?: boolean;
  unitType?: string;
  parentId?: number;
  under?: number;
  page: number;
  pageSize: number;
};

type ListRow = {
  id: number;
  kind: OrgKind;
  code: string | null;
  name: string;
  parent_id: number | null;
  district_class: DistrictClass | null;
  district_id: number | null;
  district_name: string | null;
  town_name: string | null;
  weak_village: boolean;
  covered: boolean;
  unit_type: string | null;
  capacity: number | null;
  yearly_budget: number | null;
  resource_tags: string[] | null;
  contact_name: string | null;
  contact_phone: string | null;
};

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The directory list. Every filter is a WHERE clause on `orgs` next to the scope's path prefix;
 * district and town filters become path prefixes too (their path is looked up first, so the
 * planner sees a constant prefix and uses the text_pattern_ops index).
 */
export async function listOrgs(db: Db, scope: Scope, query: ListQuery): Promise<Paged<OrgRow>> {
  authorize(can, scope, 'read');
  const where: SQL[] = [withinScope(sql`o.path`, scope)];
  if (query.districtId) {
    const district = await findInScope(db, scope, query.districtId, ['district']);
    where.push(withinScope(sql`o.path`, district));
  }
  if (query.townId) {
    const town = await findInScope(db, scope, query.townId, ['town']);
    where.push(withinScope(sql`o.path`, town));
  }
  if (query.kind) where.push(sql`o.kind = ${query.kind}`);
  if (query.q) {
    const q = likeEscape(query.q);
    where.push(sql`(o.name LIKE ${`%${q}%`} OR o.code LIKE ${`${q}%`})`);
  }
  if (query.weak !== undefined) where.push(sql`o.weak_village = ${query.weak}`);
  if (query.covered !== undefined) {
    where.push(
      query.covered
        ? sql`EXISTS (SELECT 1 FROM covered_orgs c WHERE c.org_id = o.id)`
        : sql`NOT EXISTS (SELECT 1 FROM covered_orgs c WHERE c.org_id = o.id)`,
    );
  }
  if (query.unitType) where.push(sql`o.unit_type = ${query.unitType}`);
  if (query.parentId) where.push(sql`o.parent_id = ${query.parentId}`);
  if (query.under) {
    const node = await findInScope(db, scope, query.under);
    where.push(withinScope(sql`o.path`, node), sql`o.id <> ${node.id}`);
  }
  const filter = sql.join(where, sql` AND `);

  const offset = (query.page - 1) * query.pageSize;
  const items = rowsOf<ListRow>(
    await db.execute(sql`
      SELECT o.id, o.kind, o.code, o.name, o.parent_id, o.district_class, o.weak_village, o.unit_type, o.capacity,
             o.yearly_budget, o.resource_tags, o.contact_name, o.contact_phone,
             coalesce(d.id, ad.id) AS district_id, coalesce(d.name, ad.name) AS district_name,
             t.name AS town_name,
             EXISTS (SELECT 1 FROM covered_orgs c WHERE c.org_id = o.id) AS covered
      FROM (
        SELECT * FROM orgs o WHERE ${filter}
        ORDER BY o.depth, o.code NULLS LAST, o.name, o.id
        LIMIT ${query.pageSize} OFFSET ${offset}
      ) o
      LEFT JOIN orgs d ON d.id = (
        SELECT a.id FROM orgs a
        WHERE a.id = ANY (string_to_array(trim(both '/' from o.path), '/')::bigint[])
          AND a.kind = 'district' LIMIT 1)
      LEFT JOIN orgs t ON t.id = (
        SELECT a.id FROM orgs a
        WHERE a.id = ANY (string_to_array(trim(both '/' from o.path), '/')::bigint[])
          AND a.kind = 'town' LIMIT 1)
      LEFT JOIN orgs ad ON ad.id = o.address_district_id
      ORDER BY o.depth, o.code NULLS LAST, o.name, o.id`),
  );
  const [{ n }] = rowsOf<{ n: number }>(
    await db.execute(sql`
      SELECT count(*)::int AS n FROM (SELECT 1 FROM orgs o WHERE ${filter} LIMIT ${countCap + 1}) x`),
  );
  return {
    items: items.map((r) => ({
      id: Number(r.id),
      kind: r.kind,
      code: r.code,
      name: r.name,
      parentId: r.parent_id == null ? null : Number(r.parent_id),
      districtClass: r.district_class,
      districtId: r.district_id == null ? null : Number(r.district_id),
      districtName: r.district_name,
      townName: r.town_name,
      weakVillage: r.weak_village,
      covered: r.covered,
      unitType: r.unit_type,
      capacity: r.capacity,
      yearlyBudget: r.yearly_budget == null ? null : Number(r.yearly_budget),
      resourceTags: r.resource_tags ?? [],
      contactName: r.contact_name,
      contactPhone: maskPhone(r.contact_phone),
    })),
    total: Math.min(Number(n), countCap),
    totalExact: Number(n) <= countCap,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Children of `parentId` (or the caller's own org) for the lazily loaded tree. */
export async function orgTree(db: Db, scope: Scope, parentId?: number) {
  authorize(can, scope, 'read');
  const filter = parentId
    ? sql`o.parent_id = ${(await findInScope(db, scope, parentId)).id}`
    : sql`o.id = ${scope.orgId}`;
  const rows = rowsOf<{
    id: number;
    name: string;
    kind: OrgKind;
    code: string | null;
    weak_village: boolean;
    child_count: number;
  }>(
    await db.execute(sql`
      SELECT o.id, o.name, o.kind, o.code, o.weak_village,
             (SELECT count(*)::int FROM orgs c WHERE c.parent_id = o.id) AS child_count
      FROM orgs o
      WHERE ${filter} AND ${withinScope(sql`o.path`, scope)}
      ORDER BY o.kind, o.code NULLS LAST, o.name, o.id`),
  );
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      name: r.name,
      kind: r.kind,
      code: r.code,
      weakVillage: r.weak_village,
      childCount: Number(r.child_count),
      hasChildren: Number(r.child_count) > 0,
    })),
  };
}

/** Everything about one org: its fields, ancestors (breadcrumb) and descendants by kind. */
export async function orgDetail(db: Db, scope: Scope, id: number) {
  authorize(can, scope, 'read');
  const org = await findInScope(db, scope, id);
  const ancestorIds = org.path.split('/').filter(Boolean).map(Number).slice(0, -1);
  const ancestors = ancestorIds.length
    ? await db
        .select({ id: orgs.id, name: orgs.name, kind: orgs.kind, depth: orgs.depth })
        .from(orgs)
        .where(inArray(orgs.id, ancestorIds))
        .orderBy(orgs.depth)
    : [];
  const counts = rowsOf<{ kind: OrgKind; n: number }>(
    await db.execute(sql`
      SELECT kind, count(*)::int AS n FROM orgs
      WHERE ${withinScope(sql`path`, org)} AND id <> ${org.id}
      GROUP BY kind`),
  );
  const [extra] = rowsOf<{ covered: boolean; address_district_name: string | null }>(
    await db.execute(sql`
      SELECT EXISTS (SELECT 1 FROM covered_orgs c WHERE c.org_id = ${org.id}) AS covered,
             (SELECT name FROM orgs WHERE id = ${org.addressDistrictId}) AS address_district_name`),
  );
  return {
    org: {
      ...presentOrg(scope, org),
      covered: extra.covered,
      addressDistrictName: extra.address_district_name,
      ancestors: ancestors.map(({ id, name, kind }) => ({ id, name, kind })),
      childCounts: Object.fromEntries(counts.map((c) => [c.kind, Number(c.n)])),
    },
  };
}

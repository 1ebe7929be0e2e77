import { and, eq, inArray, like, sql, type SQLWrapper } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record.ts';
import { invalid } from '../../lib/errors.ts';
import { authorize } from '../../lib/policy.ts';
import { pathPrefix, type Scope } from '../../lib/scope.ts';
import { can } from './policy.ts';
import { districtPairs, orgs } from './schema.ts';

export type DistrictPairInput = { urbanDistrictId: number; ruralDistrictId: number };

const urban = alias(orgs, 'urban');
const rural = alias(orgs, 'rural');

/**
 * The 对口帮扶 table (S1 附表) as the caller may see it: pairs with a district inside the scope, or
 * with a district the caller's own org lies in (a town admin sees its district's partners).
 */
export async function listDistrictPairs(db: Db, scope: Scope) {
  authorize(can, scope, 'read');
  const visible = (path: SQLWrapper) =>
    sql`(${path} LIKE ${pathPrefix(scope.path)} OR ${scope.path} LIKE ${path} || '%')`;
  const rows = await db
    .select({
      urbanDistrictId: urban.id,
      urbanDistrictName: urban.name,
      urbanDistrictClass: urban.districtClass,
      ruralDistrictId: rural.id,
      ruralDistrictName: rural.name,
      ruralDistrictClass: rural.districtClass,
    })
    .from(districtPairs)
    .innerJoin(urban, eq(urban.id, districtPairs.urbanDistrictId))
    .innerJoin(rural, eq(rural.id, districtPairs.ruralDistrictId))
    .where(sql`${visible(urban.path)} OR ${visible(rural.path)}`)
    .orderBy(urban.code, rural.code);
  return { items: rows };
}

const helps = new Set(['central', 'near_suburban']);
const helped = new Set(['outer_suburban', 'near_suburban']);

/**
 * Replace the pairs among the districts of the caller's scope. A central or near-suburban district
 * helps an outer or near-suburban one (S1 §2–3: near suburbs take part both ways).
 */
export async function replaceDistrictPairs(db: Db, scope: Scope, pairs: DistrictPairInput[]) {
  authorize(can, scope, 'editDistrictPairs');
  const ids = [...new Set(pairs.flatMap((p) => [p.urbanDistrictId, p.ruralDistrictId]))];
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const districts = ids.length
      ? await t
          .select()
          .from(orgs)
          .where(
            and(
              inArray(orgs.id, ids),
              eq(orgs.kind, 'district'),
              like(orgs.path, pathPrefix(scope.path)),
            ),
          )
      : [];
    const byId = new Map(districts.map((d) => [d.id, d]));
    const fields: Record<string, string> = {};
    const seen = new Set<string>();
    pairs.forEach((p, i) => {
      const u = byId.get(p.urbanDistrictId);
      const r = byId.get(p.ruralDistrictId);
      const key = `${p.urbanDistrictId}-${p.ruralDistrictId}`;
      if (!u) fields[`pairs.${i}.urbanDistrictId`] = '区不存在';
      else if (!helps.has(u.districtClass ?? '')) {
        fields[`pairs.${i}.urbanDistrictId`] = `${u.name}不是中心城区或近郊区，不能作为帮扶方`;
      }
      if (!r) fields[`pairs.${i}.ruralDistrictId`] = '区不存在';
      else if (!helped.has(r.districtClass ?? '')) {
        fields[`pairs.${i}.ruralDistrictId`] = `${r.name}不是郊区，不能作为受援方`;
      }
      if (p.urbanDistrictId === p.ruralDistrictId)
        fields[`pairs.${i}.ruralDistrictId`] = '帮扶方与受援方不能是同一个区';
      if (seen.has(key)) fields[`pairs.${i}`] = '结对重复';
      seen.add(key);
    });
    if (Object.keys(fields).length) throw invalid('对口帮扶表有误，请检查标出的行', fields);

    const before = await listDistrictPairs(t, scope);
    const inScope = t
      .select({ id: orgs.id })
      .from(orgs)
      .where(and(eq(orgs.kind, 'district'), like(orgs.path, pathPrefix(scope.path))));
    await t
      .delete(districtPairs)
      .where(
        and(
          inArray(districtPairs.urbanDistrictId, inScope),
          inArray(districtPairs.ruralDistrictId, inScope),
        ),
      );
    if (pairs.length) await t.insert(districtPairs).values(pairs);
    const after = await listDistrictPairs(t, scope);
    await recordAudit(t, scope, {
      action: 'district_pairs.replace',
      entity: 'district_pairs',
      scopePath: scope.path,
      before: before.items,
      after: after.items,
    });
    return after;
  });
}

import { resourceTags, unitTypes } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { pathPrefix, type Scope } from '../../lib/scope.ts';
import { unitColumns, weakVillageColumns } from './columns.ts';
import { buildWorkbook } from './workbook.ts';

const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;

async function unitChoices(db: Db, scope: Scope) {
  const parents = rowsOf<{ name: string }>(
    await db.execute(sql`
      SELECT name FROM orgs
      WHERE path LIKE ${pathPrefix(scope.path)} AND (kind = 'working_committee'
        OR (kind = 'district' AND district_class IS DISTINCT FROM 'outer_suburban'))
      ORDER BY kind DESC, code NULLS FIRST, name`),
  );
  const districts = rowsOf<{ name: string }>(
    await db.execute(sql`
      SELECT d.name FROM orgs d JOIN orgs own ON own.id = ${scope.orgId}
      WHERE d.kind = 'district' AND d.province_code = own.province_code ORDER BY d.code`),
  );
  return {
    unitType: unitTypes,
    parent: parents.map((p) => p.name),
    addressDistrict: districts.map((d) => d.name),
  };
}

const exampleUnit = (choices: Awaited<ReturnType<typeof unitChoices>>) => ({
  id: null,
  name: '上海市示例科技有限公司',
  unitType: '企业',
  parent: choices.parent[0] ?? '市国资委党委',
  addressDistrict: choices.addressDistrict[0] ?? '黄浦区',
  capacity: 2,
  yearlyBudget: 100000,
  resourceTags: resourceTags.slice(0, 2).join('、'),
  contactName: '张三',
  contactPhone: '13812345678',
});

export async function unitTemplate(db: Db, scope: Scope) {
  const choices = await unitChoices(db, scope);
  return buildWorkbook('城市单位', unitColumns, [exampleUnit(choices)], choices);
}

/** Units in scope with full phones and the template's columns, so the file re-imports. */
export async function unitExport(db: Db, scope: Scope) {
  const units = rowsOf<Record<string, string | number | null>>(
    await db.execute(sql`
      SELECT u.id, u.name, u.unit_type AS "unitType", p.name AS parent,
             d.name AS "addressDistrict", u.capacity, u.yearly_budget AS "yearlyBudget",
             array_to_string(u.resource_tags, '、') AS "resourceTags",
             u.contact_name AS "contactName", u.contact_phone AS "contactPhone"
      FROM orgs u
      JOIN orgs p ON p.id = u.parent_id
      LEFT JOIN orgs d ON d.id = u.address_district_id
      WHERE u.kind = 'urban_unit' AND u.path LIKE ${pathPrefix(scope.path)}
      ORDER BY p.name, u.name`),
  );
  const rows = units.map((u) => ({
    ...u,
    id: Number(u.id),
    yearlyBudget: u.yearlyBudget == null ? null : Number(u.yearlyBudget),
  }));
  return buildWorkbook('城市单位', unitColumns, rows, await unitChoices(db, scope));
}

const weakChoices = { weak: ['是', '否'] };

export async function weakVillageTemplate() {
  const example = {
    code: '310116101203',
    name: '民主村村委会',
    district: '金山区',
    town: '朱泾镇',
    weak: '是',
  };
  return buildWorkbook('经济薄弱村', weakVillageColumns, [example], weakChoices);
}

/** The weak villages in scope; `经济薄弱村` is 是 on every row, so the file re-imports as is. */
export async function weakVillageExport(db: Db, scope: Scope) {
  const rows = rowsOf<Record<string, string>>(
    await db.execute(sql`
      SELECT v.code, v.name, d.name AS district, t.name AS town, '是' AS weak
      FROM orgs v
      JOIN orgs t ON t.id = v.parent_id
      LEFT JOIN orgs d ON d.id = t.parent_id AND d.kind = 'district'
      WHERE v.kind = 'village' AND v.weak_village AND v.path LIKE ${pathPrefix(scope.path)}
      ORDER BY v.code`),
  );
  return buildWorkbook('经济薄弱村', weakVillageColumns, rows, weakChoices);
}

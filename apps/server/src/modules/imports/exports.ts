import { resourceTags, unitTypes } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { takesUnitsSql, withinScope } from '../orgs/sql.ts';
import { unitColumns, weakVillageColumns } from './columns.ts';
import { buildWorkbook } from './workbook.ts';

async function unitChoices(db: Db, scope: Scope) {
  const parents = await queryRows<{ name: string }>(
    db,
    sql`SELECT o.name FROM org_directory o
        WHERE ${withinScope(sql`o.path`, scope)} AND ${takesUnitsSql('o')}
        ORDER BY o.kind DESC, o.code NULLS FIRST, o.name`,
  );
  const districts = await queryRows<{ name: string }>(
    db,
    sql`SELECT d.name FROM org_directory d JOIN org_directory own ON own.id = ${scope.orgId}
        WHERE d.kind = 'district' AND d.province_code = own.province_code ORDER BY d.code`,
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
  const units = await queryRows<Record<string, string | number | null>>(
    db,
    sql`
      SELECT u.id, u.name, u.unit_type AS "unitType", p.name AS parent,
             d.name AS "addressDistrict", u.capacity, u.yearly_budget AS "yearlyBudget",
             array_to_string(u.resource_tags, '、') AS "resourceTags",
             u.contact_name AS "contactName", u.contact_phone AS "contactPhone"
      FROM org_directory u
      JOIN org_directory p ON p.id = u.parent_id
      LEFT JOIN org_directory d ON d.id = u.address_district_id
      WHERE u.kind = 'urban_unit' AND ${withinScope(sql`u.path`, scope)}
      ORDER BY p.name, u.name`,
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
  const rows = await queryRows<Record<string, string>>(
    db,
    sql`
      SELECT v.code, v.name, d.name AS district, t.name AS town, '是' AS weak
      FROM org_directory v
      JOIN org_directory t ON t.id = v.parent_id
      LEFT JOIN org_directory d ON d.id = t.parent_id AND d.kind = 'district'
      WHERE v.kind = 'village' AND v.weak_village AND ${withinScope(sql`v.path`, scope)}
      ORDER BY v.code`,
  );
  return buildWorkbook('经济薄弱村', weakVillageColumns, rows, weakChoices);
}

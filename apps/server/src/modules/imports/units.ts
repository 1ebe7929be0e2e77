import { resourceTags as knownTags, unitFields, type UnitFields } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { takesUnitsSql, withinScope } from '../orgs/sql.ts';
import { unitColumns, type UnitRowKey } from './columns.ts';
import { RowErrors } from './row-errors.ts';
import type { SheetRow } from './workbook.ts';

export type UnitRow = UnitFields & { row: number; id: number | null; parentId: number };

const header = (key: UnitRowKey) => unitColumns.find((c) => c.key === key)!.header;
const fieldColumn: Record<string, UnitRowKey> = {
  name: 'name',
  unitType: 'unitType',
  capacity: 'capacity',
  yearlyBudget: 'yearlyBudget',
  resourceTags: 'resourceTags',
  addressDistrictId: 'addressDistrict',
  contactName: 'contactName',
  contactPhone: 'contactPhone',
};

/** Where units of this scope may hang, the districts of its province, and its existing units. */
async function unitContext(db: Db, scope: Scope) {
  const parents = (
    await queryRows<{ id: number; name: string }>(
      db,
      sql`SELECT o.id, o.name FROM org_directory o
          WHERE ${withinScope(sql`o.path`, scope)} AND ${takesUnitsSql('o')}`,
    )
  ).map((p) => ({ id: Number(p.id), name: p.name }));
  const districts = (
    await queryRows<{ id: number; name: string }>(
      db,
      sql`SELECT d.id, d.name FROM org_directory d JOIN org_directory own ON own.id = ${scope.orgId}
          WHERE d.kind = 'district' AND d.province_code = own.province_code`,
    )
  ).map((d) => ({ id: Number(d.id), name: d.name }));
  const units = parents.length
    ? (
        await queryRows<{ id: number; name: string; parent_id: number }>(
          db,
          sql`SELECT id, name, parent_id FROM org_directory
              WHERE kind = 'urban_unit' AND parent_id = ANY (${`{${parents.map((p) => p.id).join(',')}}`}::bigint[])`,
        )
      ).map((u) => ({ id: Number(u.id), name: u.name, parentId: Number(u.parent_id) }))
    : [];
  const byName = <T extends { name: string }>(list: T[]) => {
    const map = new Map<string, T[]>();
    for (const item of list) map.set(item.name, [...(map.get(item.name) ?? []), item]);
    return map;
  };
  return {
    parents: byName(parents),
    parentNames: new Map(parents.map((p) => [p.id, p.name])),
    districts: byName(districts),
    units,
  };
}

const integer = (text: string) => {
  const clean = text.replace(/[,，\s]/g, '');
  return /^-?\d+$/.test(clean) ? Number(clean) : NaN;
};

/**
 * Check every row of a unit sheet; `onProgress` after each checked row. Returns either the rows
 * ready to write or every problem found, in Chinese, with row number and column header.
 */
export async function validateUnitRows(
  db: Db,
  scope: Scope,
  rows: SheetRow[],
  onProgress: (processed: number) => Promise<void>,
): Promise<{ rows: UnitRow[]; errors: RowErrors }> {
  const ctx = await unitContext(db, scope);
  const unitsById = new Map(ctx.units.map((u) => [u.id, u]));
  const unitsByKey = new Map(ctx.units.map((u) => [`${u.parentId}:${u.name}`, u.id]));
  const errors = new RowErrors();
  const valid: UnitRow[] = [];
  const seen = new Map<string, number>();

  for (const [i, { row, cells }] of rows.entries()) {
    const before = errors.count;
    // This row's columns with an error, whether or not the error is among the kept ones.
    const reported = new Set<string>();
    const fail = (key: UnitRowKey, message: string) => {
      reported.add(header(key));
      errors.push({ row, column: header(key), message });
    };

    let id: number | null = null;
    if (cells.id) {
      id = integer(cells.id);
      if (!unitsById.has(id)) fail('id', `编号 ${cells.id} 不是管辖范围内的城市单位`);
    }
    const parents = ctx.parents.get(cells.parent) ?? [];
    if (!cells.parent) fail('parent', '必填');
    else if (!parents.length)
      fail('parent', `“${cells.parent}”不是管辖范围内的工作党委或中心城区、近郊区`);
    else if (parents.length > 1) fail('parent', `“${cells.parent}”有重名，请联系管理员`);
    else if (id !== null && unitsById.get(id) && unitsById.get(id)!.parentId !== parents[0].id)
      // A unit's path (its scope) follows its parent; moving it is not an import's business.
      fail(
        'parent',
        `已有单位不能通过导入更换上级组织（现属“${ctx.parentNames.get(unitsById.get(id)!.parentId!) ?? ''}”）`,
      );
    const districts = ctx.districts.get(cells.addressDistrict) ?? [];
    if (!cells.addressDistrict) fail('addressDistrict', '必填');
    else if (!districts.length) fail('addressDistrict', `没有名为“${cells.addressDistrict}”的区`);
    const tags = cells.resourceTags
      ? cells.resourceTags.split(/[、,，;；\s]+/).filter(Boolean)
      : [];
    const unknownTags = tags.filter((t) => !(knownTags as readonly string[]).includes(t));
    if (unknownTags.length)
      fail('resourceTags', `未知标签“${unknownTags.join('、')}”，可选：${knownTags.join('、')}`);

    const numbers = {
      capacity: integer(cells.capacity),
      yearlyBudget: integer(cells.yearlyBudget),
    };
    for (const key of ['capacity', 'yearlyBudget'] as const) {
      if (!cells[key]) fail(key, '必填');
      else if (Number.isNaN(numbers[key])) fail(key, `“${cells[key]}”不是整数`);
    }
    for (const key of ['name', 'unitType', 'contactName', 'contactPhone'] as const) {
      if (!cells[key]) fail(key, '必填');
    }

    const parsed = unitFields.safeParse({
      name: cells.name,
      unitType: cells.unitType,
      capacity: numbers.capacity,
      yearlyBudget: numbers.yearlyBudget,
      resourceTags: unknownTags.length ? [] : tags,
      addressDistrictId: districts[0]?.id ?? 1,
      contactName: cells.contactName,
      contactPhone: cells.contactPhone,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = fieldColumn[String(issue.path[0])];
        if (key && !reported.has(header(key)) && cells[key] !== '') {
          fail(key, issue.message);
        }
      }
    }

    if (parents.length === 1 && cells.name) {
      const key = `${parents[0].id}:${cells.name}`;
      const firstRow = seen.get(key);
      const existing = unitsByKey.get(key);
      if (firstRow) fail('name', `与第 ${firstRow} 行重名（同一上级组织下）`);
      else if (existing && existing !== id) fail('name', `与已有单位重名（编号 ${existing}）`);
      seen.set(key, row);
    }
    if (errors.count === before && parsed.success) {
      valid.push({ ...parsed.data, row, id, parentId: parents[0].id });
    }
    await onProgress(i + 1);
  }
  return { rows: valid, errors };
}

import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { withinScope } from '../orgs/sql.ts';
import { weakVillageColumns, type WeakVillageRowKey } from './columns.ts';
import { RowErrors } from './row-errors.ts';
import type { SheetRow } from './workbook.ts';

export type WeakVillageRow = { row: number; id: number; code: string; weak: boolean };

const header = (key: WeakVillageRowKey) => weakVillageColumns.find((c) => c.key === key)!.header;
const answers: Record<string, boolean> = { 是: true, 否: false };

/** Check every row of a weak-village sheet: each code must be a village inside the scope. */
export async function validateWeakVillageRows(
  db: Db,
  scope: Scope,
  rows: SheetRow[],
  onProgress: (processed: number) => Promise<void>,
): Promise<{ rows: WeakVillageRow[]; errors: RowErrors }> {
  const codes = rows.map((r) => r.cells.code).filter((c) => /^\d{12}$/.test(c));
  const found = await queryRows<{ id: number; code: string; name: string }>(
    db,
    sql`SELECT id, code, name FROM org_directory
        WHERE code = ANY (${`{${codes.join(',')}}`}::text[]) AND kind = 'village'
          AND ${withinScope(sql`path`, scope)}`,
  );
  const villages = new Map(found.map((v) => [v.code, v]));
  const errors = new RowErrors();
  const valid: WeakVillageRow[] = [];
  const seen = new Map<string, number>();

  for (const [i, { row, cells }] of rows.entries()) {
    const fail = (key: WeakVillageRowKey, message: string) =>
      errors.push({ row, column: header(key), message });
    const before = errors.count;
    const village = villages.get(cells.code);
    if (!cells.code) fail('code', '必填');
    else if (!/^\d{12}$/.test(cells.code)) fail('code', `“${cells.code}”不是 12 位数字代码`);
    else if (!village) fail('code', `${cells.code} 不是管辖范围内的村`);
    else if (seen.has(cells.code)) fail('code', `与第 ${seen.get(cells.code)} 行重复`);
    if (village && cells.name && cells.name !== village.name)
      fail('name', `村名称与代码不符（代码 ${cells.code} 为“${village.name}”）`);
    const weak = answers[cells.weak];
    if (!cells.weak) fail('weak', '必填');
    else if (weak === undefined) fail('weak', `应填“是”或“否”，不能是“${cells.weak}”`);
    if (cells.code) seen.set(cells.code, seen.get(cells.code) ?? row);
    if (errors.count === before && village) {
      valid.push({ row, id: Number(village.id), code: village.code, weak });
    }
    await onProgress(i + 1);
  }
  return { rows: valid, errors };
}

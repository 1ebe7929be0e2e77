import type { UnitFields } from '@pairing/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { orgs } from './schema.ts';
import { insertOrg } from './tree.ts';

// Writes of many orgs at once, for the Excel imports: the caller has checked every row against
// the scope and runs them inside its own transaction, with its own audit record.

/** An urban unit to write: `id` of an existing unit to update, or null to create one. */
export type UnitWrite = UnitFields & { id: number | null; parentId: number };

/** Update or create each unit, in order; answers what was done to which id. */
export async function writeUnits(tx: Db, rows: UnitWrite[]) {
  const written: Array<{ action: 'update' | 'create'; id: number }> = [];
  for (const { id, ...values } of rows) {
    if (id) {
      const [after] = await tx
        .update(orgs)
        .set({ ...values, updatedAt: sql`now()` })
        .where(and(eq(orgs.id, id), eq(orgs.kind, 'urban_unit')))
        .returning({ id: orgs.id });
      written.push({ action: 'update', id: after.id });
    } else {
      const created = await insertOrg(tx, { kind: 'urban_unit', ...values });
      written.push({ action: 'create', id: created.id });
    }
  }
  return written;
}

/** Set or clear the weak-village flag of the given villages. */
export async function setWeakVillages(tx: Db, rows: Array<{ id: number; weak: boolean }>) {
  for (const weak of [true, false]) {
    const ids = rows.filter((r) => r.weak === weak).map((r) => r.id);
    if (ids.length) {
      await tx
        .update(orgs)
        .set({ weakVillage: weak, updatedAt: sql`now()` })
        .where(and(inArray(orgs.id, ids), eq(orgs.kind, 'village')));
    }
  }
}

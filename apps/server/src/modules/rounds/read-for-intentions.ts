import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { roundResources } from './schema.ts';

/**
 * The 资源清单 items of the round's units `orgIds` (S2 §2.2), in the order they were listed: what a
 * village deciding on an intention reads of the unit that chose it.
 */
export async function resourcesOf(db: Db, roundId: number, orgIds: number[]) {
  if (!orgIds.length) return [];
  return db
    .select({
      orgId: roundResources.orgId,
      category: roundResources.category,
      note: roundResources.note,
      amount: roundResources.amount,
    })
    .from(roundResources)
    .where(and(eq(roundResources.roundId, roundId), inArray(roundResources.orgId, orgIds)))
    .orderBy(asc(roundResources.id));
}

import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../lib/rows.ts';
import type { SqlTag } from '../../lib/sql-tag.ts';
import { unitAtCapacity, villageFull } from './errors.ts';

/**
 * Take one of the village's places (round_slots) and one of the unit's capacity
 * (round_unit_loads). Each upsert locks its row (ON CONFLICT DO UPDATE), and its WHERE is
 * re-checked on the latest row version, so concurrent claims queue on the row and the ones past
 * the cap get no row back. Always slot, then load: one lock order for every writer, so no
 * deadlocks. `slotFrom` / `loadFrom` end each upsert's SELECT (the submit statement takes the
 * values from its CTEs; empty elsewhere). Written once for `sql` and for the submit statement's
 * fixed text (`String.raw`).
 */
export const placeUpserts = <R>(
  q: SqlTag<R>,
  p: {
    roundId: unknown;
    ruralOrgId: unknown;
    urbanOrgId: unknown;
    villageCap: unknown;
    capacity: unknown;
    slotFrom: unknown;
    loadFrom: unknown;
  },
) => ({
  slot: q`insert into round_slots as s (round_id, rural_org_id, taken)
    select ${p.roundId}::bigint, ${p.ruralOrgId}::bigint, 1 ${p.slotFrom}
    on conflict (round_id, rural_org_id) do update set taken = s.taken + 1
      where s.taken < ${p.villageCap}
    returning 1`,
  load: q`insert into round_unit_loads as l (round_id, urban_org_id, taken)
    select ${p.roundId}::bigint, ${p.urbanOrgId}::bigint, 1 ${p.loadFrom}
    on conflict (round_id, urban_org_id) do update set taken = l.taken + 1
      where l.taken < ${p.capacity}
    returning 1`,
});

/** Take the places of one intention inside the caller's transaction, or refuse (409). */
export async function takePlaces(
  tx: Db,
  p: {
    roundId: number;
    ruralOrgId: number;
    urbanOrgId: number;
    villageCap: number;
    capacity: number;
  },
) {
  const upserts = placeUpserts(sql, { ...p, slotFrom: sql``, loadFrom: sql`` });
  if (!(await queryRows(tx, upserts.slot)).length) throw villageFull(p.villageCap);
  if (p.capacity < 1) throw unitAtCapacity(p.capacity);
  if (!(await queryRows(tx, upserts.load)).length) throw unitAtCapacity(p.capacity);
}

/** Give the village's place and the unit's capacity back (decline, withdrawal). */
export async function releasePlaces(
  tx: Db,
  i: { roundId: number; ruralOrgId: number; urbanOrgId: number },
) {
  await tx.execute(
    sql`update round_slots set taken = taken - 1 where round_id = ${i.roundId} and rural_org_id = ${i.ruralOrgId}`,
  );
  await tx.execute(
    sql`update round_unit_loads set taken = taken - 1 where round_id = ${i.roundId} and urban_org_id = ${i.urbanOrgId}`,
  );
}

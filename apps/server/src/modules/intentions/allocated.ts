import { sql } from 'drizzle-orm';
import type { RoundState } from '@pairing/shared';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../../lib/clock.ts';
import { notFound } from '../../lib/errors.ts';
import { notifyBoard } from '../../lib/notify.ts';
import { pathPrefix, type Scope } from '../../lib/scope.ts';
import { roundNotBalancing } from '../allocation/errors.ts';
import { queryRows } from '../../lib/rows.ts';
import { ruralTarget } from '../rounds/rural.ts';
import { duplicateIntention } from './errors.ts';
import { isUniqueViolation, takePlaces } from './service.ts';

export type AllocatedPair = { roundId: number; urbanOrgId: number; ruralOrgId: number };

type Context = {
  state: RoundState;
  villageCap: number;
  ruralId: number | null;
  ruralPath: string;
  provinceCode: string;
  urbanId: number | null;
  capacity: number;
};

/**
 * An intention of source 'allocation' (the city publishing its organizational allocation, issue 4),
 * inside the caller's transaction. It is checked and takes its places like a voluntary submission
 * (the same scope conditions, round key-share lock and `takePlaces`), while the round is balancing,
 * and stays pending until both sides confirm (`confirmIntention`, `acceptIntention`).
 */
export async function createAllocatedIntention(
  tx: Db,
  scope: Scope,
  clock: Clock,
  pair: AllocatedPair,
): Promise<{ id: number }> {
  const now = clock.now();
  const [c] = await queryRows<Context>(
    tx,
    sql`select r.state::text as "state", r.village_cap as "villageCap",
        ro.id::int as "ruralId", ro.path as "ruralPath", ro.province_code as "provinceCode",
        uo.id::int as "urbanId", coalesce(uo.capacity, 1) as "capacity"
      from rounds r
      left join orgs ro on ro.id = ${pair.ruralOrgId} and ${ruralTarget('ro')}
        and starts_with(ro.path, r.scope_path)
      left join orgs uo on uo.id = ${pair.urbanOrgId} and uo.kind = 'urban_unit'
        and uo.path like ${pathPrefix(scope.path)} and starts_with(uo.path, r.scope_path)
      where r.id = ${pair.roundId} and starts_with(${scope.path}, r.scope_path)
      for key share of r`,
  );
  if (!c) throw notFound('结对轮次不存在');
  if (c.ruralId == null) throw notFound('结对对象不存在');
  if (c.urbanId == null) throw notFound('单位不存在');
  if (c.state !== 'balancing') throw roundNotBalancing(c.state);
  await takePlaces(tx, pair.roundId, c.ruralId, c.urbanId, c.villageCap, c.capacity);
  let id: number;
  try {
    [{ id }] = await queryRows<{ id: number }>(
      tx,
      sql`insert into intentions (round_id, urban_org_id, rural_org_id, source, province_code,
          submitted_by, submitted_at)
        values (${pair.roundId}, ${c.urbanId}, ${c.ruralId}, 'allocation', ${c.provinceCode},
          ${scope.userId}, ${now})
        returning id::int as "id"`,
    );
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateIntention();
    throw err;
  }
  await recordAudit(tx, scope, {
    action: 'intention.submitted',
    entity: 'intention',
    entityId: id,
    scopePath: c.ruralPath,
    after: { ...pair, source: 'allocation' },
  });
  await notifyBoard(tx, pair.roundId);
  return { id };
}

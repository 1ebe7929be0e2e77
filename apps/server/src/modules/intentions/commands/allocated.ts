import { sql } from 'drizzle-orm';
import type { RoundState } from '@pairing/shared';
import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../lib/clock.ts';
import { notFound } from '../../../lib/errors.ts';
import { notifyBoard } from '../../../lib/notify.ts';
import { queryRows } from '../../../lib/rows.ts';
import type { Scope } from '../../../lib/scope.ts';
import { isUniqueViolation } from '../../../lib/unique-violation.ts';
import { recordAudit } from '../../audit/record.ts';
import { withinScope } from '../../orgs/sql.ts';
import { ruralTarget } from '../../rounds/rural.ts';
import { roundForWrite } from '../../rounds/sql.ts';
import { duplicateIntention, roundNotBalancing } from '../errors.ts';
import { takePlaces } from '../places.ts';

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
 * (the same scope conditions, round key-share lock and place-taking), while the round is
 * balancing, and stays pending until both sides confirm (`confirmIntention`, `acceptIntention`).
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
    sql`with r as (${roundForWrite(sql, pair.roundId, scope.path)})
      select r.state::text as "state", r.village_cap as "villageCap",
        ro.id::int as "ruralId", ro.path as "ruralPath", ro.province_code as "provinceCode",
        uo.id::int as "urbanId", coalesce(uo.capacity, 1) as "capacity"
      from r
      left join org_directory ro on ro.id = ${pair.ruralOrgId} and ${ruralTarget('ro')}
        and starts_with(ro.path, r.scope_path)
      left join org_directory uo on uo.id = ${pair.urbanOrgId} and uo.kind = 'urban_unit'
        and ${withinScope(sql`uo.path`, scope)} and starts_with(uo.path, r.scope_path)`,
  );
  if (!c) throw notFound('结对轮次不存在');
  if (c.ruralId == null) throw notFound('结对对象不存在');
  if (c.urbanId == null) throw notFound('单位不存在');
  if (c.state !== 'balancing') throw roundNotBalancing(c.state);
  await takePlaces(tx, {
    roundId: pair.roundId,
    ruralOrgId: c.ruralId,
    urbanOrgId: c.urbanId,
    villageCap: c.villageCap,
    capacity: c.capacity,
  });
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

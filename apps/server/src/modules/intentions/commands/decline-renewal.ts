import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../lib/clock.ts';
import { notFound } from '../../../lib/errors.ts';
import { authorize } from '../../../lib/policy.ts';
import { queryRows, type RowTime } from '../../../lib/rows.ts';
import type { Scope } from '../../../lib/scope.ts';
import { recordAudit } from '../../audit/record.ts';
import { withinScope } from '../../orgs/sql.ts';
import { canOnRenewal, renewalRefusal, sideOf } from '../policy.ts';

/** Either side says no to a renewal (R-ROUND-RENEW), as long as it is not complete. */
export async function declineRenewal(db: Db, scope: Scope, clock: Clock, renewalId: number) {
  authorize(canOnRenewal, scope, 'decline');
  return db.transaction(async (tx) => {
    const [row] = await queryRows<{
      id: number;
      intentionId: number | null;
      declinedAt: RowTime | null;
      ruralPath: string;
    }>(
      tx,
      sql`select rn.id::int as "id", rn.intention_id::int as "intentionId", rn.declined_at as "declinedAt", ro.path as "ruralPath"
        from renewals rn
        join org_directory uo on uo.id = rn.urban_org_id
        join org_directory ro on ro.id = rn.rural_org_id
        where rn.id = ${renewalId}
          and ${withinScope(sideOf(scope) === 'urban' ? sql`uo.path` : sql`ro.path`, scope)}
        for update of rn`,
    );
    if (!row) throw notFound('续签记录不存在');
    const refusal = renewalRefusal('decline', row);
    if (refusal) throw refusal;
    if (!row.declinedAt)
      await tx.execute(
        sql`update renewals set declined_by = ${scope.userId}, declined_at = ${clock.now()} where id = ${row.id}`,
      );
    await recordAudit(tx, scope, {
      action: 'renewal.declined',
      entity: 'renewal',
      entityId: row.id,
      scopePath: row.ruralPath,
    });
    return { id: row.id, declined: true as const };
  });
}

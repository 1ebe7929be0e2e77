import { sql } from 'drizzle-orm';
import type { RenewalConfirmation } from '@pairing/shared';
import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../lib/clock.ts';
import { notFound } from '../../../lib/errors.ts';
import { notifyBoard } from '../../../lib/notify.ts';
import { authorize } from '../../../lib/policy.ts';
import { queryRows, type RowTime } from '../../../lib/rows.ts';
import type { Scope } from '../../../lib/scope.ts';
import { isUniqueViolation } from '../../../lib/unique-violation.ts';
import { recordAudit } from '../../audit/record.ts';
import { withinScope } from '../../orgs/sql.ts';
import { getRound } from '../../rounds/service.ts';
import { duplicateIntention } from '../errors.ts';
import { takePlaces } from '../places.ts';
import { canOnRenewal, renewalRefusal, sideOf, windowRefusal } from '../policy.ts';
import type { IntentionPorts } from '../ports.ts';
import type { RenewalRow } from '../present.ts';
import { renewalRows } from '../queries.ts';

/**
 * One side confirms the renewal of a previous-round pair (R-ROUND-RENEW). The second confirmation
 * turns it into an accepted intention of the new round (taking a place like any intention,
 * R-COVERAGE counts it) and creates its draft agreement (`ports.draftAgreement`).
 */
export async function confirmRenewal(
  db: Db,
  scope: Scope,
  clock: Clock,
  roundId: number,
  previousIntentionId: number,
  ports: IntentionPorts,
): Promise<RenewalConfirmation['renewal']> {
  authorize(canOnRenewal, scope, 'confirm');
  const side = sideOf(scope);
  const now = clock.now();
  return db.transaction(async (tx) => {
    const round = await getRound(tx, scope, roundId);
    const closed = windowRefusal({
      roundState: round.state,
      intentionDeadline: round.intentionDeadline,
      now,
    });
    if (closed) throw closed;
    const [pair] = await queryRows<RenewalRow>(
      tx,
      sql`${renewalRows(round)} and p.id = ${previousIntentionId}
        and ${withinScope(side === 'urban' ? sql`uo.path` : sql`ro.path`, scope)}`,
    );
    if (!pair) throw notFound('上一轮结对不存在');
    await tx.execute(sql`insert into renewals (round_id, previous_intention_id, urban_org_id, rural_org_id)
      values (${roundId}, ${previousIntentionId}, ${pair.urbanOrgId}, ${pair.ruralOrgId})
      on conflict (round_id, previous_intention_id) do nothing`);
    const [renewal] = await queryRows<{
      id: number;
      urbanConfirmedAt: RowTime | null;
      ruralConfirmedAt: RowTime | null;
      declinedAt: RowTime | null;
      intentionId: number | null;
    }>(
      tx,
      sql`select id::int as "id", urban_confirmed_at as "urbanConfirmedAt", rural_confirmed_at as "ruralConfirmedAt",
          declined_at as "declinedAt", intention_id::int as "intentionId"
        from renewals where round_id = ${roundId} and previous_intention_id = ${previousIntentionId} for update`,
    );
    const refusal = renewalRefusal('confirm', renewal);
    if (refusal) throw refusal;
    if (renewal.intentionId)
      return { id: renewal.id, side, intentionId: renewal.intentionId, completed: true };
    const mine =
      side === 'urban'
        ? sql`urban_confirmed_by = ${scope.userId}, urban_confirmed_at = ${now}`
        : sql`rural_confirmed_by = ${scope.userId}, rural_confirmed_at = ${now}`;
    await tx.execute(sql`update renewals set ${mine} where id = ${renewal.id}`);
    const other = side === 'urban' ? renewal.ruralConfirmedAt : renewal.urbanConfirmedAt;
    let intentionId: number | null = null;
    if (other) {
      const [unit] = await queryRows<{ capacity: number; provinceCode: string }>(
        tx,
        sql`select coalesce(u.capacity, 1) as "capacity", r.province_code as "provinceCode"
          from org_directory u, org_directory r where u.id = ${pair.urbanOrgId} and r.id = ${pair.ruralOrgId}`,
      );
      await takePlaces(tx, {
        roundId,
        ruralOrgId: pair.ruralOrgId,
        urbanOrgId: pair.urbanOrgId,
        villageCap: round.villageCap,
        capacity: unit.capacity,
      });
      try {
        [{ id: intentionId }] = await queryRows<{ id: number }>(
          tx,
          sql`insert into intentions (round_id, urban_org_id, rural_org_id, state, source, province_code,
              submitted_by, submitted_at, decided_by, decided_at)
            values (${roundId}, ${pair.urbanOrgId}, ${pair.ruralOrgId}, 'accepted', 'renewal', ${unit.provinceCode},
              ${scope.userId}, ${now}, ${scope.userId}, ${now})
            returning id::int as "id"`,
        );
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicateIntention();
        throw err;
      }
      await tx.execute(
        sql`update renewals set intention_id = ${intentionId} where id = ${renewal.id}`,
      );
      await ports.draftAgreement(tx, { intentionId, actor: scope });
    }
    await recordAudit(tx, scope, {
      action: intentionId ? 'renewal.completed' : 'renewal.confirmed',
      entity: 'renewal',
      entityId: renewal.id,
      scopePath: pair.ruralPath,
      after: { side, previousIntentionId, intentionId },
    });
    await notifyBoard(tx, roundId);
    return { id: renewal.id, side, intentionId, completed: intentionId != null };
  });
}

import { sql } from 'drizzle-orm';
import type { AllocatedBulkConfirmed } from '@pairing/shared';
import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../lib/clock.ts';
import { AppError, notFound } from '../../../lib/errors.ts';
import { notifyBoard } from '../../../lib/notify.ts';
import { authorize } from '../../../lib/policy.ts';
import { queryRows } from '../../../lib/rows.ts';
import type { Scope } from '../../../lib/scope.ts';
import { recordAudit } from '../../audit/record.ts';
import { recordAnswer, type IdempotencyKey } from '../../idempotency/plugin.ts';
import { withinScope } from '../../orgs/sql.ts';
import { getRound } from '../../rounds/service.ts';
import { can, decisionRefusal, type Side } from '../policy.ts';
import type { IntentionPorts } from '../ports.ts';
import type { Locked } from './decision.ts';

type Row = Omit<Locked, 'roundState' | 'intentionDeadline' | 'now'> & {
  urbanMine: boolean;
  ruralMine: boolean;
};

/** A repeated idempotent request: the transaction rolls back and the first answer is replayed. */
const replayed = () => new AppError(409, 'idempotent_replay', '该请求已处理，将返回首次的结果');

const idArray = (ids: number[]) => `{${ids.join(',')}}`;

/**
 * The sides of an allocated pair the caller says yes for: each side lying in the caller's scope
 * that has not said yes yet (a district holds both its units and its villages; a working
 * committee holds units only).
 */
function sidesToConfirm(r: Row): Side[] {
  const sides: Side[] = [];
  if (r.urbanMine && !r.urbanConfirmedAt) sides.push('urban');
  if (r.ruralMine && !r.ruralConfirmedAt) sides.push('rural');
  return sides;
}

/**
 * A district or working committee confirms, in one transaction, the allocated pairs of the round
 * awaiting its units' or villages' yes: all of them, or the chosen `intentionIds` (one of them
 * outside the caller's scope: 404, nothing changes). Each pair follows the single confirmation's
 * rules (`decisionRefusal`, commands/accept.ts): a pair no longer pending, or already confirmed by
 * the caller's sides, is left alone, so a side confirming on its own meanwhile is no conflict; a
 * pair whose both sides have now said yes is accepted and gets its draft agreement. One audit
 * entry records the whole action.
 */
export async function confirmAllocatedInBulk(
  db: Db,
  scope: Scope,
  clock: Clock,
  roundId: number,
  intentionIds: number[] | undefined,
  ports: IntentionPorts,
  idempotency: IdempotencyKey | null = null,
): Promise<AllocatedBulkConfirmed> {
  authorize(can, scope, 'confirmInBulk');
  const now = clock.now();
  return db.transaction(async (tx) => {
    const round = await getRound(tx, scope, roundId);
    const urbanMine = withinScope(sql`uo.path`, scope);
    const ruralMine = withinScope(sql`ro.path`, scope);
    const chosen = intentionIds ? [...new Set(intentionIds)] : null;
    const which = chosen
      ? sql`i.id = any(${idArray(chosen)}::bigint[])`
      : sql`i.state = 'pending' and ((${urbanMine} and i.urban_confirmed_at is null)
          or (${ruralMine} and i.rural_confirmed_at is null))`;
    // Locked in id order, as a single confirmation locks its one row: no deadlock between them.
    const rows = await queryRows<Row>(
      tx,
      sql`select i.id::int as "id", i.round_id::int as "roundId",
          i.urban_org_id::int as "urbanOrgId", i.rural_org_id::int as "ruralOrgId",
          i.state::text as "state", i.source::text as "source", i.submitted_at as "submittedAt",
          i.decided_at as "decidedAt", i.urban_confirmed_at as "urbanConfirmedAt",
          i.rural_confirmed_at as "ruralConfirmedAt", uo.path as "urbanPath", ro.path as "ruralPath",
          ${urbanMine} as "urbanMine", ${ruralMine} as "ruralMine"
        from intentions i
        join org_directory uo on uo.id = i.urban_org_id
        join org_directory ro on ro.id = i.rural_org_id
        where i.round_id = ${roundId} and i.source = 'allocation'
          and (${urbanMine} or ${ruralMine}) and ${which}
        order by i.id
        for update of i`,
    );
    if (chosen && rows.length < chosen.length) throw notFound('所选结对不存在或不在本范围内');

    const urban: number[] = [];
    const rural: number[] = [];
    const accepted: number[] = [];
    for (const r of rows) {
      const subject = {
        ...r,
        roundState: round.state,
        intentionDeadline: round.intentionDeadline,
        now,
      };
      const refusal = decisionRefusal('confirm', subject);
      if (refusal?.code === 'intention_not_pending') continue;
      if (refusal) throw refusal;
      const sides = sidesToConfirm(r);
      if (!sides.length) continue;
      if (sides.includes('urban')) urban.push(r.id);
      if (sides.includes('rural')) rural.push(r.id);
      if (
        (r.urbanConfirmedAt || sides.includes('urban')) &&
        (r.ruralConfirmedAt || sides.includes('rural'))
      )
        accepted.push(r.id);
    }
    const confirmed = [...new Set([...urban, ...rural])].sort((a, b) => a - b);
    if (confirmed.length) {
      const on = (ids: number[]) => sql`i.id = any(${idArray(ids)}::bigint[])`;
      await tx.execute(sql`update intentions i set
          urban_confirmed_by = case when ${on(urban)} then ${scope.userId} else urban_confirmed_by end,
          urban_confirmed_at = case when ${on(urban)} then ${now} else urban_confirmed_at end,
          rural_confirmed_by = case when ${on(rural)} then ${scope.userId} else rural_confirmed_by end,
          rural_confirmed_at = case when ${on(rural)} then ${now} else rural_confirmed_at end,
          state = case when ${on(accepted)} then 'accepted' else state end,
          decided_by = case when ${on(accepted)} then ${scope.userId} else decided_by end,
          decided_at = case when ${on(accepted)} then ${now} else decided_at end
        where ${on(confirmed)}`);
      for (const intentionId of accepted)
        await ports.draftAgreement(tx, { intentionId, actor: scope });
      await recordAudit(tx, scope, {
        action: 'intention.bulkConfirmed',
        entity: 'round',
        entityId: roundId,
        scopePath: scope.path,
        after: {
          count: confirmed.length,
          intentionIds: confirmed,
          urbanConfirmed: urban,
          ruralConfirmed: rural,
          accepted,
        },
      });
      await notifyBoard(tx, roundId);
    }
    const answer = {
      confirmed: confirmed.length,
      accepted: accepted.length,
      intentionIds: confirmed,
    };
    if (idempotency && !(await recordAnswer(tx, idempotency, 200, answer))) throw replayed();
    return answer;
  });
}

import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../lib/clock.ts';
import { authorize } from '../../../lib/policy.ts';
import type { Scope } from '../../../lib/scope.ts';
import { can, decisionRefusal, type IntentionAction, type Side } from '../policy.ts';
import type { IntentionPorts } from '../ports.ts';
import {
  lockIntention,
  recordConfirmation,
  setState,
  withoutSubject,
  type Locked,
} from './decision.ts';

/**
 * One side says yes. A voluntary intention is the unit's own choice, so the rural side's yes
 * accepts it; an allocated one awaits both sides (either order), and the second yes accepts it.
 * Acceptance creates the draft agreement in the same transaction (the agreements module, through
 * `ports.draftAgreement`).
 */
async function confirmSide(tx: Db, scope: Scope, ports: IntentionPorts, i: Locked, side: Side) {
  const allocated = i.source === 'allocation';
  const [own, other] =
    side === 'urban'
      ? [i.urbanConfirmedAt, i.ruralConfirmedAt]
      : [i.ruralConfirmedAt, i.urbanConfirmedAt];
  if (allocated && own) return { intention: withoutSubject(i), agreementId: null };
  const mine = !allocated
    ? undefined
    : side === 'urban'
      ? sql`urban_confirmed_by = ${scope.userId}, urban_confirmed_at = ${i.now}`
      : sql`rural_confirmed_by = ${scope.userId}, rural_confirmed_at = ${i.now}`;
  if (!mine || other) {
    const after = await setState(tx, scope, i, 'accepted', mine);
    const { agreementId } = await ports.draftAgreement(tx, { intentionId: i.id, actor: scope });
    return { intention: after, agreementId };
  }
  return { intention: await recordConfirmation(tx, scope, i, side, mine), agreementId: null };
}

const yes =
  (action: IntentionAction & ('accept' | 'confirm'), side: Side) =>
  (db: Db, scope: Scope, clock: Clock, id: number, ports: IntentionPorts) => {
    authorize(can, scope, action);
    const now = clock.now();
    return db.transaction(async (tx) => {
      const i = await lockIntention(tx, scope, id, side, now);
      const refusal = decisionRefusal(action, i);
      if (refusal) throw refusal;
      return confirmSide(tx, scope, ports, i, side);
    });
  };

/** The rural side accepts (R-DEADLINE-INTENT: within the intention window). */
export const acceptIntention = yes('accept', 'rural');

/** The unit side confirms an intention the city's organizational allocation proposed. */
export const confirmIntention = yes('confirm', 'urban');

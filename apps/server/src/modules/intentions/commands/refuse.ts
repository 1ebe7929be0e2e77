import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../lib/clock.ts';
import { authorize } from '../../../lib/policy.ts';
import type { Scope } from '../../../lib/scope.ts';
import { releasePlaces } from '../places.ts';
import { can, decisionRefusal } from '../policy.ts';
import { lockIntention, setState } from './decision.ts';

/** The rural side says no: the intention's places are given back. */
export async function declineIntention(db: Db, scope: Scope, clock: Clock, id: number) {
  authorize(can, scope, 'decline');
  return db.transaction(async (tx) => {
    const i = await lockIntention(tx, scope, id, 'rural', clock.now());
    const refusal = decisionRefusal('decline', i);
    if (refusal) throw refusal;
    await releasePlaces(tx, i);
    return setState(tx, scope, i, 'declined');
  });
}

/**
 * Withdrawal is possible only before the rural side accepted. The unit did not choose an allocated
 * pair, so saying no to one is recorded as a decline, as on the rural side.
 */
export async function withdrawIntention(db: Db, scope: Scope, clock: Clock, id: number) {
  authorize(can, scope, 'withdraw');
  return db.transaction(async (tx) => {
    const i = await lockIntention(tx, scope, id, 'urban', clock.now());
    const refusal = decisionRefusal('withdraw', i);
    if (refusal) throw refusal;
    await releasePlaces(tx, i);
    return setState(tx, scope, i, i.source === 'allocation' ? 'declined' : 'withdrawn');
  });
}

// What agreements read from the round and the intention they come from, kept in one file so the
// agreements module depends on the rounds/intentions tables in exactly one place.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { intentions } from '../intentions/schema.ts';
import { rounds } from '../rounds/schema.ts';

export async function loadIntention(tx: Db, intentionId: number) {
  const [row] = await tx
    .select({
      id: intentions.id,
      roundId: intentions.roundId,
      urbanOrgId: intentions.urbanOrgId,
      ruralOrgId: intentions.ruralOrgId,
      state: intentions.state,
    })
    .from(intentions)
    .where(eq(intentions.id, intentionId));
  return row;
}

/**
 * The round's state, pack and dates (`YYYY-MM-DD`). With `lock`, a share lock makes a concurrent
 * state change wait until the signature has committed.
 */
export async function loadRound(tx: Db, roundId: number, lock = false) {
  const query = tx
    .select({
      id: rounds.id,
      state: rounds.state,
      packId: rounds.policyPackId,
      signingDeadline: rounds.signingDeadline,
      termEnd: rounds.termEnd,
    })
    .from(rounds)
    .where(eq(rounds.id, roundId));
  const [row] = await (lock ? query.for('share') : query);
  return row;
}

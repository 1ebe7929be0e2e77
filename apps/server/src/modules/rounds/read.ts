import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rounds } from './schema.ts';

// Functions the rounds module publishes for other modules' reads of a round.

/**
 * What an agreement takes from its round: state, policy pack and dates (`YYYY-MM-DD`). With
 * `lock`, a share lock makes a concurrent state change wait until the caller's transaction
 * (a signature) has committed.
 */
export async function roundForAgreement(db: Db, roundId: number, lock = false) {
  const query = db
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

import { eq, sql, type SQL } from 'drizzle-orm';
import type { RoundState } from '@pairing/shared';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../lib/rows.ts';
import { rounds } from './schema.ts';

// What the rounds module publishes as plain data for other modules' reads of a round.

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

/** A round with its deadlines as `YYYY-MM-DD` (China calendar days). */
export type RoundDeadlines = {
  id: number;
  name: string;
  state: RoundState;
  scopePath: string;
  intentionDeadline: string;
  signingDeadline: string;
};

/** The rounds matching `where`, with their deadlines: the one query behind every deadline read. */
export const roundDeadlines = (db: Db, where: SQL) =>
  queryRows<RoundDeadlines>(
    db,
    sql`select id::int as "id", name, state::text as "state", scope_path as "scopePath",
        to_char(intention_deadline, 'YYYY-MM-DD') as "intentionDeadline",
        to_char(signing_deadline, 'YYYY-MM-DD') as "signingDeadline"
      from rounds where ${where}`,
  );

/** A round whose deadlines still lie ahead of its work: intentions open, balancing or signing. */
export type LiveRound = RoundDeadlines;

/** The rounds between the opening of intentions and the end of signing, with their deadlines. */
export const liveRounds = (db: Db) =>
  roundDeadlines(db, sql`state in ('intentions_open', 'balancing', 'signing')`);

/** The names of these rounds, by id (lists of other modules show the round a row belongs to). */
export async function roundNames(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: number; name: string }>(
    db,
    sql`select id::int as id, name from rounds
      where id = any(${`{${ids.map((n) => Math.trunc(n)).join(',')}}`}::bigint[])`,
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

import { sql } from 'drizzle-orm';
import type { RoundState } from '@pairing/shared';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../lib/rows.ts';

// What the rounds module publishes as plain data for other modules.

/** A round whose deadlines still lie ahead of its work: intentions open, balancing or signing. */
export type LiveRound = {
  id: number;
  name: string;
  state: RoundState;
  scopePath: string;
  intentionDeadline: string;
  signingDeadline: string;
};

/** The rounds between the opening of intentions and the end of signing, with their deadlines. */
export const liveRounds = (db: Db) =>
  queryRows<LiveRound>(
    db,
    sql`select id::int as "id", name, state::text as "state", scope_path as "scopePath",
        to_char(intention_deadline, 'YYYY-MM-DD') as "intentionDeadline",
        to_char(signing_deadline, 'YYYY-MM-DD') as "signingDeadline"
      from rounds where state in ('intentions_open', 'balancing', 'signing')`,
  );

import { sql } from 'drizzle-orm';
import type { RoundState } from '@pairing/shared';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../lib/rows.ts';

// What the rounds module publishes for the to-do list (issue 13 item 2): the rounds whose
// deadlines still concern someone, so that the to-do module never names the rounds table.

/** A round not closed yet, with its deadlines as `YYYY-MM-DD` (China calendar days). */
export type RoundDeadlines = {
  id: number;
  name: string;
  state: RoundState;
  scopePath: string;
  intentionDeadline: string;
  signingDeadline: string;
};

/** Every round past its draft and not closed: drafts of agreements may outlive the signing. */
export const openRounds = (db: Db) =>
  queryRows<RoundDeadlines>(
    db,
    sql`select id::int as "id", name, state::text as "state", scope_path as "scopePath",
        to_char(intention_deadline, 'YYYY-MM-DD') as "intentionDeadline",
        to_char(signing_deadline, 'YYYY-MM-DD') as "signingDeadline"
      from rounds where state not in ('draft', 'closed')`,
  );

export { orgsBehindQuota, quotaProgress } from './sql.ts';
export { ruralTarget } from './rural.ts';

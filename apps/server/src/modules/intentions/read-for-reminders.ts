import { sql } from 'drizzle-orm';

// What the intentions module publishes for the reminders module's queries (who still has work
// before a deadline, whose confirmation is awaited), so that those never name its tables.

export { acceptedPairs, coveredInRound } from './read-for-rounds.ts';

/**
 * Intentions awaiting the rural side's answer, as a derived table with the columns `id`,
 * `round_id`, `urban_org_id` and `rural_org_id`.
 */
export const pendingIntentions = sql`(select id, round_id, urban_org_id, rural_org_id
  from intentions where state = 'pending')`;

/**
 * Renewals of a previous pair that one side has confirmed and the other has not answered yet
 * (R-ROUND-RENEW), as a derived table with the columns `id`, `round_id`, `urban_org_id`,
 * `rural_org_id` and `awaiting` ('urban' or 'rural': the side still to answer).
 */
export const renewalsAwaitingOneSide = sql`(select id, round_id, urban_org_id, rural_org_id,
    case when urban_confirmed_at is null then 'urban' else 'rural' end as awaiting
  from renewals
  where declined_at is null and intention_id is null
    and (urban_confirmed_at is null) <> (rural_confirmed_at is null))`;

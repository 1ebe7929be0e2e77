import { sql, type SQL } from 'drizzle-orm';
import type { IntentionsReader } from '../rounds/ports.ts';

// What the intentions module publishes for queries about a round (quotas' progress, the public
// directory, reminders), so that those never name the intentions tables.

/**
 * The accepted intentions of a round (R-COVERAGE) as a derived table with the columns
 * `urban_org_id` and `rural_org_id`; use it as `join ${acceptedPairs(roundId)} i on …`.
 */
export const acceptedPairs = (roundId: number | SQL) =>
  sql`(select urban_org_id, rural_org_id from intentions
    where round_id = ${roundId} and state = 'accepted')`;

/** Whether an accepted intention of the round covers the rural org `ruralOrgId` (R-COVERAGE). */
export const coveredInRound = (roundId: number | SQL, ruralOrgId: SQL) =>
  sql`exists (select 1 from intentions ci
    where ci.round_id = ${roundId} and ci.rural_org_id = ${ruralOrgId} and ci.state = 'accepted')`;

/**
 * The places intentions hold in each village or town of a round, as a derived table with the
 * columns `rural_org_id` and `taken`; a place without a row has none taken.
 */
export const takenPlaces = (roundId: number | SQL) =>
  sql`(select rural_org_id, taken from round_slots where round_id = ${roundId})`;

/** The rounds module's port (rounds/ports.ts), wired in the modules index. */
export const intentionsForRounds: IntentionsReader = { acceptedPairs, coveredInRound, takenPlaces };

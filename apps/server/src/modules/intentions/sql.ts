import { sql, type SQL } from 'drizzle-orm';

// SQL that the intentions module publishes for other modules' queries (the board): they read a
// round's intentions and places through these, never naming the intentions tables.

/** One row: the round's intentions still pending and those accepted (`pending`, `accepted`). */
export const intentionCounts = (roundId: number) =>
  sql`select count(*) filter (where state = 'pending')::int as "pending",
    count(*) filter (where state = 'accepted')::int as "accepted"
  from intentions where round_id = ${roundId}`;

/**
 * R-COVERAGE: the rural org `orgId` is covered in the round, the rural side of an accepted
 * intention (a renewal is one).
 */
export const coveredInRound = (roundId: number, orgId: SQL) =>
  sql`exists (select 1 from intentions i
    where i.round_id = ${roundId} and i.rural_org_id = ${orgId} and i.state = 'accepted')`;

/** The rural orgs covered in the round (`id`), for a join. */
export const coveredOrgs = (roundId: number) =>
  sql`select distinct rural_org_id as id from intentions
    where round_id = ${roundId} and state = 'accepted'`;

/** How many of the village's places are taken in the round (pending and accepted intentions). */
export const placesTaken = (roundId: number, orgId: SQL) =>
  sql`coalesce((select s.taken from round_slots s
    where s.round_id = ${roundId} and s.rural_org_id = ${orgId}), 0)`;

import { sql } from 'drizzle-orm';

// What the intentions module publishes for the to-do list (issue 13 item 2): whose answer an
// intention or a renewal awaits, so that the to-do module never names the intentions tables.

export { acceptedPairs, coveredInRound } from './read-for-rounds.ts';
export { renewalsAwaitingOneSide } from './read-for-reminders.ts';

export type Side = 'urban' | 'rural';

const orgColumn = { urban: sql.raw('urban_org_id'), rural: sql.raw('rural_org_id') };
const confirmedColumn = {
  urban: sql.raw('urban_confirmed_at'),
  rural: sql.raw('rural_confirmed_at'),
};

/**
 * Pending intentions awaiting the answer of org `orgId` on `side`, as a derived table with the
 * columns `id`, `round_id`, `other_org_id` and `allocated`: a unit's choice awaits its rural side
 * (R-DEADLINE-INTENT); a pair of the city's allocation awaits each side's yes once.
 */
export const awaitingAnswerOf = (side: Side, orgId: number) => sql`(
  select id, round_id, ${orgColumn[side === 'urban' ? 'rural' : 'urban']} as other_org_id,
    source = 'allocation' as allocated
  from intentions
  where state = 'pending' and ${orgColumn[side]} = ${orgId}
    and (case when source = 'allocation' then ${confirmedColumn[side]} is null
      else ${sql.raw(String(side === 'rural'))} end))`;

/**
 * Allocated pairs (the city's organizational allocation) still awaiting a side's yes, as a
 * derived table with the columns `id`, `round_id`, `urban_org_id` and `rural_org_id`.
 */
export const allocatedUnconfirmed = sql`(select id, round_id, urban_org_id, rural_org_id
  from intentions where state = 'pending' and source = 'allocation')`;

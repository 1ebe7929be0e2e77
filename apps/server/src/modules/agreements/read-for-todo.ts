import { sql } from 'drizzle-orm';

// What the agreements module publishes for the to-do list (issue 13 item 2): the drafts that wait
// on one side, so that the to-do module never names the agreements tables.

type Side = 'urban' | 'rural';

const column = (side: Side, name: 'org_id' | 'signed_at') => sql.raw(`${side}_${name}`);
const other = (side: Side): Side => (side === 'urban' ? 'rural' : 'urban');

/**
 * Drafts that wait on org `orgId` on `side`, as a derived table with the columns `id`, `round_id`,
 * `other_org_id`, `amendment` and `waiting`: 'signature' when the other side has signed and this
 * one has not (R-DEADLINE-SIGN), 'pen' when neither has signed and this side holds the pen.
 */
export const draftsAwaiting = (side: Side, orgId: number) => sql`(
  select id, round_id, ${column(other(side), 'org_id')} as other_org_id,
    amends_id is not null as amendment,
    case when ${column(other(side), 'signed_at')} is not null then 'signature' else 'pen' end
      as waiting
  from agreements
  where status = 'draft' and ${column(side, 'org_id')} = ${orgId}
    and ${column(side, 'signed_at')} is null
    and (${column(other(side), 'signed_at')} is not null or pen = ${side}))`;

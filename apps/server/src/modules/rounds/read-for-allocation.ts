import { sql, type SQL } from 'drizzle-orm';

// What the allocation module reads of a round's lists (需求清单 / 资源清单), as SQL fragments for
// its set-based queries, so that it never names this module's tables.

/**
 * The distinct categories of round `roundId`'s needs list for the org with id `orgId` (an SQL
 * expression, e.g. `o.id`), as a text array, or null when the org listed none.
 */
export const needCategories = (roundId: number, orgId: SQL) =>
  sql`(select array_agg(distinct n.category) from round_needs n
    where n.round_id = ${roundId} and n.org_id = ${orgId})`;

/** Likewise for the resources list of a unit: the categories it offers, or null. */
export const resourceCategories = (roundId: number, orgId: SQL) =>
  sql`(select array_agg(distinct r.category) from round_resources r
    where r.round_id = ${roundId} and r.org_id = ${orgId})`;

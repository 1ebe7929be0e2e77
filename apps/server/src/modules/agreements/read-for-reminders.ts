import { sql } from 'drizzle-orm';

// What the agreements module publishes for the reminders module's queries (who has to sign or
// edit before a deadline), so that those never name its tables.

/**
 * Agreements not signed yet (R-DEADLINE-SIGN), as a derived table with the columns `id`,
 * `round_id`, `urban_org_id` and `rural_org_id`.
 */
export const draftAgreements = sql`(select id, round_id, urban_org_id, rural_org_id
  from agreements where status = 'draft')`;

/**
 * Draft agreements whose pen has come to a side that has not saved since: the last saved version
 * is the other side's, or there is none yet. A derived table with the columns `id`, `round_id`,
 * `version`, `pen` ('urban' or 'rural'), `urban_org_id` and `rural_org_id`.
 */
export const agreementsAwaitingPen = sql`(select a.id, a.round_id, a.version, a.pen::text as pen,
    a.urban_org_id, a.rural_org_id
  from agreements a
  left join agreement_versions v on v.agreement_id = a.id and v.version = a.version
  where a.status = 'draft' and (v.side is null or v.side <> a.pen))`;

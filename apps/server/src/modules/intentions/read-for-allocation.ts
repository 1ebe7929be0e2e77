import { sql } from 'drizzle-orm';

// What the intentions module publishes for the allocation module's queries (how far the published
// pairs are confirmed), so that those never name its tables.

/**
 * The intentions of the city's allocation, as a derived table with the columns `id`, `state`,
 * `urban_confirmed` and `rural_confirmed` (an accepted pair counts as confirmed by both sides).
 */
export const allocatedConfirmations = sql`(select id, state::text as state,
    (urban_confirmed_at is not null or state = 'accepted') as urban_confirmed,
    (rural_confirmed_at is not null or state = 'accepted') as rural_confirmed
  from intentions where source = 'allocation')`;

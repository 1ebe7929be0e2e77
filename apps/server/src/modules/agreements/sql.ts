import { sql } from 'drizzle-orm';

// SQL that the agreements module publishes for other modules' queries.

/** The number of the round's agreements signed by both sides, amendments left out (the board). */
export const signedAgreementCount = (roundId: number) =>
  sql`(select count(*) from agreements a
    where a.round_id = ${roundId} and a.status = 'signed' and a.amends_id is null)`;

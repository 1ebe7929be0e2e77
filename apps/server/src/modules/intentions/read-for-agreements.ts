import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { intentions } from './schema.ts';

/**
 * The pair and round of an intention, which the agreements module reads to draft the agreement
 * of an accepted intention (it never names the intentions table itself).
 */
export async function intentionParties(db: Db, intentionId: number) {
  const [row] = await db
    .select({
      id: intentions.id,
      roundId: intentions.roundId,
      urbanOrgId: intentions.urbanOrgId,
      ruralOrgId: intentions.ruralOrgId,
    })
    .from(intentions)
    .where(eq(intentions.id, intentionId));
  return row;
}

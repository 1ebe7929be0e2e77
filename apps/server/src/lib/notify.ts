import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';

/** The channel that carries "round N changed" to every server process (R-LIVE-STATUS). */
export const boardChannel = 'board';

/**
 * Queue a board notification inside the caller's transaction: PostgreSQL delivers it on commit
 * and drops it on rollback, so listeners never see a change that did not happen.
 */
export async function notifyBoard(tx: Db, roundId: number) {
  await tx.execute(sql`select pg_notify(${boardChannel}, ${String(roundId)})`);
}

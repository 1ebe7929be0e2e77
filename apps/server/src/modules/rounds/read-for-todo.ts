import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { roundDeadlines } from './read.ts';

// What the rounds module publishes for the to-do list (issue 13 item 2): the rounds whose
// deadlines still concern someone, so that the to-do module never names the rounds table.

export type { RoundDeadlines } from './read.ts';

/** Every round past its draft and not closed: drafts of agreements may outlive the signing. */
export const openRounds = (db: Db) => roundDeadlines(db, sql`state not in ('draft', 'closed')`);

export { orgsBehindQuota, quotaProgress } from './sql.ts';
export { ruralTarget } from './rural.ts';

import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../lib/rows.ts';

/**
 * In-app notifications for many organizations in one statement, inside the caller's transaction
 * (publishing an allocation notifies both sides of ~1,500 pairs at once). `rows` is a query with
 * the columns `org_id`, `title`, `body` and `link`. Answers how many were written.
 */
export async function notifyOrgs(tx: Db, kind: string, createdAt: Date, rows: SQL) {
  const [written] = await queryRows<{ n: number }>(
    tx,
    sql`with written as (
        insert into notifications (org_id, kind, title, body, link, created_at)
        select r.org_id, ${kind}, r.title, r.body, r.link, ${createdAt} from (${rows}) r
        returning 1)
      select count(*)::int as "n" from written`,
  );
  return written.n;
}

import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import type { Scope } from '../../lib/scope.ts';
import { queryRows } from '../rounds/rows.ts';

// Notifications are addressed to the caller's own organization (not its subtree): a district
// admin is reminded of the district's work, not of every unit's. Reading one marks it for every
// user of that organization. Marking as read is not audited: it changes no shared record.

export type NotificationView = {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
};

export async function listNotifications(
  db: Db,
  scope: Scope,
  query: { unread?: boolean; page: number; pageSize: number },
) {
  const filter = query.unread ? sql`and read_at is null` : sql``;
  const items = await queryRows<NotificationView>(
    db,
    sql`select id::int as "id", kind, title, body, link, created_at as "createdAt", read_at as "readAt"
      from notifications where org_id = ${scope.orgId} ${filter}
      order by created_at desc, id desc
      limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
  );
  const [counts] = await queryRows<{ total: number; unread: number }>(
    db,
    sql`select count(*) filter (where true ${filter})::int as "total",
        count(*) filter (where read_at is null)::int as "unread"
      from notifications where org_id = ${scope.orgId}`,
  );
  return {
    items,
    total: counts.total,
    unread: counts.unread,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function unreadCount(db: Db, scope: Scope) {
  const [row] = await queryRows<{ unread: number }>(
    db,
    sql`select count(*)::int as "unread" from notifications where org_id = ${scope.orgId} and read_at is null`,
  );
  return row.unread;
}

/** Mark one as read; another organization's notification is 404. Reading twice keeps the first time. */
export async function markRead(db: Db, scope: Scope, id: number, now: Date) {
  const [row] = await queryRows<NotificationView>(
    db,
    sql`update notifications set read_at = coalesce(read_at, ${now})
      where id = ${id} and org_id = ${scope.orgId}
      returning id::int as "id", kind, title, body, link, created_at as "createdAt", read_at as "readAt"`,
  );
  if (!row) throw notFound('通知不存在');
  return row;
}

export async function markAllRead(db: Db, scope: Scope, now: Date) {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`update notifications set read_at = ${now} where org_id = ${scope.orgId} and read_at is null
      returning id`,
  );
  return rows.length;
}

import { sql } from 'drizzle-orm';
import type { NotificationPage, NotificationView } from '@pairing/shared';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import type { Scope } from '../../lib/scope.ts';
import { isoTime, isoTimeOrNull, queryRows, type RowTime } from '../../lib/rows.ts';
import { hiddenKinds } from './audience.ts';

// Notifications are addressed to the caller's own organization (not its subtree): a district
// admin is reminded of the district's work, not of every unit's. Reading one marks it for every
// user of that organization. Marking as read is not audited: it changes no shared record.
// A role is not shown the kinds whose page it cannot open (audience.ts).

/** The caller's organization's notifications that the caller's role is shown. */
const mine = (scope: Scope) =>
  sql`org_id = ${scope.orgId} and not (kind = any(${sql.param(hiddenKinds(scope.role))}::text[]))`;

type NotificationRow = Omit<NotificationView, 'createdAt' | 'readAt'> & {
  createdAt: RowTime;
  readAt: RowTime | null;
};

/** A notification as the routes answer it: times are ISO strings. */
const present = (row: NotificationRow): NotificationView => ({
  ...row,
  createdAt: isoTime(row.createdAt),
  readAt: isoTimeOrNull(row.readAt),
});

export async function listNotifications(
  db: Db,
  scope: Scope,
  query: { unread?: boolean; page: number; pageSize: number },
): Promise<NotificationPage> {
  const filter = query.unread ? sql`and read_at is null` : sql``;
  const items = await queryRows<NotificationRow>(
    db,
    sql`select id::int as "id", kind, title, body, link, created_at as "createdAt", read_at as "readAt"
      from notifications where ${mine(scope)} ${filter}
      order by created_at desc, id desc
      limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
  );
  const [counts] = await queryRows<{ total: number; unread: number }>(
    db,
    sql`select count(*) filter (where true ${filter})::int as "total",
        count(*) filter (where read_at is null)::int as "unread"
      from notifications where ${mine(scope)}`,
  );
  return {
    items: items.map(present),
    total: counts.total,
    unread: counts.unread,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function unreadCount(db: Db, scope: Scope) {
  const [row] = await queryRows<{ unread: number }>(
    db,
    sql`select count(*)::int as "unread" from notifications where ${mine(scope)} and read_at is null`,
  );
  return row.unread;
}

/** Mark one as read; another organization's notification is 404. Reading twice keeps the first time. */
export async function markRead(
  db: Db,
  scope: Scope,
  id: number,
  now: Date,
): Promise<NotificationView> {
  const [row] = await queryRows<NotificationRow>(
    db,
    sql`update notifications set read_at = coalesce(read_at, ${now})
      where id = ${id} and ${mine(scope)}
      returning id::int as "id", kind, title, body, link, created_at as "createdAt", read_at as "readAt"`,
  );
  if (!row) throw notFound('通知不存在');
  return present(row);
}

export async function markAllRead(db: Db, scope: Scope, now: Date) {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`update notifications set read_at = ${now} where ${mine(scope)} and read_at is null
      returning id`,
  );
  return rows.length;
}

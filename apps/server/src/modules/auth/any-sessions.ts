import type { AnySessionView } from '@pairing/shared';
import { and, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import { containsPattern, offsetOf } from '../../lib/pagination.ts';
import type { Scope } from '../../lib/scope.ts';
import { recordAudit } from '../audit/record.ts';
import { deviceOf } from './device.ts';
import { sessions, users } from './schema.ts';
import { forgetSessions } from './service.ts';
import { orgDirectory, withinScope } from '../orgs/sql.ts';

// Every account's sessions in the caller's scope, the platform administrators' included, for the
// security administrator to end anyone's (issue 16 item 12; security/sessions.ts authorizes). Each
// ending is a `session.ended` record of the security trail, which the audit administrator reads.

export type SessionFilter = { userId?: number; q?: string; page: number; pageSize: number };

const ofAccountsIn = (scope: Scope) => withinScope(sql`${orgDirectory.path}`, scope);

const columns = {
  id: sessions.id,
  userId: users.id,
  username: users.username,
  displayName: users.displayName,
  createdAt: sessions.createdAt,
  lastSeenAt: sessions.lastSeenAt,
  ip: sessions.ip,
  userAgent: sessions.userAgent,
  orgPath: orgDirectory.path,
};

const fromSessions = (db: Db, select: Record<string, unknown>) =>
  db
    .select(select as typeof columns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(orgDirectory, eq(orgDirectory.id, users.orgId));

export async function listAnySessions(db: Db, scope: Scope, filter: SessionFilter) {
  const conditions: SQL[] = [ofAccountsIn(scope)];
  if (filter.userId !== undefined) conditions.push(eq(users.id, filter.userId));
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    conditions.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern))!);
  }
  const where = and(...conditions);
  const [rows, [{ total }]] = await Promise.all([
    fromSessions(db, columns)
      .where(where)
      .orderBy(desc(sessions.lastSeenAt), desc(sessions.id))
      .limit(filter.pageSize)
      .offset(offsetOf(filter.page, filter.pageSize)),
    db
      .select({ total: count() })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .innerJoin(orgDirectory, eq(orgDirectory.id, users.orgId))
      .where(where),
  ]);
  const items: AnySessionView[] = rows.map(({ userAgent, orgPath: _, ...row }) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    device: deviceOf(userAgent),
  }));
  return { items, total, page: filter.page, pageSize: filter.pageSize };
}

/** End anyone's session: its holder is signed out at the next request. */
export async function endAnySession(db: Db, scope: Scope, id: number) {
  await db.transaction(async (tx) => {
    const [session] = await fromSessions(tx, columns)
      .where(and(eq(sessions.id, id), ofAccountsIn(scope)))
      .for('update', { of: sessions });
    if (!session) throw notFound('会话不存在或已结束');
    await tx.delete(sessions).where(eq(sessions.id, id));
    await recordAudit(tx, scope, {
      action: 'session.ended',
      entity: 'session',
      entityId: id,
      scopePath: session.orgPath,
      after: {
        userId: session.userId,
        username: session.username,
        ip: session.ip,
        device: deviceOf(session.userAgent),
        createdAt: session.createdAt.toISOString(),
      },
    });
  });
  forgetSessions();
}

import type { SessionView, SignInView } from '@pairing/shared';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import type { Scope } from '../../lib/scope.ts';
import { deviceOf } from './device.ts';
import { sessions, signIns } from './schema.ts';
import { forgetSessions, tokenHash } from './service.ts';

// The user's own sessions and sign-ins (issue 16 item 12): what he sees to notice a device or a
// place that is not his, and to end it.

const shownSignIns = 20;

export async function listSessions(
  db: Db,
  scope: Scope,
  currentToken: string,
): Promise<SessionView[]> {
  const rows = await db
    .select()
    .from(sessions)
    .where(eq(sessions.userId, scope.userId))
    .orderBy(desc(sessions.lastSeenAt));
  const current = tokenHash(currentToken);
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    ip: row.ip,
    device: deviceOf(row.userAgent),
    current: row.tokenHash === current,
  }));
}

/** End one of the caller's own sessions; another user's is not found. */
export async function endSession(db: Db, scope: Scope, id: number) {
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.id, id), eq(sessions.userId, scope.userId)))
    .returning({ id: sessions.id });
  if (ended.length === 0) throw notFound('会话不存在或已结束');
  forgetSessions();
}

export async function recentSignIns(db: Db, scope: Scope): Promise<SignInView[]> {
  const rows = await db
    .select()
    .from(signIns)
    .where(eq(signIns.userId, scope.userId))
    .orderBy(desc(signIns.at), desc(signIns.id))
    .limit(shownSignIns);
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    ok: row.ok,
    ip: row.ip,
    device: deviceOf(row.userAgent),
  }));
}

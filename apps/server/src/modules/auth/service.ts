import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, unauthorized } from '../../lib/errors.ts';
import type { Scope, SessionUser } from '../../lib/scope.ts';
import { orgDirectory } from '../orgs/sql.ts';
import { lockoutOf, readSecurityPolicy } from './security-policy.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { refuseGuessablePassword, refuseShortPassword } from './password-strength.ts';
import { sessions, signIns, users } from './schema.ts';
import { authSettings } from './settings.ts';
import { clearAttempts, failAttempt, purgeAttempts, takeAttempt } from './throttle.ts';

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

// An unknown name is checked against this hash, so that it takes as long as a known one
// (issue 16 item 6): the answer's time does not tell which names exist.
const dummyHash = hashPassword(randomBytes(16).toString('hex'));

export async function login(
  db: Db,
  clock: Clock,
  input: { username: string; password: string; ip?: string; userAgent?: string },
): Promise<{ token: string; user: SessionUser }> {
  const now = clock.now();
  const source = input.ip ?? 'unknown';
  const policy = await readSecurityPolicy(db);
  const lockout = lockoutOf(policy);
  const attempt = await takeAttempt(db, lockout, input.username, source, now);
  if (!attempt.allowed) throw paused(attempt.blockedUntil, now);
  const [user] = await db.select().from(users).where(eq(users.username, input.username));
  const matches = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password);
  const userAgent = input.userAgent?.slice(0, 400) ?? null;
  if (user) {
    await db
      .insert(signIns)
      .values({ userId: user.id, at: now, ok: matches && !user.disabled, ip: input.ip, userAgent });
  }
  if (!user || !matches) {
    const until = await failAttempt(db, lockout, input.username, source, attempt, now);
    if (until && user) await auditPause(db, user, source, until, lockout.maxFailedAttempts);
    if (until) throw paused(until, now);
    // One answer for an unknown name, a wrong password, a disabled or a locked account.
    throw new AppError(401, 'invalid_credentials', '用户名或密码错误');
  }
  await clearAttempts(db, input.username, source);
  if (user.disabled) throw new AppError(403, 'account_disabled', '账号已停用，请联系管理员');
  const token = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedAttempts: 0, lockedUntil: null })
      .where(eq(users.id, user.id));
    await tx.insert(sessions).values({
      tokenHash: tokenHash(token),
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      ip: input.ip,
      userAgent,
    });
    // Beyond the cap the oldest sessions end (issue 16 item 9): a login flood cannot pile them up.
    await tx.execute(
      sql`delete from sessions where user_id = ${user.id} and token_hash in (
        select token_hash from sessions where user_id = ${user.id}
        order by created_at desc, token_hash offset ${policy.maxSessions})`,
    );
  });
  forgetSessions();
  const sessionUser = await sessionUserById(db, user.id);
  return { token, user: { ...sessionUser, ip: input.ip } };
}

function paused(until: Date | null, now: Date) {
  const minutes = until ? Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000)) : 15;
  return new AppError(
    423,
    'account_locked',
    `密码错误次数过多，本设备已暂停登录此账号，请 ${minutes} 分钟后再试`,
  );
}

/** The account's admins see that a source was paused, and until when, on the users page. */
async function auditPause(
  db: Db,
  user: typeof users.$inferSelect,
  source: string,
  until: Date,
  failures: number,
) {
  await db
    .update(users)
    .set({ failedAttempts: failures, lockedUntil: until })
    .where(eq(users.id, user.id));
  const [org] = await db
    .select({ path: orgDirectory.path })
    .from(orgDirectory)
    .where(eq(orgDirectory.id, user.orgId));
  await recordAudit(db, null, {
    action: 'user.locked',
    entity: 'user',
    entityId: user.id,
    scopePath: org?.path ?? '/',
    after: { username: user.username, source, until: until.toISOString() },
  });
}

/** What a request knows about its caller: the user joined with the org that gives the scope. */
const sessionUserColumns = {
  userId: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  orgId: users.orgId,
  path: orgDirectory.path,
  orgName: orgDirectory.name,
  mustChangePassword: users.mustChangePassword,
};

async function sessionUserById(db: Db, userId: number): Promise<SessionUser> {
  const [row] = await db
    .select(sessionUserColumns)
    .from(users)
    .innerJoin(orgDirectory, eq(orgDirectory.id, users.orgId))
    .where(eq(users.id, userId));
  if (!row) throw unauthorized();
  return row;
}

// The session lookup runs on every signed-in request: a named prepared statement is parsed and
// planned once per connection (node-postgres) instead of once per request.
const lookups = new WeakMap<Db, ReturnType<typeof prepareLookup>>();
const prepareLookup = (db: Db) =>
  db
    .select({
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      disabled: users.disabled,
      ...sessionUserColumns,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(orgDirectory, eq(orgDirectory.id, users.orgId))
    .where(eq(sessions.tokenHash, sql.placeholder('hash')))
    .prepare('session_lookup_v1');

function sessionLookup(db: Db) {
  let lookup = lookups.get(db);
  if (!lookup) lookups.set(db, (lookup = prepareLookup(db)));
  return lookup;
}

type SessionRow = NonNullable<Awaited<ReturnType<ReturnType<typeof prepareLookup>['execute']>>[0]>;

// Signed-in requests come in bursts (the calls of one page, a unit's submissions), so a resolved
// session is reused for `authSettings.sessionCacheMs`. Every write to users or sessions in this
// process clears the cache (`forgetSessions`), so a single server process answers exactly as
// without it; another process sees a logout, a disabled account or a new role within that time.
// The idle and lifetime checks still run on every request.
const sessionCache = new Map<string, { db: Db; row: SessionRow; until: number }>();
const sessionCacheMax = 10_000;

// A lookup that was under way while the cache was cleared may have read the old state: it is not
// cached.
let generation = 0;

/** Call once a write to users or sessions has committed. */
export function forgetSessions() {
  generation += 1;
  sessionCache.clear();
}

async function findSession(db: Db, hashed: string) {
  const now = performance.now();
  const hit = sessionCache.get(hashed);
  if (hit && hit.db === db && hit.until > now) return hit.row;
  const started = generation;
  const [row] = await sessionLookup(db).execute({ hash: hashed });
  if (!row || started !== generation) return row;
  if (sessionCache.size >= sessionCacheMax) {
    for (const [key, entry] of sessionCache) if (entry.until <= now) sessionCache.delete(key);
    if (sessionCache.size >= sessionCacheMax) sessionCache.clear();
  }
  sessionCache.set(hashed, { db, row, until: now + authSettings.sessionCacheMs });
  return row;
}

/**
 * Resolve a cookie token; sessions idle too long or too old are deleted and refused. `lastSeenAt`
 * is written at most once a minute so that reads do not turn every request into a write.
 */
export async function authenticate(
  db: Db,
  clock: Clock,
  token: string,
): Promise<SessionUser | null> {
  const now = clock.now().getTime();
  const hashed = tokenHash(token);
  const row = await findSession(db, hashed);
  if (!row) return null;
  const { createdAt, lastSeenAt, disabled, ...user } = row;
  const idle = now - lastSeenAt.getTime() > authSettings.idleTimeoutMs;
  const old = now - createdAt.getTime() > authSettings.absoluteLifetimeMs;
  if (idle || old) {
    sessionCache.delete(hashed);
    await db.delete(sessions).where(eq(sessions.tokenHash, hashed));
    return null;
  }
  if (disabled) return null;
  if (now - lastSeenAt.getTime() > authSettings.touchIntervalMs) {
    row.lastSeenAt = new Date(now);
    await db
      .update(sessions)
      .set({ lastSeenAt: row.lastSeenAt })
      .where(eq(sessions.tokenHash, hashed));
  }
  return user;
}

export async function logout(db: Db, token: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash(token)));
  forgetSessions();
}

/** Change the caller's password; the caller's other sessions end, `currentToken`'s stays. */
export async function changePassword(
  db: Db,
  scope: Scope,
  input: { oldPassword: string; newPassword: string },
  currentToken: string,
) {
  const [user] = await db.select().from(users).where(eq(users.id, scope.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.oldPassword))) {
    throw new AppError(422, 'validation_failed', '原密码不正确', { oldPassword: '原密码不正确' });
  }
  if (input.oldPassword === input.newPassword) {
    throw new AppError(422, 'validation_failed', '新密码不能与原密码相同', {
      newPassword: '新密码不能与原密码相同',
    });
  }
  refuseShortPassword(input.newPassword, 'newPassword', await readSecurityPolicy(db));
  refuseGuessablePassword(input.newPassword, 'newPassword', [user.username, user.displayName]);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, updatedAt: new Date() })
      .where(eq(users.id, user.id));
    await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, user.id), ne(sessions.tokenHash, tokenHash(currentToken))));
    await recordAudit(tx, scope, {
      action: 'user.password_changed',
      entity: 'user',
      entityId: user.id,
      scopePath: scope.path,
    });
  });
  forgetSessions();
}

/**
 * Delete what no longer counts: sessions past their idle or whole lifetime, and sign-in counts of
 * a source that has neither failed for a day nor is paused (a guesser typing random names would
 * otherwise leave a row for each). Run hourly by the server (`startAuthHousekeeping`).
 */
export async function purgeExpired(db: Db, clock: Clock) {
  const now = clock.now().getTime();
  await db
    .delete(sessions)
    .where(
      or(
        lt(sessions.lastSeenAt, new Date(now - authSettings.idleTimeoutMs)),
        lt(sessions.createdAt, new Date(now - authSettings.absoluteLifetimeMs)),
      ),
    );
  await purgeAttempts(db, new Date(now));
}

export function startAuthHousekeeping(
  db: Db,
  clock: Clock,
  intervalMs: number,
  onError: (err: unknown) => void,
) {
  const timer = setInterval(() => void purgeExpired(db, clock).catch(onError), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

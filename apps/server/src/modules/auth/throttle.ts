import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../lib/rows.ts';
import type { Lockout } from './security-policy.ts';

// Sign-in throttling per account name and source (issue 16 item 1, ASVS 2.2). A try is counted
// before its password is checked, in one statement, so a burst of concurrent guesses checks at
// most `maxFailedAttempts` passwords. The `maxFailedAttempts`-th failure pauses that source for
// that name, doubling each time up to the longest pause; a success clears the source's count.
// The numbers are the security administrator's policy (`Lockout`).

export type Attempt = { attempts: number; blockedUntil: Date | null; blocks: number };

/** Take a try for `username` from `source`; `allowed` is false while the source is paused. */
export async function takeAttempt(
  db: Db,
  lockout: Lockout,
  username: string,
  source: string,
  now: Date,
) {
  const at = now.toISOString();
  const [row] = await queryRows<Attempt>(
    db,
    sql`insert into login_throttle as t (username, source, attempts, blocks, updated_at)
      values (${username}, ${source}, 1, 0, ${at}::timestamptz)
      on conflict (username, source) do update set
        attempts = case when t.blocked_until <= ${at}::timestamptz then 1 else t.attempts + 1 end,
        blocked_until = case when t.blocked_until <= ${at}::timestamptz then null
          else t.blocked_until end,
        updated_at = ${at}::timestamptz
      returning attempts, blocked_until as "blockedUntil", blocks`,
  );
  const attempt = { ...row!, blockedUntil: row!.blockedUntil && new Date(row!.blockedUntil) };
  return { ...attempt, allowed: attempt.attempts <= lockout.maxFailedAttempts };
}

/** How long the `blocks`-th pause lasts (0 = the first). */
export const pauseMs = (lockout: Lockout, blocks: number) =>
  Math.min(lockout.firstPauseMs * 2 ** blocks, lockout.maxPauseMs);

/** After a failed try: pause the source when this was its last allowed one. */
export async function failAttempt(
  db: Db,
  lockout: Lockout,
  username: string,
  source: string,
  attempt: Attempt,
  now: Date,
) {
  if (attempt.attempts < lockout.maxFailedAttempts) return null;
  const until = new Date(now.getTime() + pauseMs(lockout, attempt.blocks));
  await db.execute(
    sql`update login_throttle set blocked_until = ${until.toISOString()}::timestamptz,
        blocks = blocks + 1
      where username = ${username} and source = ${source}`,
  );
  return until;
}

export async function clearAttempts(db: Db, username: string, source: string) {
  await db.execute(
    sql`delete from login_throttle where username = ${username} and source = ${source}`,
  );
}

/** An administrator's unlock (a new one-time password) lifts every pause of the account. */
export async function clearAccount(db: Db, username: string) {
  await db.execute(sql`delete from login_throttle where username = ${username}`);
}

/** Counts of sources that are not paused and have not tried for a day. */
export async function purgeAttempts(db: Db, now: Date) {
  const at = now.toISOString();
  await db.execute(
    sql`delete from login_throttle
      where updated_at < ${at}::timestamptz - interval '1 day'
        and (blocked_until is null or blocked_until < ${at}::timestamptz)`,
  );
}

import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { callers, type Caller } from '../authz.ts';
import type { TestEnv } from '../harness.ts';
import type { Scenario } from '../scenario.ts';
import { sessions, users } from '../../src/modules/auth/schema.ts';
import { forgetSessions, tokenHash } from '../../src/modules/auth/service.ts';
import { authSettings } from '../../src/modules/auth/settings.ts';

export { callers, type Caller };

type Snapshot = typeof users.$inferSelect;

/**
 * The signed-in actors a run calls with. A fuzzed request may sign one out, disable him, reset his
 * password or revoke his session: `restore` puts his account back and gives him a fresh session,
 * so each route is driven as every role again.
 */
export async function actorsOf(env: TestEnv, scenario: Scenario) {
  const snapshots = new Map<number, Snapshot>();
  for (const user of Object.values(scenario.actors)) {
    const [row] = await env.dbh.db.select().from(users).where(eq(users.id, user.id));
    snapshots.set(user.id, row!);
  }
  const cookies = new Map<Caller, string>(
    Object.values(scenario.actors).map((u) => [u.role, u.cookie] as const),
  );

  async function restore() {
    for (const user of Object.values(scenario.actors)) {
      const { id, ...row } = snapshots.get(user.id)!;
      await env.dbh.db.update(users).set(row).where(eq(users.id, id));
      const token = randomBytes(32).toString('base64url');
      const now = env.clock.now();
      await env.dbh.db.insert(sessions).values({
        tokenHash: tokenHash(token),
        userId: id,
        createdAt: now,
        lastSeenAt: now,
        ip: '127.0.0.1',
        userAgent: null,
      });
      cookies.set(user.role, `${authSettings.cookieName}=${token}`);
    }
    forgetSessions();
  }

  return { cookieOf: (caller: Caller) => cookies.get(caller), restore };
}

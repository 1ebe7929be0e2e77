import type { SecurityPolicy } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { securityPolicy } from './schema.ts';
import { authSettings } from './settings.ts';

/** The policy while the security administrator has set none: the rules of issue 16 items 1/7/9. */
export const defaultSecurityPolicy: SecurityPolicy = {
  minPasswordLength: 10,
  maxFailedAttempts: authSettings.maxFailedAttempts,
  firstPauseMinutes: authSettings.lockoutMs / 60_000,
  maxPauseHours: authSettings.maxLockoutMs / 3_600_000,
  maxSessions: authSettings.maxSessions,
};

/** The policy in force and when it was last set (null: never, the defaults hold). */
export async function readSecurityPolicy(db: Db) {
  const [row] = await db.select().from(securityPolicy);
  if (!row) return { ...defaultSecurityPolicy, updatedAt: null };
  const { id: _, updatedBy: __, updatedAt, ...policy } = row;
  return { ...policy, updatedAt };
}

/** The lockout rules sign-in applies, in milliseconds. */
export type Lockout = { maxFailedAttempts: number; firstPauseMs: number; maxPauseMs: number };

export const lockoutOf = (policy: SecurityPolicy): Lockout => ({
  maxFailedAttempts: policy.maxFailedAttempts,
  firstPauseMs: policy.firstPauseMinutes * 60_000,
  maxPauseMs: policy.maxPauseHours * 3_600_000,
});

/**
 * Replace the policy, after locking its row so that concurrent edits queue and each one's
 * `before` is the policy it replaced; answers that `before`.
 */
export async function writeSecurityPolicy(db: Db, input: SecurityPolicy, by: number) {
  await db.execute(sql`select 1 from security_policy where id = 1 for update`);
  const { updatedAt: _, ...before } = await readSecurityPolicy(db);
  const values = { ...input, updatedAt: new Date(), updatedBy: by };
  await db
    .insert(securityPolicy)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: securityPolicy.id, set: values });
  return before;
}

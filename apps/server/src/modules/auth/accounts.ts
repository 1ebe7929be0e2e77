import type { Role } from '@pairing/shared';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { isUniqueViolation } from '../../lib/unique-violation.ts';
import { sessions, users } from './schema.ts';
import { forgetSessions } from './service.ts';
import { clearAccount } from './throttle.ts';

// The writes that administer accounts (the users module, the create-admin command). This module
// owns the users and sessions tables, so the rules that tie them together live here: a disabled
// or reset account loses its sessions in the same transaction, and the session cache is cleared
// once that transaction has committed.

export type NewAccount = {
  username: string;
  displayName: string;
  role: Role;
  orgId: number;
  phone?: string | null;
  /**
   * Of the first password (`hashPassword`, best before the transaction opens, as it is slow); the
   * account must change it at its first sign-in.
   */
  passwordHash: string;
};

export type AccountPatch = { displayName?: string; phone?: string | null; disabled?: boolean };

/** The account writes of one transaction. */
export type Accounts = {
  /** The new account's id; 409 `username_taken` when the name is taken. */
  create(input: NewAccount): Promise<number>;
  /** Disabling ends the account's sessions at once, not at the next idle timeout. */
  update(id: number, patch: AccountPatch): Promise<void>;
  /**
   * A new one-time password: the account must change it, any lockout ends, and whoever held the
   * old password is signed out.
   */
  setOneTimePassword(id: number, passwordHash: string): Promise<void>;
  /** A new role: the account's sessions end, so that it signs in again under the new rights. */
  setRole(id: number, role: Role): Promise<void>;
};

const accountsOn = (tx: Db): Accounts => ({
  async create(input) {
    try {
      const [created] = await tx
        .insert(users)
        .values({
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          orgId: input.orgId,
          phone: input.phone ?? null,
          passwordHash: input.passwordHash,
          mustChangePassword: true,
        })
        .returning({ id: users.id });
      return created.id;
    } catch (err) {
      // The unique constraint decides concurrent creates of one username (DESIGN.md "Data safety").
      if (isUniqueViolation(err, 'users_username_unique')) {
        throw new AppError(409, 'username_taken', '用户名已被占用', { username: '用户名已被占用' });
      }
      throw err;
    }
  },
  async update(id, patch) {
    await tx
      .update(users)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(users.id, id));
    if (patch.disabled) await tx.delete(sessions).where(eq(sessions.userId, id));
  },
  async setOneTimePassword(id, passwordHash) {
    const [user] = await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: true,
        failedAttempts: 0,
        lockedUntil: null,
        updatedAt: new Date(),
      })
      .where(eq(users.id, id))
      .returning({ username: users.username });
    if (user) await clearAccount(tx, user.username);
    await tx.delete(sessions).where(eq(sessions.userId, id));
  },
  async setRole(id, role) {
    await tx.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, id));
    await tx.delete(sessions).where(eq(sessions.userId, id));
  },
});

/**
 * Run `work` in one transaction with the account writes bound to it (reads, checks and the audit
 * record go in the same transaction); once it commits, sessions resolved before are looked up
 * again, so this process answers at once as the accounts now are.
 */
export async function writeAccounts<T>(
  db: Db,
  work: (tx: Db, accounts: Accounts) => Promise<T>,
): Promise<T> {
  const result = await db.transaction((tx) => work(tx, accountsOn(tx)));
  forgetSessions();
  return result;
}

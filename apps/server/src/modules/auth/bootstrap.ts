import type { Role } from '@pairing/shared';
import type { Db } from '../../db/client.ts';
import { users } from './schema.ts';

export type BootstrapAccount = {
  username: string;
  displayName: string;
  role: Role;
  orgId: number;
  passwordHash: string;
};

/**
 * Insert an account from the command line, where no signed-in admin exists yet; it must change
 * its password at first sign-in. Runs inside the caller's transaction (which records the audit).
 * A taken username fails on the `users_username_unique` constraint.
 */
export async function insertBootstrapAccount(tx: Db, account: BootstrapAccount) {
  const [created] = await tx
    .insert(users)
    .values({ ...account, mustChangePassword: true })
    .returning({ id: users.id });
  return created.id;
}

import { platformAdminRoles, type Role } from '@pairing/shared';
import { and, asc, count, eq, ilike, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { containsPattern, offsetOf } from '../../lib/pagination.ts';
import type { Scope } from '../../lib/scope.ts';
import { orgDirectory, withinScope } from '../orgs/sql.ts';
import { users } from './schema.ts';

// The accounts as the users module administers them (its list, details and audit records); the
// password hash and the failed-attempt counter stay inside this module.

/** An account with its org; `orgPath` says whose scope the account lies in. */
export type AccountRow = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgId: number;
  orgName: string;
  orgPath: string;
  phone: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  lockedUntil: Date | null;
  createdAt: Date;
};

export type AccountFilter = {
  /** Part of the username or the display name. */
  q?: string;
  role?: Role;
  /** That org's subtree. */
  orgId?: number;
  disabled?: boolean;
  page: number;
  pageSize: number;
};

const columns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  orgId: users.orgId,
  orgName: orgDirectory.name,
  orgPath: orgDirectory.path,
  phone: users.phone,
  disabled: users.disabled,
  mustChangePassword: users.mustChangePassword,
  lockedUntil: users.lockedUntil,
  createdAt: users.createdAt,
};

// The platform administrators' accounts are kept by the command line alone (三员分立): no
// route lists, reads or changes them.
const inScope = (scope: Scope) =>
  and(
    withinScope(sql`${orgDirectory.path}`, scope),
    notInArray(users.role, [...platformAdminRoles]),
  )!;

/** A page of the accounts inside the caller's scope, by username. */
export async function listAccounts(db: Db, scope: Scope, filter: AccountFilter) {
  const conditions: SQL[] = [inScope(scope)];
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    conditions.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern))!);
  }
  if (filter.role) conditions.push(eq(users.role, filter.role));
  if (filter.disabled !== undefined) conditions.push(eq(users.disabled, filter.disabled));
  // Paths hold only digits and slashes, so the subtree prefix needs no escaping.
  if (filter.orgId !== undefined) {
    conditions.push(
      sql`${orgDirectory.path} like (select o.path from org_directory o where o.id = ${filter.orgId}) || '%'`,
    );
  }
  const where = and(...conditions);
  const [items, [{ total }]] = await Promise.all([
    db
      .select(columns)
      .from(users)
      .innerJoin(orgDirectory, eq(orgDirectory.id, users.orgId))
      .where(where)
      .orderBy(asc(users.username))
      .limit(filter.pageSize)
      .offset(offsetOf(filter.page, filter.pageSize)),
    db
      .select({ total: count() })
      .from(users)
      .innerJoin(orgDirectory, eq(orgDirectory.id, users.orgId))
      .where(where),
  ]);
  return { items, total, page: filter.page, pageSize: filter.pageSize };
}

/**
 * The account if its org lies inside the caller's scope, else undefined; `lock` takes the
 * account's row lock for a write in the same transaction.
 */
export async function findAccount(
  db: Db,
  scope: Scope,
  id: number,
  lock = false,
): Promise<AccountRow | undefined> {
  const query = db
    .select(columns)
    .from(users)
    .innerJoin(orgDirectory, eq(orgDirectory.id, users.orgId))
    .where(and(eq(users.id, id), inScope(scope)));
  const [row] = lock ? await query.for('update', { of: users }) : await query;
  return row;
}

/**
 * Where an account sits and its role, whatever the caller's scope: the people registry links a
 * person to his own `member` account and checks it belongs to his organizations.
 */
export async function accountPlace(
  db: Db,
  id: number,
): Promise<{ id: number; role: Role; orgPath: string; disabled: boolean } | undefined> {
  const [row] = await db
    .select({
      id: users.id,
      role: users.role,
      orgPath: orgDirectory.path,
      disabled: users.disabled,
    })
    .from(users)
    .innerJoin(orgDirectory, eq(orgDirectory.id, users.orgId))
    .where(eq(users.id, id));
  return row;
}

import type { Role } from '@pairing/shared';
import { and, asc, count, eq, ilike, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record.ts';
import { AppError, forbidden, invalid, notFound } from '../../lib/errors.ts';
import { pathPrefix, type Scope } from '../../lib/scope.ts';
import { hashPassword } from '../auth/password.ts';
import { forgetSessions } from '../auth/service.ts';
import { sessions, users } from '../auth/schema.ts';
import { orgs } from '../orgs/schema.ts';
import { containsPattern, offsetOf } from '../../lib/pagination.ts';
import { canManageRole, roleFitsOrg } from './policy.ts';
import { presentUser, type UserView } from './present.ts';
import { temporaryPassword } from './temporary-password.ts';
import { isUniqueViolation } from '../../lib/unique-violation.ts';

export type UserFilter = {
  q?: string;
  role?: Role;
  orgId?: number;
  disabled?: boolean;
  page: number;
  pageSize: number;
};

export type NewUser = {
  username: string;
  displayName: string;
  role: Role;
  orgId: number;
  phone?: string;
};

export type UserPatch = { displayName?: string; phone?: string | null; disabled?: boolean };

const columns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  orgId: users.orgId,
  orgName: orgs.name,
  orgPath: orgs.path,
  phone: users.phone,
  disabled: users.disabled,
  mustChangePassword: users.mustChangePassword,
  lockedUntil: users.lockedUntil,
  createdAt: users.createdAt,
};

const inScope = (scope: Scope) => like(orgs.path, pathPrefix(scope.path));

const view = ({ orgPath: _, ...row }: { orgPath: string } & Parameters<typeof presentUser>[0]) =>
  presentUser(row);

const userNotFound = () => notFound('用户不存在');

export async function listUsers(db: Db, scope: Scope, filter: UserFilter) {
  const conditions: SQL[] = [inScope(scope)];
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    conditions.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern))!);
  }
  if (filter.role) conditions.push(eq(users.role, filter.role));
  if (filter.disabled !== undefined) conditions.push(eq(users.disabled, filter.disabled));
  // The org filter covers that org's subtree; paths hold only digits and slashes, so no escaping.
  if (filter.orgId !== undefined) {
    conditions.push(
      sql`${orgs.path} like (select o.path from orgs o where o.id = ${filter.orgId}) || '%'`,
    );
  }
  const where = and(...conditions);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(columns)
      .from(users)
      .innerJoin(orgs, eq(orgs.id, users.orgId))
      .where(where)
      .orderBy(asc(users.username))
      .limit(filter.pageSize)
      .offset(offsetOf(filter.page, filter.pageSize)),
    db
      .select({ total: count() })
      .from(users)
      .innerJoin(orgs, eq(orgs.id, users.orgId))
      .where(where),
  ]);
  return { items: rows.map(view), total, page: filter.page, pageSize: filter.pageSize };
}

/** The user if its org is inside the caller's scope; `lock` takes a row lock for a write. */
async function findInScope(db: Db, scope: Scope, id: number, lock = false) {
  const query = db
    .select(columns)
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(and(eq(users.id, id), inScope(scope)));
  const [row] = lock ? await query.for('update', { of: users }) : await query;
  if (!row) throw userNotFound();
  return row;
}

export async function getUser(db: Db, scope: Scope, id: number): Promise<UserView> {
  return view(await findInScope(db, scope, id));
}

export async function createUser(db: Db, scope: Scope, input: NewUser) {
  const [org] = await db
    .select({ id: orgs.id, kind: orgs.kind, path: orgs.path })
    .from(orgs)
    .where(and(eq(orgs.id, input.orgId), inScope(scope)));
  if (!org) throw new AppError(404, 'not_found', '组织不存在', { orgId: '组织不存在' });
  if (!canManageRole(scope, input.role)) throw forbidden('无权创建该角色的用户');
  if (!roleFitsOrg(input.role, org.kind)) {
    throw invalid('角色与所属组织类型不符', { role: roleOrgMessage(input.role) });
  }
  const initialPassword = temporaryPassword();
  const passwordHash = await hashPassword(initialPassword);
  try {
    const user = await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(users)
        .values({
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          orgId: org.id,
          phone: input.phone ?? null,
          passwordHash,
          mustChangePassword: true,
        })
        .returning({ id: users.id });
      const after = view(await findInScope(tx, scope, created.id));
      await recordAudit(tx, scope, {
        action: 'user.created',
        entity: 'user',
        entityId: created.id,
        scopePath: org.path,
        after,
      });
      return after;
    });
    return { user, initialPassword };
  } catch (err) {
    // The unique constraint decides concurrent creates of one username (DESIGN.md "Data safety").
    if (isUniqueViolation(err, 'users_username_unique')) {
      throw new AppError(409, 'username_taken', '用户名已被占用', { username: '用户名已被占用' });
    }
    throw err;
  }
}

export async function updateUser(db: Db, scope: Scope, id: number, patch: UserPatch) {
  if (patch.disabled === true && id === scope.userId) {
    throw invalid('不能停用自己的账号', { disabled: '不能停用自己的账号' });
  }
  const updated = await db.transaction(async (tx) => {
    const before = await findInScope(tx, scope, id, true);
    if (!canManageRole(scope, before.role)) throw forbidden('无权管理该角色的用户');
    await tx
      .update(users)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(users.id, id));
    // A disabled account loses its sessions at once, not at the next idle timeout.
    if (patch.disabled) await tx.delete(sessions).where(eq(sessions.userId, id));
    const after = await findInScope(tx, scope, id);
    await recordAudit(tx, scope, {
      action: patch.disabled === undefined ? 'user.updated' : auditDisableAction(patch.disabled),
      entity: 'user',
      entityId: id,
      scopePath: before.orgPath,
      before: view(before),
      after: view(after),
    });
    return view(after);
  });
  forgetSessions();
  return updated;
}

const auditDisableAction = (disabled: boolean) => (disabled ? 'user.disabled' : 'user.enabled');

/** A new one-time password; the account must change it and any lockout ends. */
export async function resetPassword(db: Db, scope: Scope, id: number) {
  const initialPassword = temporaryPassword();
  const passwordHash = await hashPassword(initialPassword);
  await db.transaction(async (tx) => {
    const before = await findInScope(tx, scope, id, true);
    if (!canManageRole(scope, before.role)) throw forbidden('无权管理该角色的用户');
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: true,
        failedAttempts: 0,
        lockedUntil: null,
        updatedAt: new Date(),
      })
      .where(eq(users.id, id));
    // Whoever held the old password must not stay signed in.
    await tx.delete(sessions).where(eq(sessions.userId, id));
    const after = await findInScope(tx, scope, id);
    await recordAudit(tx, scope, {
      action: 'user.password_reset',
      entity: 'user',
      entityId: id,
      scopePath: before.orgPath,
      before: view(before),
      after: view(after),
    });
  });
  forgetSessions();
  return { initialPassword };
}

const roleOrgMessage = (role: Role) =>
  ({
    city_admin: '市级管理员只能属于市',
    district_admin: '区级管理员只能属于区或市委工作党委',
    town_admin: '乡镇管理员只能属于乡镇',
    unit_admin: '单位管理员只能属于城市单位',
    village_admin: '村管理员只能属于村',
    inspector: '',
    member: '',
  })[role];

import type { AuditAction, OrgKind, Role } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { authorize } from '../../lib/policy.ts';
import { queryRows } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { recordAudit } from '../audit/record.ts';
import { writeAccounts, type AccountPatch, type NewAccount } from '../auth/accounts.ts';
import { hashPassword } from '../auth/password.ts';
import { findAccount, listAccounts, type AccountFilter } from '../auth/read.ts';
import { withinScope } from '../orgs/sql.ts';
import { can } from './policy.ts';
import { presentUser, userRecord } from './present.ts';
import { temporaryPasswordFor } from './temporary-password.ts';

export type NewUser = Omit<NewAccount, 'passwordHash' | 'phone'> & { phone?: string };

const userNotFound = () => notFound('用户不存在');

/** The account as it is now, after `action` changed it from `before`, recorded in the audit log. */
async function auditChange(
  tx: Db,
  scope: Scope,
  action: AuditAction,
  before: Awaited<ReturnType<typeof accountInScope>>,
) {
  const after = await accountInScope(tx, scope, before.id);
  await recordAudit(tx, scope, {
    action,
    entity: 'user',
    entityId: before.id,
    scopePath: before.orgPath,
    before: userRecord(before),
    after: userRecord(after),
  });
  return after;
}

export async function listUsers(db: Db, scope: Scope, filter: AccountFilter) {
  authorize(can, scope, 'list');
  const page = await listAccounts(db, scope, filter);
  return { ...page, items: page.items.map((row) => presentUser(scope, row)) };
}

/** The account if its org is inside the caller's scope, else 404. */
async function accountInScope(db: Db, scope: Scope, id: number, lock = false) {
  const row = await findAccount(db, scope, id, lock);
  if (!row) throw userNotFound();
  return row;
}

export async function getUser(db: Db, scope: Scope, id: number) {
  authorize(can, scope, 'read');
  return presentUser(scope, await accountInScope(db, scope, id));
}

export async function createUser(db: Db, scope: Scope, input: NewUser) {
  authorize(can, scope, 'create');
  const [org] = await queryRows<{ kind: OrgKind; path: string }>(
    db,
    sql`select kind, path from org_directory
        where id = ${input.orgId} and ${withinScope(sql`path`, scope)}`,
  );
  if (!org) throw new AppError(404, 'not_found', '组织不存在', { orgId: '组织不存在' });
  authorize(can, scope, 'create', { role: input.role }, '无权创建该角色的用户');
  if (!can(scope, 'create', { role: input.role, orgKind: org.kind })) {
    throw invalid('角色与所属组织类型不符', { role: roleOrgMessage(input.role) });
  }
  const initialPassword = await temporaryPasswordFor(db);
  const passwordHash = await hashPassword(initialPassword);
  const user = await writeAccounts(db, async (tx, accounts) => {
    const id = await accounts.create({ ...input, passwordHash });
    const created = await accountInScope(tx, scope, id);
    await recordAudit(tx, scope, {
      action: 'user.created',
      entity: 'user',
      entityId: id,
      scopePath: org.path,
      after: userRecord(created),
    });
    return presentUser(scope, created);
  });
  return { user, initialPassword };
}

export async function updateUser(db: Db, scope: Scope, id: number, patch: AccountPatch) {
  authorize(can, scope, 'update');
  if (patch.disabled === true && id === scope.userId) {
    throw invalid('不能停用自己的账号', { disabled: '不能停用自己的账号' });
  }
  return writeAccounts(db, async (tx, accounts) => {
    const before = await accountInScope(tx, scope, id, true);
    authorize(can, scope, 'update', before, '无权管理该角色的用户');
    await accounts.update(id, patch);
    const after = await auditChange(
      tx,
      scope,
      patch.disabled === undefined ? 'user.updated' : auditDisableAction(patch.disabled),
      before,
    );
    return presentUser(scope, after);
  });
}

const auditDisableAction = (disabled: boolean) => (disabled ? 'user.disabled' : 'user.enabled');

/** A new one-time password; the account must change it and any lockout ends. */
export async function resetPassword(db: Db, scope: Scope, id: number) {
  authorize(can, scope, 'resetPassword');
  const initialPassword = await temporaryPasswordFor(db);
  const passwordHash = await hashPassword(initialPassword);
  await writeAccounts(db, async (tx, accounts) => {
    const before = await accountInScope(tx, scope, id, true);
    authorize(can, scope, 'resetPassword', before, '无权管理该角色的用户');
    await accounts.setOneTimePassword(id, passwordHash);
    await auditChange(tx, scope, 'user.password_reset', before);
  });
  return { initialPassword };
}

/**
 * Give a business account another business role (the security administrator's, 三员分立); the
 * role must fit the account's org, and the account signs in again under it.
 */
export async function assignRole(db: Db, scope: Scope, id: number, role: Role) {
  authorize(can, scope, 'assignRole');
  return writeAccounts(db, async (tx, accounts) => {
    const before = await accountInScope(tx, scope, id, true);
    authorize(can, scope, 'assignRole', { role }, '不能授予平台管理员角色');
    const [org] = await queryRows<{ kind: OrgKind }>(
      tx,
      sql`select kind from org_directory where id = ${before.orgId}`,
    );
    if (!can(scope, 'assignRole', { role, orgKind: org!.kind })) {
      throw invalid('角色与所属组织类型不符', { role: roleOrgMessage(role) });
    }
    await accounts.setRole(id, role);
    const after = await auditChange(tx, scope, 'user.role_assigned', before);
    return presentUser(scope, after);
  });
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
    system_admin: '',
    security_admin: '',
    audit_admin: '',
  })[role];

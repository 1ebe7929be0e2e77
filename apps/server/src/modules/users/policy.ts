import {
  isPlatformAdmin,
  mayManageRole,
  roleFitsOrg,
  type ActionOf,
  type OrgKind,
  type Role,
} from '@pairing/shared';
import { roleAllows, type Can } from '../../lib/policy.ts';

export type UserAction = ActionOf<'users'>;

/**
 * The account an action concerns: its role and, for a create once the org is known, the kind of
 * that org.
 */
export type UserSubject = { role: Role; orgKind?: OrgKind };

const roleTable = roleAllows('users');

/**
 * Who may administer accounts (docs/roles.md). The role table decides each action; scope limits
 * every allowed role to the accounts under its own org (the queries, 404 outside). On an account:
 * an admin creates and manages roles up to its own rank, never above, and a new account's role
 * must fit its org's kind. Assigning a role (the security administrator's) takes a business role
 * from a business role, fitting the account's org; no route grants a platform administrator's.
 */
export const can: Can<UserAction, UserSubject> = (scope, action, subject) => {
  if (!roleTable(scope, action)) return false;
  if (!subject || action === 'list' || action === 'read') return true;
  if (action === 'assignRole') {
    if (isPlatformAdmin(subject.role)) return false;
    return subject.orgKind === undefined || roleFitsOrg(subject.role, subject.orgKind);
  }
  if (!mayManageRole(scope.role, subject.role)) return false;
  if (action !== 'create' || subject.orgKind === undefined) return true;
  return roleFitsOrg(subject.role, subject.orgKind);
};

import { orgKindsForRole, type OrgKind, type Role } from '@pairing/shared';
import { forbidden } from '../../lib/errors.ts';
import type { Scope } from '../../lib/scope.ts';

export type UserAction = 'list' | 'read' | 'create' | 'update' | 'resetPassword';

/**
 * Who may call each user route at all (docs/roles.md). A role not listed gets 403; a listed role
 * still sees only users whose org lies inside its own org's subtree (out of scope answers 404).
 */
const allowed: Record<UserAction, readonly Role[]> = {
  list: ['city_admin', 'district_admin', 'town_admin', 'inspector'],
  read: ['city_admin', 'district_admin', 'town_admin', 'inspector'],
  create: ['city_admin', 'district_admin', 'town_admin'],
  update: ['city_admin', 'district_admin', 'town_admin'],
  resetPassword: ['city_admin', 'district_admin', 'town_admin'],
};

// Administrative rank: an admin may create or manage roles up to its own rank, never above.
const rank: Record<Role, number> = {
  city_admin: 3,
  district_admin: 2,
  town_admin: 1,
  unit_admin: 0,
  village_admin: 0,
  inspector: 0,
  member: 0,
};

export const can = (actor: Pick<Scope, 'role'>, action: UserAction) =>
  allowed[action].includes(actor.role);

export function authorize(actor: Pick<Scope, 'role'>, action: UserAction) {
  if (!can(actor, action)) throw forbidden();
}

/** Whether `actor` may create or manage a user holding `role` (besides the scope check). */
export const canManageRole = (actor: Pick<Scope, 'role'>, role: Role) =>
  rank[role] <= rank[actor.role] && (role !== 'city_admin' || actor.role === 'city_admin');

export const roleFitsOrg = (role: Role, kind: OrgKind) => {
  const kinds = orgKindsForRole[role];
  return kinds === null || kinds.includes(kind);
};

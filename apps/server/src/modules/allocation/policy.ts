import type { Role } from '@pairing/shared';
import { forbidden } from '../../lib/errors.ts';
import type { Scope } from '../../lib/scope.ts';

// 综合平衡/组织分配 is the city's job (S1 §8): only its admin runs, edits and publishes proposals.
// District admins and inspectors read a proposal within their own subtree (they balance and check
// their units, S1 §9); units state their preferences for their own unit or, from a district or
// working committee, for the units under it.
const rules = {
  run: ['city_admin'],
  edit: ['city_admin'],
  publish: ['city_admin'],
  read: ['city_admin', 'district_admin', 'inspector'],
  configure: ['city_admin'],
  readSettings: ['city_admin', 'district_admin', 'inspector'],
  prefer: ['unit_admin', 'district_admin'],
} satisfies Record<string, Role[]>;

export type AllocationAction = keyof typeof rules;

export const can = (scope: Scope, action: AllocationAction) =>
  (rules[action] as readonly Role[]).includes(scope.role);

/** 403 unless the role may take the action at all; which round and org is checked in SQL. */
export function authorize(scope: Scope, action: AllocationAction) {
  if (!can(scope, action)) throw forbidden();
}

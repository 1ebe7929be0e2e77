import type { Role } from '@pairing/shared';
import { forbidden } from '../../lib/errors.ts';
import type { Scope } from '../../lib/scope.ts';

// Who may do what with rounds, quotas and the needs/resources lists. Scope (which round, which
// org) is checked in the service's queries; this table only answers "may this role ever".
const rules = {
  read: ['city_admin', 'district_admin', 'town_admin', 'unit_admin', 'village_admin', 'inspector'],
  manage: ['city_admin'],
  readQuotas: ['city_admin', 'district_admin', 'inspector'],
  editNeeds: ['city_admin', 'district_admin', 'town_admin', 'village_admin'],
  editResources: ['city_admin', 'district_admin', 'unit_admin'],
  readUncovered: ['city_admin', 'district_admin', 'town_admin', 'inspector'],
} satisfies Record<string, Role[]>;

export type RoundAction = keyof typeof rules;

export const can = (scope: Scope, action: RoundAction) =>
  (rules[action] as readonly Role[]).includes(scope.role);

/** 403 unless the role may take the action at all. */
export function authorize(scope: Scope, action: RoundAction) {
  if (!can(scope, action)) throw forbidden();
}

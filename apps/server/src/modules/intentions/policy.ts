import type { Role } from '@pairing/shared';
import { forbidden } from '../../lib/errors.ts';
import type { Scope } from '../../lib/scope.ts';

// Intentions: the urban side (a unit, or its working committee / district choosing for several
// units, 相对集中) submits and withdraws; the rural side (the village or its town) decides. An
// intention of the city's organizational allocation is confirmed by the urban side too.
const rules = {
  submit: ['unit_admin', 'district_admin'],
  withdraw: ['unit_admin', 'district_admin'],
  confirm: ['unit_admin', 'district_admin'],
  decide: ['village_admin', 'town_admin'],
  read: ['city_admin', 'district_admin', 'town_admin', 'unit_admin', 'village_admin', 'inspector'],
  renew: ['unit_admin', 'district_admin', 'village_admin', 'town_admin'],
} satisfies Record<string, Role[]>;

export type IntentionAction = keyof typeof rules;

export function authorize(scope: Scope, action: IntentionAction) {
  if (!(rules[action] as readonly Role[]).includes(scope.role)) throw forbidden();
}

export const isUrbanRole = (role: Role) => role === 'unit_admin' || role === 'district_admin';

import type { Role } from '@pairing/shared';
import { forbidden } from '../../lib/errors.ts';
import type { Scope } from '../../lib/scope.ts';

export type DirectoryAction =
  'read' | 'write' | 'editDistrictPairs' | 'importUnits' | 'importWeakVillages';

/**
 * Who may call each directory and Excel route at all. A listed role still reaches only orgs whose
 * path lies under its own org (the services filter in SQL; out of scope answers 404). Exports carry
 * full phone numbers so that they re-import, hence they follow the import roles.
 */
const allowed: Record<DirectoryAction, readonly Role[]> = {
  read: [
    'city_admin',
    'district_admin',
    'town_admin',
    'unit_admin',
    'village_admin',
    'inspector',
    'member',
  ],
  write: ['city_admin', 'district_admin', 'town_admin'],
  editDistrictPairs: ['city_admin'],
  importUnits: ['city_admin', 'district_admin'],
  importWeakVillages: ['city_admin', 'district_admin', 'town_admin'],
};

export const can = (role: Role, action: DirectoryAction) => allowed[action].includes(role);

export function authorize(scope: Scope, action: DirectoryAction) {
  if (!can(scope.role, action)) throw forbidden();
}

/** Full contact phones only for the admins of the unit's scope and the unit's own admin. */
export const seesFullPhone = (scope: Scope, org: { id: number }) =>
  can(scope.role, 'write') || (scope.role === 'unit_admin' && scope.orgId === org.id);

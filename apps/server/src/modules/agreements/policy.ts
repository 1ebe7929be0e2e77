// Who may do what with an agreement. Reading follows the scope (either party inside it);
// editing, handing over and signing belong to the authorized users of one side.
import type { AgreementSide as Side, Role } from '@pairing/shared';
import { forbidden } from '../../lib/errors.ts';
import { inScope, type Scope } from '../../lib/scope.ts';

export type Parties = { urbanPath: string; ruralPath: string };

/** Roles that read agreements inside their scope; members read none. */
const readers: readonly Role[] = [
  'city_admin',
  'district_admin',
  'town_admin',
  'unit_admin',
  'village_admin',
  'inspector',
];

export function assertReader(scope: Scope) {
  if (!readers.includes(scope.role)) throw forbidden();
}

/**
 * The side the caller acts for: the urban unit's unit_admin or the district_admin of the district
 * or working committee it hangs under (甲方); the village's village_admin or its town_admin (乙方).
 */
export function sideOf(scope: Scope, parties: Parties): Side | null {
  switch (scope.role) {
    case 'unit_admin':
      return parties.urbanPath === scope.path ? 'urban' : null;
    case 'district_admin':
      return inScope(scope, parties.urbanPath) ? 'urban' : null;
    case 'village_admin':
      return parties.ruralPath === scope.path ? 'rural' : null;
    case 'town_admin':
      return inScope(scope, parties.ruralPath) ? 'rural' : null;
    default:
      return null;
  }
}

export function requireSide(scope: Scope, parties: Parties): Side {
  const side = sideOf(scope, parties);
  if (!side) throw forbidden('只有协议双方的授权管理员可以执行此操作');
  return side;
}

export const otherSide = (side: Side): Side => (side === 'urban' ? 'rural' : 'urban');

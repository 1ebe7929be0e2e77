import type { Role } from '@pairing/shared';
import { forbidden } from '../../lib/errors.ts';
import type { Scope } from '../../lib/scope.ts';

export type AuditAction = 'browse';

/** Who may read the audit log (docs/roles.md); each sees only records inside its own scope. */
const allowed: Record<AuditAction, readonly Role[]> = {
  browse: ['city_admin', 'district_admin', 'town_admin', 'inspector'],
};

export const can = (actor: Pick<Scope, 'role'>, action: AuditAction) =>
  allowed[action].includes(actor.role);

export function authorize(actor: Pick<Scope, 'role'>, action: AuditAction) {
  if (!can(actor, action)) throw forbidden();
}

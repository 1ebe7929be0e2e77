import { roleAllows, type Can } from '../../lib/policy.ts';

export type AuditAction = 'browse';

/** Who may read the audit log (docs/roles.md); each sees only records inside its own scope. */
export const can: Can<AuditAction> = roleAllows('audit');

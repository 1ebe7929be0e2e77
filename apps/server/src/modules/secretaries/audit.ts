// The audit record of every secretaries write, in the write's transaction. Pay amounts are not
// personal numbers; the person is named by id only (the registry keeps name and numbers).
import type { AuditAction } from '@pairing/shared';
import type { Db } from '../../db/client.ts';
import type { Scope } from '../../lib/scope.ts';
import { recordAudit } from '../audit/record.ts';

export const recordSecretaryAudit = (
  tx: Db,
  scope: Scope,
  change: {
    action: AuditAction;
    entity: 'secretary_term' | 'secretary_assessment' | 'secretary_parameters';
    entityId: number | string;
    /** The village's path (a term, an assessment) or the city's (parameters). */
    scopePath: string;
    before?: unknown;
    after: unknown;
  },
) => recordAudit(tx, scope, change);

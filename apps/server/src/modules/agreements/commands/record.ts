// The audit record every write on an agreement leaves, in the write's own transaction.
import type { AuditAction } from '@pairing/shared';
import type { Db } from '../../../db/client.ts';
import type { Scope } from '../../../lib/scope.ts';
import { recordAudit } from '../../audit/record.ts';
import type { Parties } from '../policy.ts';
import type { agreements } from '../schema.ts';

/** Deepest org path containing both parties: the audit record belongs to the pair as a whole. */
function pairPath(parties: Parties) {
  const a = parties.urbanPath.split('/');
  const b = parties.ruralPath.split('/');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i).join('/') + '/';
}

/** The columns an audit record keeps of an agreement's state. */
export const auditView = (a: typeof agreements.$inferSelect) => ({
  status: a.status,
  pen: a.pen,
  version: a.version,
  urbanSignedAt: a.urbanSignedAt,
  ruralSignedAt: a.ruralSignedAt,
});

export function recordAgreementChange(
  tx: Db,
  actor: Scope | null,
  change: { action: AuditAction; id: number; parties: Parties; before?: unknown; after: unknown },
) {
  return recordAudit(tx, actor, {
    action: change.action,
    entity: 'agreement',
    entityId: change.id,
    scopePath: pairPath(change.parties),
    before: change.before,
    after: change.after,
  });
}

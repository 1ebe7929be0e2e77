import type { Db } from '../../../db/client.ts';
import type { Scope } from '../../../lib/scope.ts';
import { recordAudit } from '../../audit/record.ts';
import type { EvidenceRecord } from './record-access.ts';

/** Deepest org path holding both parties: the change belongs to the pair as a whole. */
function pairPath(record: Pick<EvidenceRecord, 'urbanPath' | 'ruralPath'>) {
  const a = record.urbanPath.split('/');
  const b = record.ruralPath.split('/');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i).join('/') + '/';
}

/** The audit record of adding or removing a record's evidence, in the write's transaction. */
export function auditEvidence(
  tx: Db,
  scope: Scope,
  change: {
    action: 'ledger.evidence.attach' | 'ledger.evidence.detach';
    record: EvidenceRecord;
    file: unknown;
  },
) {
  return recordAudit(tx, scope, {
    action: change.action,
    entity: 'ledger_record',
    entityId: change.record.id,
    scopePath: pairPath(change.record),
    ...(change.action === 'ledger.evidence.attach'
      ? { after: change.file }
      : { before: change.file }),
  });
}

// The audit records of check-ins, in the write's own transaction. They belong to the pair as a
// whole (the deepest org path holding both parties), as the agreement's records do.
import type { Db } from '../../../db/client.ts';
import type { Scope } from '../../../lib/scope.ts';
import { recordAudit } from '../../audit/record.ts';
import type { PairingRow } from '../access.ts';

function pairPath({ urbanPath, ruralPath }: Pick<PairingRow, 'urbanPath' | 'ruralPath'>) {
  const a = urbanPath.split('/');
  const b = ruralPath.split('/');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i).join('/') + '/';
}

export function recordCheckinAudit(
  tx: Db,
  actor: Scope | null,
  entry: { action: string; recordId: number; pairing: PairingRow; after: unknown },
) {
  return recordAudit(tx, actor, {
    action: entry.action,
    entity: 'ledger_record',
    entityId: entry.recordId,
    scopePath: pairPath(entry.pairing),
    after: entry.after,
  });
}

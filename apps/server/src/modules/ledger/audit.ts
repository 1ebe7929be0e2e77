// The audit record every ledger write leaves, in the write's own transaction. Names of people
// (roster entries, others present) are personal data: the record keeps ids and a masked name.
import type { AuditAction } from '@pairing/shared';
import type { Db } from '../../db/client.ts';
import type { Scope } from '../../lib/scope.ts';
import { recordAudit } from '../audit/record.ts';
import type { PairingSubject } from './policy.ts';

/** Deepest org path containing both parties: the audit record belongs to the pair as a whole. */
function pairPath(parties: PairingSubject) {
  const a = parties.urbanPath.split('/');
  const b = parties.ruralPath.split('/');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i).join('/') + '/';
}

/** 王建国 → 王**: enough for the people who know the roster, nothing for anyone else. */
export const maskName = (name: string) =>
  name.length <= 1 ? '*' : `${[...name][0]}${'*'.repeat([...name].length - 1)}`;

/** `scope` is null for a participant's check-in, which no one signs in for. */
export function recordLedgerAudit(
  tx: Db,
  scope: Scope | null,
  change: {
    action: AuditAction;
    entity: 'ledger_record' | 'pairing_roster' | 'pairing_profile';
    entityId: number;
    pairing: PairingSubject;
    before?: unknown;
    after: unknown;
  },
) {
  return recordAudit(tx, scope, {
    action: change.action,
    entity: change.entity,
    entityId: change.entityId,
    scopePath: pairPath(change.pairing),
    before: change.before ?? null,
    after: change.after,
  });
}

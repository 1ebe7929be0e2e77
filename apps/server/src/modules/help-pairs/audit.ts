// The audit record every "1+2" write leaves, in the write's own transaction. People appear by
// their registry ids only (no names, numbers or free text: personal data stays in the registry).
import type { AuditAction } from '@pairing/shared';
import type { Db } from '../../db/client.ts';
import type { Scope } from '../../lib/scope.ts';
import { recordAudit } from '../audit/record.ts';
import type { PairingSubject } from './policy.ts';

/** Deepest org path containing both parties: the record belongs to the pairing as a whole. */
function pairPath(parties: PairingSubject) {
  const a = parties.urbanPath.split('/');
  const b = parties.ruralPath.split('/');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i).join('/') + '/';
}

export function recordHelpAudit(
  tx: Db,
  scope: Scope,
  change: {
    action: Extract<AuditAction, `helpPair.${string}`>;
    entity: 'help_pair' | 'help_record';
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

// The audit record every care write leaves, in the write's own transaction. A case is personal
// data: the record keeps ids, codes, dates and amounts; free text only as its length, the name of
// a person who helped masked. It belongs to the person's home organization.
import type { AuditAction } from '@pairing/shared';
import type { Db } from '../../db/client.ts';
import type { Scope } from '../../lib/scope.ts';
import { recordAudit } from '../audit/record.ts';

/** 王建国 → 王**. */
export const maskName = (name: string) =>
  name === '' ? '' : `${[...name][0]}${'*'.repeat([...name].length - 1)}`;

/** A free text as the audit keeps it: how long it was, not what it said. */
export const textLength = (text: string) => ({ chars: [...text].length });

export function recordCareAudit(
  tx: Db,
  scope: Scope,
  change: {
    action: AuditAction;
    caseId: number;
    homePath: string;
    before?: unknown;
    after: unknown;
  },
) {
  return recordAudit(tx, scope, {
    action: change.action,
    entity: 'care_case',
    entityId: change.caseId,
    scopePath: change.homePath,
    before: change.before ?? null,
    after: change.after,
  });
}

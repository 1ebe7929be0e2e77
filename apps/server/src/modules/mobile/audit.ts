// The audit record of every mobile-member write, in the write's transaction. It names the member
// by id and certificate number, never by name or personal number. A record about both sides (a
// flow-out, a receipt, a query and its answer) is filed under the path both orgs lie under, so the
// admins above either side can read it; one about the home side alone under the home org.
import type { AuditAction } from '@pairing/shared';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import type { Scope } from '../../lib/scope.ts';
import { recordAudit } from '../audit/record.ts';
import { sharedPath, type MemberRow } from './access.ts';

export function recordMobileAudit(
  tx: Db,
  scope: Scope,
  member: Pick<MemberRow, 'id' | 'outflowPath' | 'inflowPath' | 'certificateNumber'>,
  change: {
    action: AuditAction;
    bothSides: boolean;
    query?: number;
    before?: unknown;
    after: Record<string, unknown>;
  },
) {
  return recordAudit(tx, scope, {
    action: change.action,
    entity: change.query === undefined ? 'mobile_member' : 'mobile_query',
    entityId: change.query ?? member.id,
    scopePath: change.bothSides
      ? sharedPath(member.outflowPath, member.inflowPath)
      : member.outflowPath,
    before: change.before ?? null,
    after: { memberId: member.id, certificateNumber: member.certificateNumber, ...change.after },
  });
}

/** A repeated idempotent create: the transaction rolls back and the first answer is replayed. */
export const replayed = () =>
  new AppError(409, 'idempotent_replay', '该请求已处理，将返回首次的结果');

import type { LedgerSide, RecordState } from '@pairing/shared';
import { roleMay } from '@pairing/shared';
import { AppError, conflict, forbidden } from '../../../lib/errors.ts';
import type { Can } from '../../../lib/policy.ts';
import { inScope, type Scope } from '../../../lib/scope.ts';
import { sideOf, type Parties } from '../../agreements/policy.ts';

// Who may read, add and remove a record's evidence. Reading follows the record (either party in
// scope). Evidence belongs to the side that recorded: its unit or district / working committee,
// or its village or town (`sideOf`), and only while the other side has not yet accepted it:
// - attach: while the record is pending and does not count yet, or disputed (the recorder may
//   answer an objection with proof before the town or district settles it);
// - detach: only while pending and not counting, so what the other side objected to, or what
//   a record counted with, stays as it was.

export type EvidenceAction = 'read' | 'attach' | 'detach';

export type EvidenceSubject = Parties & {
  side: LedgerSide;
  state: RecordState;
  /** Whether the record counts today (counts_from on or before today). */
  counts: boolean;
};

export function refusal(
  scope: Scope,
  action: EvidenceAction,
  subject?: EvidenceSubject,
): AppError | null {
  if (!roleMay(scope.role, 'ledger', 'read')) return forbidden();
  if (action === 'read')
    return !subject || inScope(scope, subject.urbanPath) || inScope(scope, subject.ruralPath)
      ? null
      : forbidden();
  const notRecorder = forbidden('只有记录方的授权管理员可以更改证明材料');
  if (!roleMay(scope.role, 'ledger', 'record')) return notRecorder;
  if (!subject) return null;
  if (sideOf(scope, subject) !== subject.side) return notRecorder;
  const open = subject.state === 'pending' && !subject.counts;
  if (open || (action === 'attach' && subject.state === 'disputed')) return null;
  return conflict(
    'evidence_locked',
    action === 'attach'
      ? '记录已确认、已计入或已撤回，不能再添加证明材料'
      : '只有尚未计入的待确认记录可以删除证明材料',
  );
}

export const can: Can<EvidenceAction, EvidenceSubject> = (scope, action, subject) =>
  refusal(scope, action, subject) === null;

/** Throw the refusal, if any (403 for who may never, 409 for what the record's state forbids). */
export function ensure(scope: Scope, action: EvidenceAction, subject?: EvidenceSubject) {
  const refused = refusal(scope, action, subject);
  if (refused) throw refused;
}

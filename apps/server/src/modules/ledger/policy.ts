// Who may do what in the term's ledger (issue 12). Reading follows the scope (either party inside
// it). Recording, confirming and objecting belong to the two sides as agreements define them;
// settling a dispute belongs to the admins above the village; the roster is the unit's.
import { roleMay, type LedgerSide, type RecordState, type RecordType } from '@pairing/shared';
import { AppError, conflict, forbidden } from '../../lib/errors.ts';
import type { Can } from '../../lib/policy.ts';
import { inScope, type Scope } from '../../lib/scope.ts';
import { otherSide, sideOf } from '../agreements/policy.ts';

export type LedgerAction =
  | 'read'
  | 'record'
  | 'manageRoster'
  | 'export'
  | 'confirm'
  | 'object'
  | 'settle'
  | 'withdraw'
  | 'attach'
  | 'rollup';

/** The two parties' org paths. */
export type PairingSubject = { urbanPath: string; ruralPath: string };

export type RecordSubject = PairingSubject & {
  /** The side that entered the record. */
  side: LedgerSide;
  state: RecordState;
  /** Whether it counts today (a counted record can no longer be objected to or withdrawn). */
  counts: boolean;
};

const isRecord = (s: PairingSubject | RecordSubject): s is RecordSubject => 'state' in s;

/** The side the caller records for in this pairing, or null (agreements' `sideOf`). */
export const ledgerSideOf = (scope: Scope, subject: PairingSubject): LedgerSide | null =>
  sideOf(scope, subject);

const notAParty = () => forbidden('只有结对双方的授权管理员可以执行此操作');
const notPending = () => conflict('record_not_pending', '该记录已确认、有异议或已撤回，不能再操作');
const alreadyCounts = () =>
  conflict('record_counts', '该记录已满 14 天无异议并计入台账，不能再提出异议或撤回');

/**
 * Why the caller may not take `action`, or null when it may: 403 for who may never act, 409 for
 * what the record's state does not allow now. Without a subject only the role is asked.
 */
export function refusal(
  scope: Scope,
  action: LedgerAction,
  subject?: PairingSubject | RecordSubject,
): AppError | null {
  if (!roleMay(scope.role, 'ledger', 'read')) return forbidden();
  const visible =
    !subject || inScope(scope, subject.urbanPath) || inScope(scope, subject.ruralPath);
  if (!visible) return forbidden();
  switch (action) {
    case 'read':
      return null;
    case 'export':
      return roleMay(scope.role, 'ledger', 'export') ? null : forbidden();
    case 'rollup':
      return roleMay(scope.role, 'ledger', 'rollup') ? null : forbidden();
    case 'record':
      if (!roleMay(scope.role, 'ledger', 'record')) return notAParty();
      return !subject || ledgerSideOf(scope, subject) ? null : notAParty();
    case 'manageRoster':
      if (!roleMay(scope.role, 'ledger', 'manageRoster')) return forbidden();
      return !subject || ledgerSideOf(scope, subject) === 'urban'
        ? null
        : forbidden('领导班子名单由结对单位维护');
    case 'settle':
      if (!roleMay(scope.role, 'ledger', 'settle')) return forbidden();
      if (!subject) return null;
      if (!inScope(scope, subject.ruralPath))
        return forbidden('只有结对村所在镇、区的管理员可以裁定');
      if (!isRecord(subject)) return null;
      return subject.state === 'disputed'
        ? null
        : conflict('record_not_disputed', '只有有异议的记录需要裁定');
    case 'confirm':
    case 'object': {
      if (!roleMay(scope.role, 'ledger', 'confirm')) return notAParty();
      if (!subject) return null;
      if (!isRecord(subject)) return ledgerSideOf(scope, subject) ? null : notAParty();
      if (ledgerSideOf(scope, subject) !== otherSide(subject.side)) {
        return forbidden('记录须由对方确认或提出异议');
      }
      if (subject.state !== 'pending') return notPending();
      return action === 'object' && subject.counts ? alreadyCounts() : null;
    }
    case 'withdraw':
    case 'attach': {
      if (!roleMay(scope.role, 'ledger', 'record')) return notAParty();
      if (!subject) return null;
      if (!isRecord(subject)) return ledgerSideOf(scope, subject) ? null : notAParty();
      if (ledgerSideOf(scope, subject) !== subject.side) {
        return forbidden('只能撤回或补充本方记录');
      }
      if (subject.state !== 'pending') return notPending();
      return subject.counts ? alreadyCounts() : null;
    }
  }
}

/** Project progress and acceptance (验收) are recorded by the village and its town (issue 12 item 3). */
export function recordTypeRefusal(side: LedgerSide, type: RecordType): AppError | null {
  return (type === 'progress' || type === 'acceptance') && side !== 'rural'
    ? forbidden('项目进度和验收由结对村及其所在镇记录')
    : null;
}

export const can: Can<LedgerAction, PairingSubject | RecordSubject> = (scope, action, subject) =>
  refusal(scope, action, subject) === null;

/** Throw the refusal, if any (403 or 409). */
export function ensure(
  scope: Scope,
  action: LedgerAction,
  subject?: PairingSubject | RecordSubject,
) {
  const refused = refusal(scope, action, subject);
  if (refused) throw refused;
}

// Who may do what with an agreement. Reading follows the scope (either party inside it);
// editing, handing over, signing and amending belong to the authorized users of one side, each
// when the agreement's state allows it.
import {
  roleMay,
  type RoundState,
  type AgreementAbility,
  type AgreementSide as Side,
  type AgreementSummary,
} from '@pairing/shared';
import { AppError, conflict, forbidden } from '../../lib/errors.ts';
import type { Can } from '../../lib/policy.ts';
import { inScope, type Scope } from '../../lib/scope.ts';

/** The abilities presented to the web, plus reading and seeing the parties' full phones. */
export type AgreementAction = 'read' | 'readContacts' | AgreementAbility;

export type Parties = { urbanPath: string; ruralPath: string };

export type AgreementSubject = Parties & {
  status: AgreementSummary['status'];
  /** The side holding the pen: only it edits and hands over. */
  pen: Side;
  /** Whether each side has signed the current version. */
  signed: Record<Side, boolean>;
  roundState: RoundState;
  /** A 补充协议: signed while the round is in force, not only in its signing stage. */
  amendment: boolean;
};

/**
 * R-DEADLINE-SIGN: an agreement is signed in its round's signing stage, an amendment while the
 * round is in force. (The deadline itself is checked by the signing, which knows the time.)
 */
function signingStageRefusal(subject: AgreementSubject): AppError | null {
  if (!subject.amendment) {
    return subject.roundState === 'signing'
      ? null
      : conflict('round_not_signing', '本轮尚未进入协议签订阶段或已结束签订');
  }
  return subject.roundState === 'signing' || subject.roundState === 'in_force'
    ? null
    : conflict('round_not_in_force', '本轮不在实施期，不能签署补充协议');
}

/**
 * The side the caller acts for: the urban unit's unit_admin or the district_admin of the district
 * or working committee it hangs under (甲方); the village's village_admin or its town_admin (乙方).
 */
export function sideOf(scope: Scope, parties: Parties): Side | null {
  switch (scope.role) {
    case 'unit_admin':
      return parties.urbanPath === scope.path ? 'urban' : null;
    case 'district_admin':
      return inScope(scope, parties.urbanPath) ? 'urban' : null;
    case 'village_admin':
      return parties.ruralPath === scope.path ? 'rural' : null;
    case 'town_admin':
      return inScope(scope, parties.ruralPath) ? 'rural' : null;
    default:
      return null;
  }
}

export const otherSide = (side: Side): Side => (side === 'urban' ? 'rural' : 'urban');

const signedConflict = () =>
  conflict('agreement_signed', '协议已由双方签署，不能再修改；如需变更请提出补充协议');

/**
 * Why the caller may not take `action` on the agreement, or null when it may. The rules are
 * written here once, so the abilities the web is shown and the refusals the writes answer agree:
 * 403 for who may never act, 409 for what the agreement's state does not allow now. Without a
 * subject only the role is asked (the role table of packages/shared).
 */
export function refusal(
  scope: Scope,
  action: AgreementAction,
  subject?: AgreementSubject,
): AppError | null {
  if (!roleMay(scope.role, 'agreements', 'read')) return forbidden();
  if (action === 'read') {
    const visible =
      !subject || inScope(scope, subject.urbanPath) || inScope(scope, subject.ruralPath);
    return visible ? null : forbidden();
  }
  // Phones are personal data: full to the two sides, masked to everyone else (DESIGN.md).
  const notAParty = forbidden('只有协议双方的授权管理员可以执行此操作');
  if (action !== 'readContacts' && !roleMay(scope.role, 'agreements', action)) return notAParty;
  if (!subject) return null;
  const side = sideOf(scope, subject);
  if (!side) return notAParty;
  switch (action) {
    case 'readContacts':
      return null;
    case 'edit':
      if (subject.status === 'signed') return signedConflict();
      return subject.pen === side
        ? null
        : conflict('not_your_turn', '协议正由对方编辑，请等对方交回后再修改');
    case 'handOver':
      if (subject.status === 'signed') return signedConflict();
      return subject.pen === side ? null : conflict('not_your_turn', '协议正由对方编辑，无需交回');
    case 'sign':
      if (subject.status === 'signed') return signedConflict();
      if (subject.signed[side]) return conflict('already_signed', '本方已签署，等待对方签署');
      return signingStageRefusal(subject);
    case 'amend':
      return subject.status === 'signed'
        ? null
        : conflict('agreement_not_signed', '协议尚未签署，请直接修改协议草稿');
  }
}

export const can: Can<AgreementAction, AgreementSubject> = (scope, action, subject) =>
  refusal(scope, action, subject) === null;

/** Throw the refusal, if any: the status and message the write answers (403 or 409). */
export function ensure(scope: Scope, action: AgreementAction, subject?: AgreementSubject) {
  const refused = refusal(scope, action, subject);
  if (refused) throw refused;
}

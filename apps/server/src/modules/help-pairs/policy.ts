// Who may do what with "1+2" pairs (R-ONE-PLUS-TWO). The role table (packages/shared
// `roleRules.helpPairs`) says which roles may ever act; here the side of the pairing the caller
// is on (agreements' `sideOf`: the unit or its district / working committee, the village or its
// town), whether a `member` is the pair's cadre, and the pair's state decide the rest.
import { roleMay, type HelpPairState } from '@pairing/shared';
import { AppError, conflict, forbidden } from '../../lib/errors.ts';
import type { Can } from '../../lib/policy.ts';
import { inScope, type Scope } from '../../lib/scope.ts';
import { sideOf } from '../agreements/policy.ts';

export type HelpPairsAction =
  | 'read'
  | 'readPairing'
  | 'coverage'
  | 'propose'
  | 'assign'
  | 'plan'
  | 'record'
  | 'attach'
  | 'conclude'
  | 'withdraw';

/** The pairing's two parties' org paths. */
export type PairingSubject = { urbanPath: string; ruralPath: string };

export type PairSubject = PairingSubject & {
  state: HelpPairState;
  /** The user id of the cadre's own account, if the pair has a cadre with one. */
  cadreUserId: number | null;
  hasPlan: boolean;
};

const isPair = (s: PairingSubject | PairSubject): s is PairSubject => 'state' in s;

/** A `member` acting for himself: the cadre of this pair. */
const isOwnPair = (scope: Scope, s: PairingSubject | PairSubject) =>
  scope.role === 'member' && isPair(s) && s.cadreUserId === scope.userId;

const notAParty = () => forbidden('只有结对双方的授权管理员可以执行此操作');
const notProposed = () =>
  conflict('help_pair_not_proposed', '该帮带对象已安排干部、已结束或已撤销，不能再安排');
const notAssigned = () =>
  conflict('help_pair_not_assigned', '只有已安排干部、尚未结束的帮带可以执行此操作');
const closed = () => conflict('help_pair_closed', '该帮带已结束或已撤销');

/**
 * Why the caller may not take `action`, or null when it may: 403 for who may never act, 409 for
 * what the pair's state does not allow now. Without a subject only the role is asked.
 */
export function refusal(
  scope: Scope,
  action: HelpPairsAction,
  subject?: PairingSubject | PairSubject,
): AppError | null {
  const may = (a: 'read' | 'propose' | 'assign' | 'plan' | 'record' | 'conclude' | 'coverage') =>
    roleMay(scope.role, 'helpPairs', a);
  if (!may('read')) return forbidden();
  if (subject) {
    const visible =
      scope.role === 'member'
        ? isOwnPair(scope, subject)
        : inScope(scope, subject.urbanPath) || inScope(scope, subject.ruralPath);
    if (!visible) return forbidden();
  }
  const side = subject ? sideOf(scope, subject) : null;
  const state = subject && isPair(subject) ? subject.state : null;
  switch (action) {
    case 'read':
      return null;
    // A pairing's overview and candidates are for the organizations, not a member.
    case 'readPairing':
      return scope.role === 'member' ? forbidden() : null;
    case 'coverage':
      return may('coverage') ? null : forbidden();
    case 'propose':
      if (!may('propose')) return notAParty();
      return !subject || side === 'rural' ? null : forbidden('由结对村或其所在镇提名帮带对象');
    case 'assign':
    case 'plan':
    case 'conclude': {
      if (!may(action)) return notAParty();
      if (!subject) return null;
      if (side !== 'urban') return forbidden('由结对单位或其上级党委安排干部、制定方案和结束帮带');
      if (state === null) return null;
      if (action === 'assign') return state === 'proposed' ? null : notProposed();
      if (state !== 'assigned') return notAssigned();
      if (action === 'conclude' && isPair(subject) && !subject.hasPlan)
        return conflict('help_pair_no_plan', '请先制定脱困致富方案，再结束帮带');
      return null;
    }
    case 'record':
    case 'attach':
      if (!may('record')) return notAParty();
      if (!subject) return null;
      if (!side && !isOwnPair(scope, subject)) return notAParty();
      return state === null || state === 'assigned' ? null : notAssigned();
    case 'withdraw': {
      // The village withdraws its proposal; the unit declines a proposal or ends an assigned pair.
      if (!may('propose') && !may('assign')) return notAParty();
      if (!subject) return null;
      const mayRural = side === 'rural' && may('propose');
      const mayUrban = side === 'urban' && may('assign');
      if (!mayRural && !mayUrban) return notAParty();
      if (state === 'proposed' || state === null) return null;
      if (state === 'assigned')
        return mayUrban ? null : forbidden('已安排干部的帮带由结对单位撤销');
      return closed();
    }
  }
}

export const can: Can<HelpPairsAction, PairingSubject | PairSubject> = (scope, action, subject) =>
  refusal(scope, action, subject) === null;

/** Throw the refusal, if any (403 or 409). */
export function ensure(
  scope: Scope,
  action: HelpPairsAction,
  subject?: PairingSubject | PairSubject,
) {
  const refused = refusal(scope, action, subject);
  if (refused) throw refused;
}

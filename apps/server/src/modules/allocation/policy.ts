import type {
  ActionOf,
  AllocationPairStatus,
  AllocationRunStatus,
  RoundState,
} from '@pairing/shared';
import type { AppError } from '../../lib/errors.ts';
import { roleAllows, type Can } from '../../lib/policy.ts';
import { pairRemoved, roundNotBalancing, runNotProposed, settingsFrozen } from './errors.ts';

// 综合平衡/组织分配 is the city's job (S1 §8); who may take which action is the `allocation` table
// of `roleRules` (packages/shared). Which round and which orgs lie in the caller's scope is
// decided in the queries (out of scope answers 404); this file adds what the state allows.

export type AllocationAction = ActionOf<'allocation'>;

/**
 * What the rules read beyond the role: the round's state, and for an action on a proposal its
 * run's status and, on one pair, the pair's status.
 */
export type AllocationSubject = {
  roundState: RoundState;
  runStatus?: AllocationRunStatus;
  pairStatus?: AllocationPairStatus;
};

/** Until signing starts, weights and preferences may still change (they shape the next run). */
const configurable: readonly RoundState[] = ['draft', 'intentions_open', 'balancing'];

/**
 * The state rule that `action` on `subject` breaks, as the 409 the route answers, or null. Runs,
 * edits and publishing happen while the round is in balancing, on the proposal under review, on
 * a pair that was not removed.
 */
export function refusal(action: AllocationAction, subject: AllocationSubject): AppError | null {
  switch (action) {
    case 'run':
    case 'edit':
    case 'publish':
      if (subject.roundState !== 'balancing') return roundNotBalancing(subject.roundState);
      if (subject.runStatus !== undefined && subject.runStatus !== 'proposed')
        return runNotProposed();
      if (subject.pairStatus === 'removed') return pairRemoved();
      return null;
    case 'configure':
    case 'prefer':
      return configurable.includes(subject.roundState) ? null : settingsFrozen();
    default:
      return null;
  }
}

const roleMay = roleAllows('allocation');

/** The role may take the action and, given a subject, its state allows it now. */
export const can: Can<AllocationAction, AllocationSubject> = (scope, action, subject) =>
  roleMay(scope, action) && (subject === undefined || refusal(action, subject) === null);

/**
 * Throws the 409 of `refusal`. Services first authorize the role (403), then read the round and
 * run inside the caller's scope (404), then call this: the statuses stay in that order.
 */
export function ensureState(action: AllocationAction, subject: AllocationSubject) {
  const refused = refusal(action, subject);
  if (refused) throw refused;
}

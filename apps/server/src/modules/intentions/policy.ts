import type { ActionOf, IntentionSource, IntentionState, Role, RoundState } from '@pairing/shared';
import type { AppError } from '../../lib/errors.ts';
import { roleAllows, type Can } from '../../lib/policy.ts';
import type { Scope } from '../../lib/scope.ts';
import { isPast } from '../rounds/dates.ts';
import {
  deadlinePassed,
  notAllocated,
  notPending,
  renewalCompleted,
  renewalDeclined,
  roundNotOpen,
  unitAtCapacity,
} from './errors.ts';

// Who may act on intentions and renewals. The role table is data (packages/shared `roleRules`);
// this file adds what depends on the subject: the caller's side, the intention's state and the
// round's intention window. Commands throw the refusals below (409, in the words the UI shows);
// presenters answer `can` as the caller's abilities.

const roleMay = roleAllows('intentions');

/** The urban side (a unit, or its district or working committee choosing for it) or the rural. */
export type Side = 'urban' | 'rural';
export const isUrbanRole = (role: Role) => role === 'unit_admin' || role === 'district_admin';
export const sideOf = (scope: Scope): Side => (isUrbanRole(scope.role) ? 'urban' : 'rural');

/** The intention window of a round (R-DEADLINE-INTENT): open, and its deadline day not past. */
export type Window = { roundState: RoundState; intentionDeadline: string; now: Date };

export function windowRefusal(w: Window): AppError | null {
  if (w.roundState !== 'intentions_open') return roundNotOpen(w.roundState);
  if (isPast(w.intentionDeadline, w.now)) return deadlinePassed(w.intentionDeadline);
  return null;
}

/**
 * A submission's window and the unit's capacity, checked after the submit statement ran. The
 * statement's `open` (commands/submit.ts) is the same rule in SQL: it decides whether a place is
 * taken at all, this decides which refusal the caller gets.
 */
export function submitRefusal(c: Window & { capacity: number }): AppError | null {
  return windowRefusal(c) ?? (c.capacity < 1 ? unitAtCapacity(c.capacity) : null);
}

/** `submitRefusal` finds nothing, as SQL over the statement's expressions (`today`: China's). */
export const submitOpenText = (c: {
  roundState: string;
  intentionDeadline: string;
  today: string;
  capacity: string;
}) =>
  `(${c.roundState} = 'intentions_open' and ${c.intentionDeadline} >= ${c.today} and ${c.capacity} >= 1)`;

/** A decision on one intention: the rural side's yes or no, the urban side's yes or withdrawal. */
export type IntentionAction = Exclude<ActionOf<'intentions'>, 'decide'> | 'accept' | 'decline';

export type IntentionSubject = Window & {
  state: IntentionState;
  source: IntentionSource;
  urbanPath: string;
  ruralPath: string;
  urbanConfirmedAt: unknown;
  ruralConfirmedAt: unknown;
};

const sideOfAction: Partial<Record<IntentionAction, Side>> = {
  accept: 'rural',
  decline: 'rural',
  confirm: 'urban',
  withdraw: 'urban',
};

/**
 * R-DEADLINE-INTENT: decisions within the intention window. An allocated pair is published while
 * the round is balancing (after the window), so its two sides may also decide then, and in
 * signing, where a round's stage change leaves it confirmable (rounds/stages.ts).
 */
const decisionWindowRefusal = (i: IntentionSubject) =>
  i.source === 'allocation' && (i.roundState === 'balancing' || i.roundState === 'signing')
    ? null
    : windowRefusal(i);

/** Why the caller's side may not take `action` on the intention, in the order the checks run. */
export function decisionRefusal(action: IntentionAction, i: IntentionSubject): AppError | null {
  if (action === 'confirm' && i.source !== 'allocation') return notAllocated();
  if (i.state !== 'pending') return notPending();
  if (action === 'accept' || action === 'confirm') return decisionWindowRefusal(i);
  return null;
}

const within = (scope: Scope, path: string) => path.startsWith(scope.path);

/** An allocated pair awaits each side's yes once; a second yes of the same side changes nothing. */
const alreadySaidYes = (action: IntentionAction, i: IntentionSubject) =>
  i.source === 'allocation' &&
  ((action === 'accept' && i.ruralConfirmedAt != null) ||
    (action === 'confirm' && i.urbanConfirmedAt != null));

export const can: Can<IntentionAction, IntentionSubject> = (scope, action, subject) => {
  if (!roleMay(scope, action === 'accept' || action === 'decline' ? 'decide' : action))
    return false;
  if (!subject) return true;
  const side = sideOfAction[action];
  if (!side) return true;
  return (
    within(scope, side === 'urban' ? subject.urbanPath : subject.ruralPath) &&
    !decisionRefusal(action, subject) &&
    !alreadySaidYes(action, subject)
  );
};

/** R-ROUND-RENEW: a previous-round pair and both sides' answers on its renewal. */
export type RenewalSubject = Window & {
  /** Null until one side answers; there is nothing to decline before. */
  renewalId: number | null;
  urbanPath: string;
  ruralPath: string;
  urbanConfirmedAt: unknown;
  ruralConfirmedAt: unknown;
  declinedAt: unknown;
  intentionId: number | null;
};
export type RenewalAction = 'confirm' | 'decline';

/** Why the renewal cannot take the caller's answer; a completed renewal confirms as a no-op. */
export function renewalRefusal(
  action: RenewalAction,
  r: Pick<RenewalSubject, 'declinedAt' | 'intentionId'>,
) {
  if (action === 'confirm') return r.declinedAt ? renewalDeclined() : null;
  return r.intentionId ? renewalCompleted() : null;
}

export const canOnRenewal: Can<RenewalAction, RenewalSubject> = (scope, action, r) => {
  if (!roleMay(scope, 'renew')) return false;
  if (!r) return true;
  const side = sideOf(scope);
  if (!within(scope, side === 'urban' ? r.urbanPath : r.ruralPath)) return false;
  if (renewalRefusal(action, r) || r.intentionId) return false;
  if (action === 'decline') return r.renewalId != null && !r.declinedAt;
  return !windowRefusal(r) && (side === 'urban' ? r.urbanConfirmedAt : r.ruralConfirmedAt) == null;
};

import { roleMay, type RoundAbility, type RoundState } from '@pairing/shared';
import type { Can } from '../../lib/policy.ts';
import type { Scope } from '../../lib/scope.ts';
import { nextState } from './states.ts';

/** The role table's actions (packages/shared `roleRules.rounds`) and those about one round. */
export type RoundAction = 'read' | RoundAbility;

/** What the rules about one round look at; scope (which round, which org) stays in the queries. */
export type RoundSubject = { state: RoundState };

// Quotas are fixed once the round is in force (R-QUOTA); needs and resources lists once signing
// starts (S2 §2.2).
const quotasOpen = (state: RoundState) => state !== 'in_force' && state !== 'closed';
const listsOpen = (state: RoundState) =>
  state === 'draft' || state === 'intentions_open' || state === 'balancing';

const onRound: Record<RoundAction, (round: RoundSubject) => boolean> = {
  read: () => true,
  manage: () => true,
  update: (r) => r.state !== 'closed',
  advance: (r) => nextState(r.state) !== null,
  setQuotas: (r) => quotasOpen(r.state),
  readQuotas: () => true,
  readUncovered: () => true,
  editNeeds: (r) => listsOpen(r.state),
  editResources: (r) => listsOpen(r.state),
};

// The actions that write a round itself are the city's (`manage`).
const roleAction = (action: RoundAction) =>
  action === 'update' || action === 'advance' || action === 'setQuotas' ? 'manage' : action;

/**
 * Who may do what with rounds, quotas and the needs/resources lists. Without a subject: may the
 * role ever; with a round: also in the round's present phase.
 */
export const can: Can<RoundAction, RoundSubject> = (scope: Scope, action, round) =>
  roleMay(scope.role, 'rounds', roleAction(action)) && (!round || onRound[action](round));

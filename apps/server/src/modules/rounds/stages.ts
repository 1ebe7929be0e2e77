import type { RoundState, UnfinishedKind, UnfinishedOutcome } from '@pairing/shared';

/**
 * What each stage change does to the work it finds unfinished (docs/rounds.md "Stage changes"):
 * every object left either stays actionable by someone in the new stage or is closed with a
 * visible state and the change's reason. A kind missing from a stage is not looked at there.
 *
 * - into 综合平衡: the intention window (R-DEADLINE-INTENT) ends; pending voluntary intentions and
 *   half-answered renewals (R-ROUND-RENEW) lapse, their places go back to the allocation, which
 *   is where uncovered places and quotas are met now (R-COVERAGE, R-QUOTA).
 * - into 协议签订: allocated pairs stay confirmable by both sides (their agreements are signed in
 *   this stage); what is still uncovered stays so, on the board, for adjustment (R-ADJUST).
 * - into 帮扶实施: agreements not signed by both sides lapse with their intentions
 *   (R-DEADLINE-SIGN), as do allocated pairs still unconfirmed; amendments stay signable.
 * - into 已结束: open amendments lapse; the term may end before its day (R-TERM).
 */
export const stagePlan: Record<RoundState, Partial<Record<UnfinishedKind, UnfinishedOutcome>>> = {
  draft: {},
  intentions_open: {},
  balancing: {
    intentionDeadlineAhead: 'closeEarly',
    pendingIntentions: 'lapse',
    renewalsAwaiting: 'lapse',
    renewalsUnanswered: 'lapse',
    uncoveredTargets: 'allocate',
    uncoveredWeakVillages: 'allocate',
    quotasBehind: 'allocate',
  },
  signing: {
    pendingIntentions: 'lapse',
    allocatedAwaitingBoth: 'remain',
    allocatedAwaitingOne: 'remain',
    uncoveredTargets: 'stayUncovered',
    uncoveredWeakVillages: 'stayUncovered',
    quotasBehind: 'stayUncovered',
  },
  in_force: {
    signingDeadlineAhead: 'closeEarly',
    pendingIntentions: 'lapse',
    allocatedAwaitingBoth: 'lapse',
    allocatedAwaitingOne: 'lapse',
    draftAgreements: 'lapse',
    halfSignedAgreements: 'lapse',
    uncoveredTargets: 'stayUncovered',
    uncoveredWeakVillages: 'stayUncovered',
    quotasBehind: 'stayUncovered',
  },
  closed: {
    termAhead: 'closeEarly',
    openAmendments: 'lapse',
  },
};

import type { UnfinishedKind } from '@pairing/shared';
import type { StageClosed, StageWork } from '../rounds/ports.ts';
import {
  lapsePendingIntentions,
  lapseRenewals,
  unfinishedIntentions,
} from '../intentions/stage.ts';
import { lapseAgreements, unfinishedAgreements } from './stage.ts';

// The rounds module's `StageWork` port (rounds/ports.ts): the agreements module depends on
// intentions already, so it assembles both modules' work for the modules index to hand in.

const has = (kinds: readonly UnfinishedKind[], ...any: UnfinishedKind[]) =>
  any.some((k) => kinds.includes(k));

export const stageWorkForRounds: StageWork = {
  async unfinished(db, round) {
    return {
      ...(await unfinishedIntentions(db, round)),
      ...(await unfinishedAgreements(db, round.id)),
    };
  },

  async lapse(tx, scope, round, kinds, reason, now) {
    const closed: StageClosed = {};
    if (has(kinds, 'pendingIntentions'))
      closed.intentions = await lapsePendingIntentions(tx, scope, round.id, false, reason, now);
    if (has(kinds, 'allocatedAwaitingBoth', 'allocatedAwaitingOne'))
      closed.allocatedIntentions = await lapsePendingIntentions(
        tx,
        scope,
        round.id,
        true,
        reason,
        now,
      );
    if (has(kinds, 'renewalsAwaiting'))
      closed.renewals = await lapseRenewals(tx, scope, round.id, reason, now);
    if (has(kinds, 'draftAgreements', 'halfSignedAgreements'))
      closed.agreements = await lapseAgreements(tx, scope, round.id, true, reason, now);
    if (has(kinds, 'openAmendments'))
      closed.amendments = await lapseAgreements(tx, scope, round.id, false, reason, now);
    return closed;
  },
};

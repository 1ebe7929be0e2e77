import {
  intentionActions,
  renewalActions,
  type DecidedIntention,
  type IntentionRecord,
  type IntentionSource,
  type IntentionState,
  type IntentionView,
  type RenewalView,
} from '@pairing/shared';
import { abilitiesOn } from '../../lib/policy.ts';
import { isoTime, isoTimeOrNull, type RowTime } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { can, canOnRenewal, type Window } from './policy.ts';

/**
 * An intention as the statements return it. Times are PostgreSQL's text (`RowTime`; the
 * submission's come through JSON), so the routes answer them through the presenters below.
 */
export type IntentionRow = {
  id: number;
  roundId: number;
  urbanOrgId: number;
  ruralOrgId: number;
  state: IntentionState;
  source: IntentionSource;
  submittedAt: RowTime;
  decidedAt: RowTime | null;
};

/** An intention with both sides' confirmations (set only on intentions of source 'allocation'). */
export type DecidedRow = IntentionRow & {
  urbanConfirmedAt: RowTime | null;
  ruralConfirmedAt: RowTime | null;
};

/** An intention as its routes answer it: exactly the record's fields, times as ISO strings. */
export const presentIntention = (row: IntentionRow): IntentionRecord => ({
  id: row.id,
  roundId: row.roundId,
  urbanOrgId: row.urbanOrgId,
  ruralOrgId: row.ruralOrgId,
  state: row.state,
  source: row.source,
  submittedAt: isoTime(row.submittedAt),
  decidedAt: isoTimeOrNull(row.decidedAt),
});

export const presentDecided = (row: DecidedRow): DecidedIntention => ({
  ...presentIntention(row),
  urbanConfirmedAt: isoTimeOrNull(row.urbanConfirmedAt),
  ruralConfirmedAt: isoTimeOrNull(row.ruralConfirmedAt),
});

/** An intention of a round's list, with both orgs' names and paths (for the caller's abilities). */
export type IntentionListRow = DecidedRow & {
  urbanOrgName: string;
  ruralOrgName: string;
  weakVillage: boolean;
  closedReason: string | null;
  urbanPath: string;
  ruralPath: string;
};

/** A list item with what the caller may do to it, in the round's current window. */
export const presentIntentionView = (
  scope: Scope,
  window: Window,
  row: IntentionListRow,
): IntentionView => ({
  ...presentDecided(row),
  urbanOrgName: row.urbanOrgName,
  ruralOrgName: row.ruralOrgName,
  weakVillage: row.weakVillage,
  closedReason: row.closedReason,
  abilities: abilitiesOn(can, scope, intentionActions, { ...row, ...window }),
});

/** A previous-round pair with both sides' answers, as the renewal statements return it. */
export type RenewalRow = Omit<
  RenewalView,
  'urbanConfirmedAt' | 'ruralConfirmedAt' | 'declinedAt' | 'abilities'
> & {
  urbanConfirmedAt: RowTime | null;
  ruralConfirmedAt: RowTime | null;
  declinedAt: RowTime | null;
  urbanPath: string;
  ruralPath: string;
};

export const presentRenewal = (
  scope: Scope,
  window: Window,
  { urbanPath, ruralPath, ...row }: RenewalRow,
): RenewalView => ({
  ...row,
  urbanConfirmedAt: isoTimeOrNull(row.urbanConfirmedAt),
  ruralConfirmedAt: isoTimeOrNull(row.ruralConfirmedAt),
  declinedAt: isoTimeOrNull(row.declinedAt),
  abilities: abilitiesOn(canOnRenewal, scope, renewalActions, {
    ...row,
    urbanPath,
    ruralPath,
    ...window,
  }),
});

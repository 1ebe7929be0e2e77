import type { IntentionState, RoundState, RoundView } from '@pairing/shared';

/** Shapes of the rounds, intentions and board routes (docs/rounds.md). */
export type { RoundInput, RoundView as Round } from '@pairing/shared';

type Progress = { towns: number; villages: number; weakVillages: number };

export type Quota = Progress & {
  id: number;
  orgId: number;
  orgName: string;
  orgKind: string;
  note: string | null;
  progress: Progress;
};

export type ListItem = {
  id?: number;
  category: string;
  note: string | null;
  amount: number | null;
};

export type Intention = {
  id: number;
  roundId: number;
  urbanOrgId: number;
  ruralOrgId: number;
  state: IntentionState;
  source: 'selection' | 'renewal' | 'allocation';
  submittedAt: string;
  decidedAt: string | null;
  /** Each side's yes to a pair of the city's allocation (source 'allocation'). */
  urbanConfirmedAt: string | null;
  ruralConfirmedAt: string | null;
  urbanOrgName: string;
  ruralOrgName: string;
  weakVillage: boolean;
};

export type Renewal = {
  renewalId: number | null;
  previousIntentionId: number;
  urbanOrgId: number;
  urbanOrgName: string;
  ruralOrgId: number;
  ruralOrgName: string;
  urbanConfirmedAt: string | null;
  ruralConfirmedAt: string | null;
  declinedAt: string | null;
  intentionId: number | null;
};

export type { Board, Coverage, DirectoryEntry } from '@pairing/shared';

export type UncoveredOrg = {
  id: number;
  code: string | null;
  name: string;
  kind: string;
  weakVillage: boolean;
  parentName: string | null;
  taken: number;
};

/** Rounds that are under way (not drafts, not closed) come first when a page picks a default. */
export const isActive = (round: RoundView) => round.state !== 'draft' && round.state !== 'closed';

export const stateColor: Record<RoundState, string> = {
  draft: 'default',
  intentions_open: 'processing',
  balancing: 'warning',
  signing: 'purple',
  in_force: 'success',
  closed: 'default',
};

import type { RoundState, RoundView } from '@pairing/shared';

/** Shapes of the board routes that their pages read from here (packages/shared). */
export type {
  Board,
  Coverage,
  DirectoryEntry,
  RoundView as Round,
  UncoveredOrg,
} from '@pairing/shared';

/** Rounds that are under way (not drafts, not closed) come first when a page picks a default. */
export const isActive = (round: Pick<RoundView, 'state'>) =>
  round.state !== 'draft' && round.state !== 'closed';

export const stateColor: Record<RoundState, string> = {
  draft: 'default',
  intentions_open: 'processing',
  balancing: 'warning',
  signing: 'purple',
  in_force: 'success',
  closed: 'default',
};

import type { RoundState, RoundView } from '@pairing/shared';

/**
 * Shapes of the rounds and board routes (docs/rounds.md), declared by the server in
 * packages/shared.
 */
export type {
  Board,
  Coverage,
  DirectoryEntry,
  ListItemView as ListItem,
  QuotaView as Quota,
  RoundInput,
  RoundView as Round,
  UncoveredOrg,
} from '@pairing/shared';

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

import { roundStateLabels, type RoundState } from '@pairing/shared';
import { conflict } from '../../lib/errors.ts';

// The only moves a round makes (DOMAIN.md "Lifecycle of a pairing round"): strictly forward,
// one step at a time, so every phase (and its deadline) is passed through explicitly.
const next: Record<RoundState, RoundState | null> = {
  draft: 'intentions_open',
  intentions_open: 'balancing',
  balancing: 'signing',
  signing: 'in_force',
  in_force: 'closed',
  closed: null,
};

export const nextState = (from: RoundState) => next[from];

export function assertTransition(from: RoundState, to: RoundState) {
  if (next[from] !== to) {
    const allowed = next[from];
    throw conflict(
      'illegal_transition',
      `不能将结对轮次从「${roundStateLabels[from]}」变更为「${roundStateLabels[to]}」` +
        (allowed ? `；下一步只能是「${roundStateLabels[allowed]}」` : '；本轮已结束'),
    );
  }
}

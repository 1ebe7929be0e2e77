import type { AllocationPairView } from '@pairing/shared';

// The review table's search, filters and order (issue 13 item 4): 1,500 pairs are read by
// district, by weak village, by name, and cheapest or dearest first.

export type WeakFilter = 'all' | 'weak' | 'other';
export type PairSort = 'place' | 'costAsc' | 'costDesc';

export type ReviewFilter = {
  /** Part of the village's, the unit's or the district's name, or of the village's code. */
  q: string;
  districtId: number | null;
  weak: WeakFilter;
  /** Only the pairs the caller may confirm (a district or working committee). */
  awaitingMe: boolean;
  sort: PairSort;
};

export const noFilter: ReviewFilter = {
  q: '',
  districtId: null,
  weak: 'all',
  awaitingMe: false,
  sort: 'place',
};

const matches = (p: AllocationPairView, q: string) =>
  [p.ruralOrgName, p.urbanOrgName, p.districtName ?? '', p.ruralOrgCode ?? ''].some((s) =>
    s.includes(q),
  );

/** The pairs the filter keeps, in its order ('place': as the server listed them). */
export function reviewPairs(pairs: AllocationPairView[], f: ReviewFilter): AllocationPairView[] {
  const q = f.q.trim();
  const kept = pairs.filter(
    (p) =>
      (!q || matches(p, q)) &&
      (f.districtId == null || p.districtId === f.districtId) &&
      (f.weak === 'all' || p.weakVillage === (f.weak === 'weak')) &&
      (!f.awaitingMe || p.abilities.confirm),
  );
  if (f.sort === 'place') return kept;
  const sign = f.sort === 'costAsc' ? 1 : -1;
  return [...kept].sort((a, b) => sign * (a.cost - b.cost) || a.id - b.id);
}

/** The districts the pairs lie in, for the filter's choices, in the server's order. */
export function districtsOf(pairs: AllocationPairView[]) {
  const seen = new Map<number, string>();
  for (const p of pairs)
    if (p.districtId != null && !seen.has(p.districtId))
      seen.set(p.districtId, p.districtName ?? '');
  return [...seen].map(([value, label]) => ({ value, label }));
}

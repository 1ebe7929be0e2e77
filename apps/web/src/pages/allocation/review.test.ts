import type { AllocationPairView } from '@pairing/shared';
import { describe, expect, it } from 'vitest';
import { districtsOf, noFilter, reviewPairs } from './review.ts';

const pair = (over: Partial<AllocationPairView>): AllocationPairView => ({
  id: 1,
  status: 'proposed',
  fixed: false,
  cost: 200,
  reasons: [],
  reasonText: '',
  urbanOrgId: 10,
  urbanOrgName: '上海市农业农村委员会',
  ruralOrgId: 20,
  ruralOrgName: '民主村',
  ruralOrgCode: '310116101201',
  weakVillage: false,
  districtId: 3,
  districtName: '金山区',
  swappedFromName: null,
  intentionId: null,
  intentionState: null,
  urbanConfirmed: false,
  ruralConfirmed: false,
  abilities: { edit: true, confirm: false },
  ...over,
});

const pairs = [
  pair({ id: 1, cost: 250 }),
  pair({
    id: 2,
    cost: 180,
    ruralOrgName: '周荡村',
    ruralOrgCode: '310118102203',
    districtId: 4,
    districtName: '青浦区',
    weakVillage: true,
    abilities: { edit: false, confirm: true },
  }),
  pair({ id: 3, cost: 220, urbanOrgName: '上海豫园旅游商城(集团)股份有限公司', weakVillage: true }),
];
const ids = (list: AllocationPairView[]) => list.map((p) => p.id);

describe('the review filters of the allocation plan', () => {
  it('keeps every pair in the server’s order without a filter', () => {
    expect(ids(reviewPairs(pairs, noFilter))).toEqual([1, 2, 3]);
  });

  it('searches the village, the unit, the district and the code, ignoring spaces around', () => {
    expect(ids(reviewPairs(pairs, { ...noFilter, q: ' 周荡 ' }))).toEqual([2]);
    expect(ids(reviewPairs(pairs, { ...noFilter, q: '豫园' }))).toEqual([3]);
    expect(ids(reviewPairs(pairs, { ...noFilter, q: '青浦' }))).toEqual([2]);
    expect(ids(reviewPairs(pairs, { ...noFilter, q: '310116' }))).toEqual([1, 3]);
    expect(reviewPairs(pairs, { ...noFilter, q: '无此村' })).toEqual([]);
  });

  it('filters by district and by weak village, together with the search', () => {
    expect(ids(reviewPairs(pairs, { ...noFilter, districtId: 3 }))).toEqual([1, 3]);
    expect(ids(reviewPairs(pairs, { ...noFilter, weak: 'weak' }))).toEqual([2, 3]);
    expect(ids(reviewPairs(pairs, { ...noFilter, weak: 'other' }))).toEqual([1]);
    expect(ids(reviewPairs(pairs, { ...noFilter, districtId: 3, weak: 'weak' }))).toEqual([3]);
    expect(ids(reviewPairs(pairs, { ...noFilter, districtId: 4, q: '民主' }))).toEqual([]);
  });

  it('keeps only the pairs awaiting the caller’s confirmation', () => {
    expect(ids(reviewPairs(pairs, { ...noFilter, awaitingMe: true }))).toEqual([2]);
  });

  it('sorts by cost both ways, ties by id, without changing the list it was given', () => {
    const tied = [...pairs, pair({ id: 0, cost: 220 })];
    expect(ids(reviewPairs(tied, { ...noFilter, sort: 'costAsc' }))).toEqual([2, 0, 3, 1]);
    expect(ids(reviewPairs(tied, { ...noFilter, sort: 'costDesc' }))).toEqual([1, 0, 3, 2]);
    expect(ids(tied)).toEqual([1, 2, 3, 0]);
  });

  it('offers each district once, in the order met', () => {
    expect(districtsOf(pairs)).toEqual([
      { value: 3, label: '金山区' },
      { value: 4, label: '青浦区' },
    ]);
  });
});

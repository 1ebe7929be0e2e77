import {
  roundActions,
  type OrgDetail,
  type OrgRow,
  type RoundWithAbilities,
} from '@pairing/shared';

/**
 * A round as the server lists it to a signed-in caller who may do everything with it; intentions
 * open unless told otherwise.
 */
export function round(overrides: Partial<RoundWithAbilities> = {}): RoundWithAbilities {
  return {
    id: 7,
    orgId: 1,
    name: '2026 年度城乡结对',
    periodStart: '2026-01-01',
    periodEnd: '2028-12-31',
    policyPackId: 'default',
    intentionDeadline: '2026-03-31',
    signingDeadline: '2026-04-30',
    termEnd: '2028-12-31',
    villageCap: 3,
    previousRoundId: null,
    state: 'intentions_open',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    abilities: Object.fromEntries(
      roundActions.map((action) => [action, true]),
    ) as RoundWithAbilities['abilities'],
    ...overrides,
  };
}

export function orgRow(overrides: Partial<OrgRow> = {}): OrgRow {
  return {
    id: 300,
    kind: 'village',
    code: '110101001001',
    name: '和平村',
    parentId: 200,
    districtClass: null,
    districtId: 100,
    districtName: '东城区',
    townName: '和平镇',
    weakVillage: false,
    covered: false,
    unitType: null,
    capacity: null,
    yearlyBudget: null,
    resourceTags: [],
    contactName: null,
    contactPhone: null,
    ...overrides,
  };
}

export function orgDetail(overrides: Partial<OrgDetail> = {}): OrgDetail {
  const { districtId: _d, districtName: _n, townName: _t, ...row } = orgRow();
  return {
    ...row,
    path: '/1/100/200/',
    depth: 4,
    provinceCode: '31',
    addressDistrictId: null,
    addressDistrictName: null,
    ancestors: [{ id: 200, name: '和平镇', kind: 'town' }],
    childCounts: {},
    abilities: { update: true, createUnit: false },
    ...overrides,
  };
}

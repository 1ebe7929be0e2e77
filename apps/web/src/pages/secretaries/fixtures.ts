// Answers of the secretaries' routes for the page tests: the worked example 1 (¥39,729).
import type {
  PersonSummary,
  SecretaryDetail,
  SecretaryListItem,
  SecretaryPayView,
} from '@pairing/shared';

export const person: PersonSummary = {
  id: 7,
  kind: 'member',
  name: '张卫东',
  gender: 'male',
  birthYear: 1970,
  tags: ['villageSecretary'],
  orgId: 31,
  orgName: '民主村村委会',
  secondOrgId: null,
  secondOrgName: null,
  idNumberMasked: '110101********8515',
  phoneMasked: '139****5678',
};

const term = {
  id: 70,
  villageId: 31,
  villageName: '民主村村委会',
  townName: '朱泾镇',
  from: '2020-01-01',
  to: null,
  baseSubsidyPerYear: 20_000,
};

export const listItem = (overrides: Partial<SecretaryListItem> = {}): SecretaryListItem => ({
  person,
  term,
  serving: true,
  assessment: null,
  ...overrides,
});

export const examplePay: SecretaryPayView = {
  year: 2025,
  daysInOffice: 365,
  daysInYear: 365,
  scores: { partyBuilding: 108, development: 98 },
  pointsGained: 8,
  pointsLost: 2,
  baseSubsidy: 20_000,
  pointsAdjustment: 300,
  deductionCapped: false,
  contributionAward: 15_000,
  insuranceSubsidy: 4_429,
  total: 39_729,
};

export const documentParameters = {
  standardPointsPerPart: 100,
  yuanPerPoint: 50,
  contributionAwardPercent: 10,
  insuranceSubsidyPercent: 100,
  oneOffMonthsPerServiceYear: 1,
  yearlyAllowanceMinYears: 10,
  yearlyAllowancePercent: 30,
};

export const detail = (overrides: Partial<SecretaryDetail> = {}): SecretaryDetail => ({
  person,
  terms: [{ ...term, allowance: null }],
  assessments: [],
  abilities: { assess: true, endTerm: true, addTerm: false },
  ...overrides,
});

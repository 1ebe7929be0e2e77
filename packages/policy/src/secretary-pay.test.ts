// The worked examples of docs/secretaries.md (R-SECRETARY-PAY, S3 §2(4)): the same numbers.
import { describe, expect, it } from 'vitest';
import { parseDay } from './dates.ts';
import {
  assessSecretaryYear,
  departureAllowance,
  documentPayParameters,
  serviceOf,
  spanOf,
  type AssessmentInput,
} from './secretary-pay.ts';

const wholeYear = { from: '2005-01-01', to: null, baseSubsidyPerYear: 20_000 };
const year2009: AssessmentInput = {
  year: 2009,
  terms: [wholeYear],
  lines: [],
  incomeCreated: 0,
  insurancePremiums: 0,
};

describe('the yearly 双百分 assessment (R-SECRETARY-PAY)', () => {
  it('example 1: a whole year, 8 points gained and 2 lost, ¥150,000 created, ¥4,429 premiums', () => {
    // ¥4,429 ≈ the ¥31,000 the city paid for its 7 secretaries' two insurances in 2009 (S3).
    const pay = assessSecretaryYear({
      ...year2009,
      lines: [
        { part: 'partyBuilding', kind: 'gain', points: 8 },
        { part: 'development', kind: 'loss', points: 2 },
      ],
      incomeCreated: 150_000,
      insurancePremiums: 4_429,
    });
    expect(pay).toEqual({
      year: 2009,
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
    });
  });

  it('example 2: below the standard, 10 points lost take ¥500', () => {
    const pay = assessSecretaryYear({
      ...year2009,
      lines: [{ part: 'development', kind: 'loss', points: 10 }],
    });
    expect(pay.scores).toEqual({ partyBuilding: 100, development: 90 });
    expect(pay.pointsAdjustment).toBe(-500);
    expect(pay.total).toBe(19_500);
  });

  it('example 3: exactly the standard moves nothing; zero income earns no award', () => {
    const pay = assessSecretaryYear(year2009);
    expect(pay.pointsAdjustment).toBe(0);
    expect(pay.contributionAward).toBe(0);
    expect(pay.total).toBe(20_000);
  });

  it('example 4: a village that lost money earns no award, never a negative one', () => {
    const pay = assessSecretaryYear({ ...year2009, incomeCreated: -80_000 });
    expect(pay.contributionAward).toBe(0);
    expect(pay.total).toBe(20_000);
  });

  it('example 5: the award and the insurance are rounded once, half up', () => {
    expect(assessSecretaryYear({ ...year2009, incomeCreated: 12_345 }).contributionAward).toBe(
      1_235,
    );
    expect(assessSecretaryYear({ ...year2009, incomeCreated: 12_344 }).contributionAward).toBe(
      1_234,
    );
    const params = { ...documentPayParameters, insuranceSubsidyPercent: 50 };
    expect(assessSecretaryYear({ ...year2009, insurancePremiums: 4_429 }, params)).toMatchObject({
      insuranceSubsidy: 2_215,
    });
  });

  it('example 6: a first partial year prorates the base subsidy by days, nothing else', () => {
    const pay = assessSecretaryYear({
      ...year2009,
      terms: [{ from: '2009-07-01', to: null, baseSubsidyPerYear: 20_000 }],
      lines: [{ part: 'partyBuilding', kind: 'gain', points: 4 }],
      incomeCreated: 50_000,
    });
    // 20,000 × 184 / 365 = 10,082.19
    expect(pay).toMatchObject({ daysInOffice: 184, baseSubsidy: 10_082, pointsAdjustment: 200 });
    expect(pay.total).toBe(10_082 + 200 + 5_000);
  });

  it('example 7: a re-election mid-year with a new base subsidy weighs both terms by days', () => {
    const pay = assessSecretaryYear({
      ...year2009,
      year: 2010,
      terms: [
        { from: '2007-01-01', to: '2010-06-30', baseSubsidyPerYear: 18_000 },
        { from: '2010-07-01', to: null, baseSubsidyPerYear: 20_000 },
      ],
    });
    // (18,000 × 181 + 20,000 × 184) / 365 = 19,008.2
    expect(pay).toMatchObject({ daysInOffice: 365, baseSubsidy: 19_008 });
  });

  it('example 8: a leap year divides by 366', () => {
    const pay = assessSecretaryYear({
      ...year2009,
      year: 2012,
      terms: [{ from: '2012-07-01', to: null, baseSubsidyPerYear: 20_000 }],
    });
    // 20,000 × 184 / 366 = 10,054.6
    expect(pay).toMatchObject({ daysInYear: 366, daysInOffice: 184, baseSubsidy: 10_055 });
  });

  it('example 9: the deduction stops at the base subsidy, so the pay is never negative', () => {
    const pay = assessSecretaryYear({
      ...year2009,
      terms: [{ from: '2009-12-01', to: null, baseSubsidyPerYear: 20_000 }],
      lines: [{ part: 'development', kind: 'loss', points: 40 }],
    });
    // 20,000 × 31 / 365 = 1,698.6; 40 points would take 2,000
    expect(pay).toMatchObject({
      baseSubsidy: 1_699,
      pointsAdjustment: -1_699,
      deductionCapped: true,
      total: 0,
    });
  });

  it('refuses a part scored below zero and a year out of office', () => {
    expect(() =>
      assessSecretaryYear({
        ...year2009,
        lines: [{ part: 'partyBuilding', kind: 'loss', points: 101 }],
      }),
    ).toThrow(/标准分/);
    expect(() =>
      assessSecretaryYear({
        ...year2009,
        lines: [
          { part: 'partyBuilding', kind: 'loss', points: 100 },
          { part: 'partyBuilding', kind: 'gain', points: 1 },
        ],
      }),
    ).not.toThrow();
    expect(() => assessSecretaryYear({ ...year2009, year: 2004 })).toThrow(/不在任/);
  });
});

describe('service by calendar anniversaries', () => {
  const span = (from: string, to: string) => spanOf(parseDay(from), parseDay(to));
  it('counts whole years and the days left over', () => {
    expect(span('2015-03-01', '2025-02-28')).toEqual({ years: 10, days: 0 });
    expect(span('2015-03-01', '2025-02-27')).toEqual({ years: 9, days: 364 });
    expect(span('2015-07-01', '2025-09-30')).toEqual({ years: 10, days: 92 });
    expect(span('2020-01-01', '2020-01-01')).toEqual({ years: 0, days: 1 });
  });
  it('takes 1 March as the anniversary of 29 February in a common year', () => {
    expect(span('2016-02-29', '2026-02-28')).toEqual({ years: 10, days: 0 });
    expect(span('2016-02-29', '2026-02-27')).toEqual({ years: 9, days: 364 });
  });
  it('joins a re-election without a gap, breaks the continuity at a gap, adds up the terms', () => {
    const joined = serviceOf([
      { from: '2015-01-01', to: '2019-12-31' },
      { from: '2010-01-01', to: '2014-12-31' },
    ]);
    expect(joined).toMatchObject({
      leavingDate: '2019-12-31',
      continuousFrom: '2010-01-01',
      continuous: { years: 10, days: 0 },
      cumulative: { years: 10, days: 0 },
    });
    const broken = serviceOf([
      { from: '2005-01-01', to: '2009-12-31' },
      { from: '2012-01-01', to: '2019-12-31' },
    ]);
    expect(broken.continuous).toEqual({ years: 8, days: 0 });
    expect(broken.cumulative).toEqual({ years: 13, days: 0 });
  });
  it('refuses overlapping terms', () => {
    expect(() =>
      serviceOf([
        { from: '2005-01-01', to: '2010-12-31' },
        { from: '2010-06-01', to: '2012-12-31' },
      ]),
    ).toThrow(/重叠/);
  });
});

describe('the departure allowance', () => {
  const bases = { ownBaseSubsidyPerYear: 20_000, currentBaseSubsidyPerYear: 20_000 };
  const leave = (from: string, to: string, b = bases) =>
    departureAllowance(serviceOf([{ from, to }]), b);

  it('example 10: exactly 10 years is yearly, 30% of the current base subsidy', () => {
    // from the next day, 2025-03-01…12-31 = 306 days: 6,000 × 306 / 365 = 5,030.1
    expect(leave('2015-03-01', '2025-02-28')).toEqual({
      kind: 'yearly',
      amount: 6_000,
      firstYearAmount: 5_030,
    });
  });

  it('example 11: one day short of 10 years is one-off, a month of base per counted year', () => {
    // 9 years 364 days: the rest counts as a year, 10 years → 20,000 × 10 / 12 = 16,666.7
    expect(leave('2015-03-01', '2025-02-27')).toEqual({
      kind: 'oneOff',
      countedHalfYears: 20,
      amount: 16_667,
    });
  });

  it('example 12: crossing 10 years mid-year, the service on the leaving day decides', () => {
    // Appointed 2015-07-01: ten years on 2025-06-30. The successor's base is ¥22,000.
    const successor = { ownBaseSubsidyPerYear: 20_000, currentBaseSubsidyPerYear: 22_000 };
    // Leaves 2025-09-30 after 10 years 92 days: yearly 6,600; 2025-10-01…12-31 is 92 days.
    expect(leave('2015-07-01', '2025-09-30', successor)).toEqual({
      kind: 'yearly',
      amount: 6_600,
      firstYearAmount: 1_664,
    });
    // Leaves 2025-06-29, a day before the anniversary: one-off over 9 years 364 days.
    expect(leave('2015-07-01', '2025-06-29', successor)).toEqual({
      kind: 'oneOff',
      countedHalfYears: 20,
      amount: 16_667,
    });
    // The 2025 pay is the base for the days in office, the threshold changes nothing in it.
    const pay = assessSecretaryYear({
      ...year2009,
      year: 2025,
      terms: [{ from: '2015-07-01', to: '2025-09-30', baseSubsidyPerYear: 20_000 }],
    });
    // 20,000 × 273 / 365 = 14,958.9
    expect(pay).toMatchObject({ daysInOffice: 273, baseSubsidy: 14_959 });
  });

  it('example 13: 13 years in two stretches, 8 of them continuous, is one-off over 13 years', () => {
    const service = serviceOf([
      { from: '2005-01-01', to: '2009-12-31' },
      { from: '2012-01-01', to: '2019-12-31' },
    ]);
    // 20,000 × 13 / 12 = 21,666.7
    expect(departureAllowance(service, bases)).toEqual({
      kind: 'oneOff',
      countedHalfYears: 26,
      amount: 21_667,
    });
  });

  it('example 14: a rest under half a year counts as half a year', () => {
    // 2020-01-01…04-30 = 121 days → half a year → 20,000 / 24 = 833.3
    expect(leave('2020-01-01', '2020-04-30')).toEqual({
      kind: 'oneOff',
      countedHalfYears: 1,
      amount: 833,
    });
    // 2020-01-01…07-01 = 183 days → a year → 1,666.7
    expect(leave('2020-01-01', '2020-07-01')).toMatchObject({ countedHalfYears: 2, amount: 1_667 });
  });

  it('example 15: leaving on 31 December owes nothing more of the leaving year', () => {
    expect(leave('2010-01-01', '2019-12-31')).toEqual({
      kind: 'yearly',
      amount: 6_000,
      firstYearAmount: 0,
    });
  });

  it('follows the parameters of the year', () => {
    const params = {
      ...documentPayParameters,
      yearlyAllowanceMinYears: 8,
      yearlyAllowancePercent: 25,
    };
    const service = serviceOf([{ from: '2012-01-01', to: '2019-12-31' }]);
    expect(departureAllowance(service, bases, params)).toMatchObject({
      kind: 'yearly',
      amount: 5_000,
    });
  });
});

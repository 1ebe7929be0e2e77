import { describe, expect, it } from 'vitest';
import { sh2010 } from './packs.ts';
import { SIGNING_RULES, checkSigning, yearlyMinimums } from './signing.ts';

const project = (year: number, indicator = true) => ({
  year,
  indicator: indicator ? { description: '活动室建成', quantity: 120, unit: '平方米' } : null,
});

const weak = (yearlyFunds: { year: number; amount: number }[], projects = [project(2011)]) => ({
  weakVillage: true,
  termStart: '2010-07-01',
  termEnd: '2013-07-31',
  yearlyFunds,
  projects,
});

const full = [
  { year: 2010, amount: 10_082 },
  { year: 2011, amount: 20_000 },
  { year: 2012, amount: 20_000 },
  { year: 2013, amount: 11_616 },
];

describe('signing rules as pack data', () => {
  it('reads the R-WEAK-FUNDS minimum from the pack', () => {
    expect(SIGNING_RULES['sh-2010'][0]).toMatchObject({ id: 'R-WEAK-FUNDS', min: 20_000 });
    const packRule = sh2010.rules.find((r) => r.id === 'R-WEAK-FUNDS');
    expect(SIGNING_RULES['sh-2010'][0]).toMatchObject({
      min: packRule?.kind === 'yearly-funds' && packRule.min,
    });
  });

  it('prorates partial years by days, half up, leap years included (R-WEAK-FUNDS)', () => {
    expect(yearlyMinimums(20_000, '2010-07-01', '2013-07-31')).toEqual([
      { year: 2010, days: 184, required: 10_082 },
      { year: 2011, days: 365, required: 20_000 },
      { year: 2012, days: 366, required: 20_000 },
      { year: 2013, days: 212, required: 11_616 },
    ]);
    // 2012-07-01..12-31 is 184 of 366 days: 10,054.6 → 10,055.
    expect(yearlyMinimums(20_000, '2012-07-01', '2012-12-31')[0].required).toBe(10_055);
  });

  it('passes a weak village at exactly the minimum and fails it one yuan below, per year', () => {
    expect(checkSigning('sh-2010', weak(full))).toEqual([]);
    const short = full.map((f) => (f.year === 2013 ? { ...f, amount: 11_615 } : f));
    expect(checkSigning('sh-2010', weak(short))).toEqual([
      {
        ruleId: 'R-WEAK-FUNDS',
        path: 'yearlyFunds.2013',
        required: 11_616,
        actual: 11_615,
        year: 2013,
      },
    ]);
    const missingYear = full.filter((f) => f.year !== 2011);
    expect(checkSigning('sh-2010', weak(missingYear)).map((i) => i.path)).toEqual([
      'yearlyFunds.2011',
    ]);
  });

  it('asks no funds of a village that is not weak', () => {
    expect(checkSigning('sh-2010', { ...weak([]), weakVillage: false })).toEqual([]);
  });

  it('needs a project with a checkable indicator inside the term (R-PROJECT)', () => {
    const issue = { ruleId: 'R-PROJECT', path: 'projects', required: 1, actual: 0 };
    expect(checkSigning('sh-2010', weak(full, []))).toEqual([issue]);
    expect(checkSigning('sh-2010', weak(full, [project(2011, false)]))).toEqual([issue]);
    expect(checkSigning('sh-2010', weak(full, [project(2014)]))).toEqual([issue]);
    expect(checkSigning('sh-2010', weak(full, [project(2013)]))).toEqual([]);
  });

  it('sets no signing conditions where the pack has none', () => {
    expect(checkSigning('ah-2011', weak([], []))).toEqual([]);
    expect(checkSigning('town-2010', weak([], []))).toEqual([]);
  });
});

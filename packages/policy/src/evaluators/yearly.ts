// Yearly rules (R-VISIT-LEAD, R-SIX-ONES, R-LESSON, R-WEAK-FUNDS): one period per calendar year
// the term overlaps, clipped to the term, with the minimum prorated by days in partial years.
import { formatDay, yearOfDay } from '../dates.ts';
import type { FundEvent, VisitEvent } from '../ledger.ts';
import { firstDayOfYear, lastDayOfYear, periodStatus, prorate } from '../periods.ts';
import { ACTIVITY, FUND, VISIT } from '../prepare.ts';
import type { YearlyCountRule, YearlyFundsRule } from '../rules.ts';
import type { PeriodStatus } from '../status.ts';
import { ACTIVITY_CATEGORIES, ROLES, type ActivityCategory } from '../vocabulary.ts';
import type { Evaluator } from './evaluator.ts';

interface YearlyPlan {
  readonly min: number;
  readonly type: number;
  /** Visits: roles whose presence counts, as a bit mask. */
  readonly roleMask: number;
  /** Visits: whether the responsible department's presence counts. */
  readonly department: boolean;
  /** Activities: the categories reported, each its own entry; empty for a single entry. */
  readonly categories: readonly ActivityCategory[];
  /** Activities: category code → entry slot, −1 for categories the rule ignores. */
  readonly slotOfCategory: Int32Array;
}

function newEntry(
  category: ActivityCategory | undefined,
  from: string,
  to: string,
  required: number,
): PeriodStatus {
  return category === undefined
    ? { from, to, required, actual: 0, status: 'due', evidence: [] }
    : { category, from, to, required, actual: 0, status: 'due', evidence: [] };
}

function yearlyEvaluator(plan: YearlyPlan): Evaluator {
  const { min, type, roleMask, department, categories, slotOfCategory } = plan;
  const slots = Math.max(categories.length, 1);
  return (ledger, at, dueSoonDays) => {
    const { termStart, termEnd, year, day, detail, order, events, count } = ledger;
    const lastCounted = termEnd < at ? termEnd : at;
    if (lastCounted < termStart) return [];
    const firstYear = yearOfDay(termStart);
    const lastYear = yearOfDay(lastCounted);
    const entries: PeriodStatus[] = [];
    for (let y = firstYear; y <= lastYear; y++) {
      const from = Math.max(termStart, firstDayOfYear(y));
      const to = Math.min(termEnd, lastDayOfYear(y));
      const required = prorate(min, to - from + 1, y);
      const fromText = formatDay(from);
      const toText = formatDay(to);
      for (let s = 0; s < slots; s++) {
        entries.push(newEntry(categories[s], fromText, toText, required));
      }
    }
    for (let n = 0; n < count; n++) {
      const i = order[n];
      if (ledger.type[i] !== type) continue;
      const d = day[i];
      if (d < termStart || d > lastCounted) continue;
      let slot = 0;
      if (type === ACTIVITY) {
        slot = slotOfCategory[detail[i]];
        if (slot < 0) continue;
      } else if (type === VISIT) {
        const byDepartment = department && (events[i] as VisitEvent).department === true;
        if ((detail[i] & roleMask) === 0 && !byDepartment) continue;
      }
      const entry = entries[(year[i] - firstYear) * slots + slot];
      entry.actual += type === FUND ? (events[i] as FundEvent).amount : 1;
      entry.evidence.push(events[i].id);
    }
    for (let e = 0; e < entries.length; e++) {
      const entry = entries[e];
      const to = Math.min(termEnd, lastDayOfYear(firstYear + Math.floor(e / slots)));
      entry.status = periodStatus(entry.required, entry.actual, to, at, dueSoonDays);
    }
    return entries;
  };
}

export function yearlyCount(rule: YearlyCountRule): Evaluator {
  const select = rule.select;
  const slotOfCategory = new Int32Array(ACTIVITY_CATEGORIES.length).fill(-1);
  if (select.type === 'activity') {
    select.categories.forEach((category, slot) => {
      slotOfCategory[ACTIVITY_CATEGORIES.indexOf(category)] = slot;
    });
    return yearlyEvaluator({
      min: rule.min,
      type: ACTIVITY,
      roleMask: 0,
      department: false,
      categories: select.categories,
      slotOfCategory,
    });
  }
  return yearlyEvaluator({
    min: rule.min,
    type: VISIT,
    roleMask: select.roles.reduce((mask, role) => mask | (1 << ROLES.indexOf(role)), 0),
    department: select.department,
    categories: [],
    slotOfCategory,
  });
}

export function yearlyFunds(rule: YearlyFundsRule): Evaluator {
  return yearlyEvaluator({
    min: rule.min,
    type: FUND,
    roleMask: 0,
    department: false,
    categories: [],
    slotOfCategory: new Int32Array(ACTIVITY_CATEGORIES.length).fill(-1),
  });
}

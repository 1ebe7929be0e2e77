// Quarterly reports (R-REPORT-Q): one period per calendar quarter the term touches, clipped to the
// term. A report counts for the quarter it names, whatever its date, once it is filed (≤ at).
import { formatDay, monthOfDay, yearOfDay } from '../dates.ts';
import { firstDayOfQuarter, lastDayOfQuarter, quarterOf, reportStatus } from '../periods.ts';
import { REPORT } from '../prepare.ts';
import type { QuarterlyReportRule } from '../rules.ts';
import type { PeriodStatus } from '../status.ts';
import type { Evaluator } from './evaluator.ts';

function quarterOfDay(dayNo: number): number {
  return quarterOf(yearOfDay(dayNo), monthOfDay(dayNo));
}

// Reports on time per quarter; reused between calls because evaluation is synchronous.
let onTime = new Int32Array(64);

export function quarterlyReport(rule: QuarterlyReportRule): Evaluator {
  const { dueDays } = rule;
  return (ledger, at, dueSoonDays) => {
    const { termStart, termEnd, events, order, count, day, type, detail } = ledger;
    if (at < termStart) return [];
    const firstQuarter = quarterOfDay(termStart);
    const lastQuarter = quarterOfDay(termEnd < at ? termEnd : at);
    const quarters = lastQuarter - firstQuarter + 1;
    const entries: PeriodStatus[] = [];
    if (onTime.length < quarters) onTime = new Int32Array(quarters);
    onTime.fill(0, 0, quarters);
    for (let k = 0; k < quarters; k++) {
      const first = firstDayOfQuarter(firstQuarter + k);
      const last = lastDayOfQuarter(firstQuarter + k);
      entries.push({
        from: formatDay(first > termStart ? first : termStart),
        to: formatDay(last < termEnd ? last : termEnd),
        required: 1,
        actual: 0,
        status: 'due',
        evidence: [],
      });
    }
    for (let n = 0; n < count; n++) {
      const i = order[n];
      if (type[i] !== REPORT || day[i] > at) continue;
      const k = detail[i] - firstQuarter;
      if (k < 0 || k >= quarters) continue;
      if (day[i] <= lastDayOfQuarter(firstQuarter + k) + dueDays) onTime[k]++;
      entries[k].actual++;
      entries[k].evidence.push(events[i].id);
    }
    for (let k = 0; k < quarters; k++) {
      const entry = entries[k];
      const late = entry.actual - onTime[k];
      const due = lastDayOfQuarter(firstQuarter + k) + dueDays;
      entry.status = reportStatus(onTime[k], late, due, at, dueSoonDays);
    }
    return entries;
  };
}

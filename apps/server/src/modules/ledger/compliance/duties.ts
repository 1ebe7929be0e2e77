// The duties of a pairing that are not met as of a day, with the day each falls due: what the
// reminders read (issue 12 item 7: both sides, 14 days before a duty falls due and when it is
// missed). Pure: derived from the engine's status and the pack.
import { PACKS, type ComplianceStatus, type PackId, type PeriodStatus } from '@pairing/policy';

/** A missed duty is still reminded this many days after it fell due (a server down that day). */
export const MISSED_REMINDER_DAYS = 30;

export type Duty = {
  rule: string;
  /** The period within the rule: its dates, and the person or category it is counted for. */
  period: string;
  periodFrom: string;
  periodTo: string;
  due: string;
  person: string | null;
  category: string | null;
  required: number;
  actual: number;
  missed: boolean;
};

const dayMs = 86_400_000;
const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);

/** The last day of the calendar quarter holding `day`. */
function quarterEnd(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const lastMonth = Math.ceil(month / 3) * 3;
  return new Date(Date.UTC(year, lastMonth, 0)).toISOString().slice(0, 10);
}

/** Days after its quarter's end a report falls due, per pack and rule (R-REPORT-Q). */
const reportDueDays = new Map<string, number>();
for (const pack of Object.values(PACKS)) {
  for (const rule of pack.rules) {
    if (rule.kind === 'quarterly-report')
      reportDueDays.set(`${pack.id}\u0000${rule.id}`, rule.dueDays);
  }
}

/** The day a period's duty falls due: its last day, or for quarterly reports the pack's days after. */
export function dueDateOf(pack: string, rule: string, period: Pick<PeriodStatus, 'from' | 'to'>) {
  const reportDays = reportDueDays.get(`${pack}\u0000${rule}`);
  return reportDays === undefined ? period.to : addDays(quarterEnd(period.from), reportDays);
}

export const periodKey = (p: Pick<PeriodStatus, 'from' | 'to' | 'person' | 'category'>) =>
  `${p.from}~${p.to}${p.person ? `:${p.person}` : ''}${p.category ? `:${p.category}` : ''}`;

/** Open duties (due, due soon) and those missed in the last MISSED_REMINDER_DAYS days. */
export function dutiesOf(status: Pick<ComplianceStatus, 'pack' | 'rules'>, at: string): Duty[] {
  const missedSince = addDays(at, -MISSED_REMINDER_DAYS);
  const duties: Duty[] = [];
  for (const rule of status.rules) {
    for (const p of rule.periods) {
      if (p.status === 'met' || p.status === 'late') continue;
      const due = dueDateOf(status.pack as PackId, rule.rule, p);
      const missed = p.status === 'missed';
      if (missed && due < missedSince) continue;
      duties.push({
        rule: rule.rule,
        period: periodKey(p),
        periodFrom: p.from,
        periodTo: p.to,
        due,
        person: p.person ?? null,
        category: p.category ?? null,
        required: p.required,
        actual: p.actual,
        missed,
      });
    }
  }
  return duties;
}

/** The earliest day an open duty falls due, or null. */
export function nextDue(duties: readonly Duty[]): string | null {
  let next: string | null = null;
  for (const d of duties) if (!d.missed && (next === null || d.due < next)) next = d.due;
  return next;
}

// Mobile members' yearly duties (R-MOBILE-EIGHT, R-MOBILE-REPORT, S3 §4.1) as data, and their
// status per member per year. The pairing engine evaluates a pairing's ledger over its term; these
// duties belong to one person and one calendar year, so they are a small pack of their own with
// its own evaluator rather than rule kinds of the pairing packs (docs/mobile.md).
import { twelfthLunarMonth } from './lunar.ts';

/**
 * The five of the 八个一 that recur every year. Registration with a certificate, pre-departure
 * training and the management agreement happen once, before leaving; 带动一帮人 is encouraged
 * without a measure or a date, so it has no status.
 */
export const MOBILE_DUTIES = ['reportH1', 'reportH2', 'goodDeed', 'letter', 'symposium'] as const;
export type MobileDuty = (typeof MOBILE_DUTIES)[number];

/**
 * done: recorded by the deadline; late: recorded after it; due: the period has begun and the
 * deadline has not passed; overdue: the deadline passed with nothing recorded; notYet: the period
 * has not begun; notApplicable: the member was not away during the period.
 */
export const MOBILE_DUTY_STATUSES = [
  'done',
  'late',
  'due',
  'overdue',
  'notYet',
  'notApplicable',
] as const;
export type MobileDutyStatus = (typeof MOBILE_DUTY_STATUSES)[number];

/** A period inside the calendar year (month-day, inclusive), or the year's 腊月. */
type Period = { from: string; to: string } | 'twelfthLunarMonth';

export interface MobileDutyRule {
  readonly duty: MobileDuty;
  readonly rule: string;
  readonly period: Period;
  /** Whether a record dated after the period still counts (as late) for this year. */
  readonly lateAllowed: boolean;
}

/** 流出党员“八个一” (S3 §4.1): the yearly duties and when each falls due. */
export const mobileEight = {
  id: 'mobile-eight',
  source: 'S3',
  title: '流出党员“八个一”',
  duties: [
    // 半年一汇报：流出党员每半年向流出地党组织汇报一次 — due when the half ends.
    {
      duty: 'reportH1',
      rule: 'R-MOBILE-REPORT',
      period: { from: '01-01', to: '06-30' },
      lateAllowed: true,
    },
    {
      duty: 'reportH2',
      rule: 'R-MOBILE-REPORT',
      period: { from: '07-01', to: '12-31' },
      lateAllowed: true,
    },
    // 好事一件实：每年至少为家乡群众办一件好事 — within the calendar year.
    {
      duty: 'goodDeed',
      rule: 'R-MOBILE-REPORT',
      period: { from: '01-01', to: '12-31' },
      lateAllowed: false,
    },
    // 慰问一封信：每年“七一”前夕寄发 — by 30 June.
    {
      duty: 'letter',
      rule: 'R-MOBILE-REPORT',
      period: { from: '01-01', to: '06-30' },
      lateAllowed: true,
    },
    // 腊月一座谈：每年腊月返乡高峰召开座谈会 — inside the lunar year's 12th month.
    { duty: 'symposium', rule: 'R-MOBILE-REPORT', period: 'twelfthLunarMonth', lateAllowed: false },
  ],
} as const satisfies {
  id: string;
  source: string;
  title: string;
  duties: readonly MobileDutyRule[];
};

/** The dates of one duty in one year: its period and its deadline (the period's last day). */
export function mobileDutyPeriod(duty: MobileDuty, year: number): { from: string; to: string } {
  const rule = mobileEight.duties.find((d) => d.duty === duty)!;
  if (rule.period === 'twelfthLunarMonth') return twelfthLunarMonth(year);
  return { from: `${year}-${rule.period.from}`, to: `${year}-${rule.period.to}` };
}

/** Why `date` cannot be recorded for `duty` of `year`, or null when it can (messages in Chinese). */
export function mobileDutyDateProblem(duty: MobileDuty, year: number, date: string): string | null {
  const rule = mobileEight.duties.find((d) => d.duty === duty)!;
  const { from, to } = mobileDutyPeriod(duty, year);
  if (date < from) return `日期不能早于该项的期间（${from} 起）`;
  if (!rule.lateAllowed && date > to) return `日期须在 ${from} 至 ${to} 之间`;
  return null;
}

/** The time a member was away: from leaving to returning home (null while still away). */
export type AwaySpan = { from: string; to: string | null };

export type MobileDutyRecord = { duty: MobileDuty; date: string };

export interface MobileDutyState {
  duty: MobileDuty;
  rule: string;
  from: string;
  to: string;
  status: MobileDutyStatus;
  /** The recorded date, if any. */
  date: string | null;
}

/**
 * Every yearly duty of one member for `year` as of `at` (YYYY-MM-DD). `away` is null for a member
 * who has not left; `records` are his records for that year.
 */
export function mobileDutyStates(
  year: number,
  away: AwaySpan | null,
  records: readonly MobileDutyRecord[],
  at: string,
): MobileDutyState[] {
  return mobileEight.duties.map(({ duty, rule }) => {
    const { from, to } = mobileDutyPeriod(duty, year);
    const record = records.find((r) => r.duty === duty);
    const state = { duty, rule, from, to, date: record?.date ?? null };
    if (record) return { ...state, status: record.date <= to ? 'done' : 'late' };
    const applies = away !== null && away.from <= to && (away.to === null || away.to >= from);
    if (!applies) return { ...state, status: 'notApplicable' };
    if (at < from) return { ...state, status: 'notYet' };
    return { ...state, status: at <= to ? 'due' : 'overdue' };
  });
}

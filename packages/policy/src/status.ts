// The engine's answer for one pairing as of one date (issue 5, "Status").
import type { ActivityCategory, EntryStatus } from './vocabulary.ts';

/** One duty in one period: a year, a quarter, or the whole term for one person. */
export interface PeriodStatus {
  /** Present for per-person rules (R-VISIT-PRINCIPAL). */
  person?: string;
  /** Present for rules counted per activity category (R-SIX-ONES, R-LESSON). */
  category?: ActivityCategory;
  from: string;
  to: string;
  required: number;
  /** Events counted, or for fund rules the sum of their amounts in yuan. */
  actual: number;
  status: EntryStatus;
  /** Ids of the events counted, by date then id. */
  evidence: string[];
}

export interface RuleStatus {
  rule: string;
  periods: PeriodStatus[];
}

export type StatusSummary = Record<EntryStatus, number>;

export interface ComplianceStatus {
  pack: string;
  at: string;
  rules: RuleStatus[];
  summary: StatusSummary;
}

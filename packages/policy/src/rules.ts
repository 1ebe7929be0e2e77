// Rule kinds the engine knows how to evaluate. A pack is data that lists rules of these kinds with
// their parameters; the engine never mentions a rule id or a minimum itself.
import type { ActivityCategory, Role } from './vocabulary.ts';

/** Rules that apply only to some pairings; a rule without it applies to every pairing. */
export interface Applicability {
  /** `true`: only when the paired village is economically weak (经济薄弱村). */
  readonly weakVillage?: boolean;
}

interface RuleBase {
  readonly id: string;
  readonly appliesTo?: Applicability;
}

/** Visits in which someone of `roles` took part, or the responsible department when `department`. */
export interface VisitSelector {
  readonly type: 'visit';
  readonly roles: readonly Role[];
  readonly department: boolean;
}

/** Activities of each category, counted separately: one entry per category and period. */
export interface ActivitySelector {
  readonly type: 'activity';
  readonly categories: readonly ActivityCategory[];
}

/** At least `min` matching events per calendar year, prorated by days in a partial year. */
export interface YearlyCountRule extends RuleBase {
  readonly kind: 'yearly-count';
  readonly min: number;
  readonly select: VisitSelector | ActivitySelector;
}

/** Every person of `roles` takes part in at least `min` visits during the whole term. */
export interface TermVisitsPerPersonRule extends RuleBase {
  readonly kind: 'term-visits-per-person';
  readonly min: number;
  readonly roles: readonly Role[];
}

/** Fund amounts adding up to at least `min` yuan per calendar year, prorated by days. */
export interface YearlyFundsRule extends RuleBase {
  readonly kind: 'yearly-funds';
  readonly min: number;
}

/** A report for every calendar quarter the term touches, due `dueDays` after the quarter ends. */
export interface QuarterlyReportRule extends RuleBase {
  readonly kind: 'quarterly-report';
  readonly dueDays: number;
}

export type Rule =
  YearlyCountRule | TermVisitsPerPersonRule | YearlyFundsRule | QuarterlyReportRule;

export interface PolicyPack {
  readonly id: string;
  /** Source document tag in DOMAIN.md (S1, S2, S5). */
  readonly source: string;
  readonly title: string;
  /** A duty not yet met is "due soon" in the last `dueSoonDays` days before it falls due. */
  readonly dueSoonDays: number;
  /** Evaluated and reported in this order. */
  readonly rules: readonly Rule[];
}

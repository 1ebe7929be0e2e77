// Rules checked when an agreement is signed (DOMAIN.md lifecycle step 6), as data per pack.
// Minimums are read from the pack objects in packs.ts, never restated here.
import { dayNumber, parseDay, yearOfDay } from './dates.ts';
import { PACKS, type PackId } from './packs.ts';
import { prorate } from './periods.ts';
import type { Applicability, PolicyPack, YearlyFundsRule } from './rules.ts';

/** Yearly funding in the agreement reaches the pack's yearly minimum, prorated by days. */
export interface SigningFundsRule {
  readonly id: string;
  readonly kind: 'yearly-funds';
  readonly min: number;
  readonly appliesTo?: Applicability;
}

/** At least `min` projects with a checkable indicator falling within the term (R-PROJECT). */
export interface SigningProjectsRule {
  readonly id: string;
  readonly kind: 'checkable-projects';
  readonly min: number;
}

export type SigningRule = SigningFundsRule | SigningProjectsRule;

function fundsRuleOf(pack: PolicyPack, id: string): SigningFundsRule {
  const rule = pack.rules.find(
    (r): r is YearlyFundsRule => r.id === id && r.kind === 'yearly-funds',
  );
  if (!rule) throw new Error(`pack ${pack.id} has no yearly-funds rule ${id}`);
  return { id: rule.id, kind: 'yearly-funds', min: rule.min, appliesTo: rule.appliesTo };
}

// R-PROJECT comes from S1 §10, so only the Shanghai pack carries it; S2 and S5 set no signing
// conditions of their own.
export const SIGNING_RULES: Record<PackId, readonly SigningRule[]> = {
  'sh-2010': [
    fundsRuleOf(PACKS['sh-2010'], 'R-WEAK-FUNDS'),
    { id: 'R-PROJECT', kind: 'checkable-projects', min: 1 },
  ],
  'ah-2011': [],
  'town-2010': [],
};

export interface SigningProject {
  readonly year: number;
  readonly indicator: {
    readonly description: string;
    readonly quantity: number;
    readonly unit: string;
  } | null;
}

export interface SigningInput {
  readonly weakVillage: boolean;
  /** `YYYY-MM-DD`, both inclusive. */
  readonly termStart: string;
  readonly termEnd: string;
  readonly yearlyFunds: readonly { readonly year: number; readonly amount: number }[];
  readonly projects: readonly SigningProject[];
}

/** One unmet condition; `path` names the agreement field it concerns, e.g. `yearlyFunds.2011`. */
export interface SigningIssue {
  readonly ruleId: string;
  readonly path: string;
  readonly required: number;
  readonly actual: number;
  /** For yearly rules, the calendar year concerned. */
  readonly year?: number;
}

/** Days of `year` inside the term and the minimum for that part, as the compliance engine prorates. */
export function yearlyMinimums(min: number, termStart: string, termEnd: string) {
  const from = parseDay(termStart);
  const to = parseDay(termEnd);
  if (Number.isNaN(from) || Number.isNaN(to) || to < from) {
    throw new Error(`bad term ${termStart}..${termEnd}`);
  }
  const rows: { year: number; days: number; required: number }[] = [];
  for (let year = yearOfDay(from); year <= yearOfDay(to); year++) {
    const days = Math.min(to, dayNumber(year, 12, 31)) - Math.max(from, dayNumber(year, 1, 1)) + 1;
    rows.push({ year, days, required: prorate(min, days, year) });
  }
  return rows;
}

function applies(rule: SigningFundsRule, input: SigningInput): boolean {
  return rule.appliesTo?.weakVillage !== true || input.weakVillage;
}

/** Every unmet signing condition of the pack; an empty list means the agreement may be signed. */
export function checkSigning(packId: PackId, input: SigningInput): SigningIssue[] {
  const issues: SigningIssue[] = [];
  for (const rule of SIGNING_RULES[packId]) {
    if (rule.kind === 'yearly-funds') {
      if (!applies(rule, input)) continue;
      for (const { year, required } of yearlyMinimums(rule.min, input.termStart, input.termEnd)) {
        const actual = input.yearlyFunds
          .filter((row) => row.year === year)
          .reduce((sum, row) => sum + row.amount, 0);
        if (actual < required) {
          issues.push({ ruleId: rule.id, path: `yearlyFunds.${year}`, required, actual, year });
        }
      }
    } else {
      const first = yearOfDay(parseDay(input.termStart));
      const last = yearOfDay(parseDay(input.termEnd));
      const actual = input.projects.filter(
        (p) => p.indicator !== null && p.year >= first && p.year <= last,
      ).length;
      if (actual < rule.min) {
        issues.push({ ruleId: rule.id, path: 'projects', required: rule.min, actual });
      }
    }
  }
  return issues;
}

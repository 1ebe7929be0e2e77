// Village Party secretaries' pay (R-SECRETARY-PAY, S3 §2(4)): the yearly "双百分" assessment moves
// the pay by a fixed sum per point above or below the standard, the contribution award is a share
// of the income the village created, the city subsidises the two insurances; on leaving office a
// secretary gets a one-off allowance, or after ten years a yearly one of 30% of the village's
// current secretary's base subsidy. Pure arithmetic on whole yuan; docs/secretaries.md gives the
// reading of every number and the worked examples the tests repeat.
import { civilDate, dayNumber, daysInYear, formatDay, parseDay } from './dates.ts';
import { prorate } from './periods.ts';

/** The two halves of "双百分", each scored against its own standard (docs/secretaries.md). */
export const assessmentParts = ['partyBuilding', 'development'] as const;
export type AssessmentPart = (typeof assessmentParts)[number];

/**
 * The documents' numbers as data (a city may change them from a given year). Rates are whole
 * percents so that every amount is exact integer arithmetic, rounded once.
 */
export type SecretaryPayParameters = {
  /** The standard of each part: 100 of "双百分" (two hundred-point sheets). */
  standardPointsPerPart: number;
  /** Yuan added per point gained and taken per point lost (S3: 每增加1分奖励50元). */
  yuanPerPoint: number;
  /** Contribution award, percent of the income the village created (S3: 创收的10%). */
  contributionAwardPercent: number;
  /** Percent of the year's two-insurance premiums the city pays (S3: 市财政补贴"两险"保费). */
  insuranceSubsidyPercent: number;
  /** One-off allowance: months of the secretary's base subsidy per counted year of service. */
  oneOffMonthsPerServiceYear: number;
  /** Continuous years of service from which the allowance is yearly instead (S3: 10年以上). */
  yearlyAllowanceMinYears: number;
  /** The yearly allowance, percent of the village's current secretary's base subsidy (S3: 30%). */
  yearlyAllowancePercent: number;
};

/** S3 §2(4)'s values; the one-off measure is ours, the document gives none (docs/secretaries.md). */
export const documentPayParameters: SecretaryPayParameters = {
  standardPointsPerPart: 100,
  yuanPerPoint: 50,
  contributionAwardPercent: 10,
  insuranceSubsidyPercent: 100,
  oneOffMonthsPerServiceYear: 1,
  yearlyAllowanceMinYears: 10,
  yearlyAllowancePercent: 30,
};

/** A term as secretary: inclusive dates, `to` null while serving; base subsidy yuan a year. */
export type SecretaryTerm = { from: string; to: string | null; baseSubsidyPerYear: number };

export type PointsLine = { part: AssessmentPart; kind: 'gain' | 'loss'; points: number };

export type AssessmentInput = {
  year: number;
  /** The secretary's terms; those overlapping `year` make the year's base subsidy. */
  terms: readonly SecretaryTerm[];
  lines: readonly PointsLine[];
  /** Yuan the village created in the year; a loss (negative) earns no award. */
  incomeCreated: number;
  /** Yuan the year's basic pension and medical insurance premiums came to. */
  insurancePremiums: number;
};

export type SecretaryPay = {
  year: number;
  daysInOffice: number;
  daysInYear: number;
  scores: Record<AssessmentPart, number>;
  pointsGained: number;
  pointsLost: number;
  baseSubsidy: number;
  /** (gained − lost) × yuan per point, but never below minus the base subsidy. */
  pointsAdjustment: number;
  /** The deduction was cut so that the base subsidy does not go below zero. */
  deductionCapped: boolean;
  contributionAward: number;
  insuranceSubsidy: number;
  total: number;
};

/** Why an assessment cannot be computed; `field` names the input at fault. */
export class SecretaryPayError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** a × percent / 100, rounded half up, for non-negative integers. */
const percentOf = (amount: number, percent: number) =>
  Math.floor((2 * amount * percent + 100) / 200);

const openEnd = dayNumber(9999, 12, 31);

/** Days of `year` inside the term (inclusive dates). */
function overlapDays(term: SecretaryTerm, year: number) {
  const from = Math.max(parseDay(term.from), dayNumber(year, 1, 1));
  const to = Math.min(term.to === null ? openEnd : parseDay(term.to), dayNumber(year, 12, 31));
  return Math.max(0, to - from + 1);
}

/**
 * The year's pay, itemised. The base subsidy is each term's yearly subsidy for its days in the
 * year (a partial year prorated by days, as DOMAIN.md does for every yearly sum); the points, the
 * award and the insurance are the year's whatever the days. Each item is rounded once, half up, to
 * whole yuan, and the total is their sum.
 */
export function assessSecretaryYear(
  input: AssessmentInput,
  params: SecretaryPayParameters = documentPayParameters,
): SecretaryPay {
  const yearDays = daysInYear(input.year);
  const days = input.terms.reduce((sum, term) => sum + overlapDays(term, input.year), 0);
  if (days === 0) throw new SecretaryPayError('year', `${input.year} 年该书记不在任，无需考核`);
  if (days > yearDays) throw new SecretaryPayError('terms', '任期相互重叠');
  // Σ base × days / days in year, rounded once: prorate() of the sum over a one-day "minimum".
  const weighted = input.terms.reduce(
    (sum, term) => sum + term.baseSubsidyPerYear * overlapDays(term, input.year),
    0,
  );
  const baseSubsidy = prorate(weighted, 1, input.year);

  const scores = { partyBuilding: 0, development: 0 } as Record<AssessmentPart, number>;
  let gained = 0;
  let lost = 0;
  for (const line of input.lines) {
    if (line.kind === 'gain') gained += line.points;
    else lost += line.points;
    scores[line.part] += line.kind === 'gain' ? line.points : -line.points;
  }
  for (const part of assessmentParts) {
    scores[part] += params.standardPointsPerPart;
    if (scores[part] < 0)
      throw new SecretaryPayError('lines', '扣分不能超过该项的标准分（得分不能为负）');
  }

  const byPoints = (gained - lost) * params.yuanPerPoint;
  const pointsAdjustment = Math.max(byPoints, -baseSubsidy);
  const contributionAward = percentOf(
    Math.max(0, input.incomeCreated),
    params.contributionAwardPercent,
  );
  const insuranceSubsidy = percentOf(input.insurancePremiums, params.insuranceSubsidyPercent);
  return {
    year: input.year,
    daysInOffice: days,
    daysInYear: yearDays,
    scores,
    pointsGained: gained,
    pointsLost: lost,
    baseSubsidy,
    pointsAdjustment,
    deductionCapped: pointsAdjustment !== byPoints,
    contributionAward,
    insuranceSubsidy,
    total: baseSubsidy + pointsAdjustment + contributionAward + insuranceSubsidy,
  };
}

/** Whole years and the days left over, counted by calendar anniversaries. */
export type Span = { years: number; days: number };

/** The same day `years` later; 29 February becomes 1 March in a common year. */
function anniversary(dayNo: number, years: number) {
  const [y, m, d] = civilDate(dayNo);
  return dayNumber(y + years, m, d);
}

/** The span of the inclusive dates `from`…`to`: 2015-03-01…2025-02-28 is 10 years 0 days. */
export function spanOf(from: number, to: number): Span {
  const end = to + 1;
  let years = civilDate(end)[0] - civilDate(from)[0];
  if (anniversary(from, years) > end) years -= 1;
  return { years, days: end - anniversary(from, years) };
}

export type Service = {
  /** The last day in office. */
  leavingDate: string;
  /** The unbroken service that ends on the leaving day (terms that follow on without a gap). */
  continuousFrom: string;
  continuous: Span;
  /** Every term added up: whole years of each stretch, the leftover days in 365s. */
  cumulative: Span;
};

/**
 * The service of a secretary who has left: terms ended, in any order, not overlapping. A term that
 * starts the day after another ends (a re-election) continues it; any gap breaks the continuity.
 */
export function serviceOf(terms: readonly { from: string; to: string }[]): Service {
  if (terms.length === 0) throw new SecretaryPayError('terms', '没有任期');
  const stretches: { from: number; to: number }[] = [];
  for (const term of [...terms].sort((a, b) => (a.from < b.from ? -1 : 1))) {
    const from = parseDay(term.from);
    const to = parseDay(term.to);
    if (to < from) throw new SecretaryPayError('terms', '任期结束早于开始');
    const last = stretches.at(-1);
    if (last && from <= last.to) throw new SecretaryPayError('terms', '任期相互重叠');
    if (last && from === last.to + 1) last.to = to;
    else stretches.push({ from, to });
  }
  const spans = stretches.map((s) => spanOf(s.from, s.to));
  const years = spans.reduce((sum, s) => sum + s.years, 0);
  const days = spans.reduce((sum, s) => sum + s.days, 0);
  const last = stretches.at(-1)!;
  return {
    leavingDate: formatDay(last.to),
    continuousFrom: formatDay(last.from),
    continuous: spans.at(-1)!,
    cumulative: { years: years + Math.floor(days / 365), days: days % 365 },
  };
}

export type DepartureBases = {
  /** The leaving secretary's own base subsidy a year, on the leaving day (the one-off's base). */
  ownBaseSubsidyPerYear: number;
  /** The base subsidy a year of the village's secretary now in office (the yearly allowance's). */
  currentBaseSubsidyPerYear: number;
};

export type DepartureAllowance =
  | {
      kind: 'oneOff';
      /** Counted service in half years: whole years, a rest of half a year or more as a year,
       * a shorter rest as half a year. */
      countedHalfYears: number;
      amount: number;
    }
  | {
      kind: 'yearly';
      /** Yuan a year while the village's current secretary's base subsidy stays as it is. */
      amount: number;
      /** The rest of the leaving year, from the next day, prorated by days. */
      firstYearAmount: number;
    };

const HALF_YEAR_DAYS = 183;

/** The yearly allowance for a current secretary's base subsidy: it follows that subsidy. */
export const yearlyAllowanceAmount = (
  currentBaseSubsidyPerYear: number,
  params: Pick<SecretaryPayParameters, 'yearlyAllowancePercent'>,
) => percentOf(currentBaseSubsidyPerYear, params.yearlyAllowancePercent);

/**
 * The allowance on leaving office (S3 §2(4)): yearly when the continuous service on the leaving
 * day reaches the threshold, so a secretary who passes ten years mid-year and then leaves gets the
 * yearly allowance; otherwise one-off over the cumulative service ("连续任职或累计任职不满10年").
 */
export function departureAllowance(
  service: Service,
  bases: DepartureBases,
  params: SecretaryPayParameters = documentPayParameters,
): DepartureAllowance {
  if (service.continuous.years >= params.yearlyAllowanceMinYears) {
    const amount = yearlyAllowanceAmount(bases.currentBaseSubsidyPerYear, params);
    const leaving = parseDay(service.leavingDate);
    const [year] = civilDate(leaving);
    const rest = dayNumber(year, 12, 31) - leaving;
    return { kind: 'yearly', amount, firstYearAmount: prorate(amount, rest, year) };
  }
  const { years, days } = service.cumulative;
  const countedHalfYears = 2 * years + (days >= HALF_YEAR_DAYS ? 2 : days > 0 ? 1 : 0);
  // base / 12 months × months per year × half years / 2, rounded once, half up.
  const numerator =
    bases.ownBaseSubsidyPerYear * params.oneOffMonthsPerServiceYear * countedHalfYears;
  return { kind: 'oneOff', countedHalfYears, amount: Math.floor((2 * numerator + 24) / 48) };
}

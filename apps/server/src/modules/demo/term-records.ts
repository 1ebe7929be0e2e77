// What happened in one demo pairing from the start of its term to today, as records in the
// contract's `RecordInput`: visits by the leader in charge and the department twice a year
// (R-VISIT-LEAD), each leader's visit (R-VISIT-PRINCIPAL), the "six ones" and Party lessons
// (R-SIX-ONES, R-LESSON), funds for weak villages (R-WEAK-FUNDS), project progress and acceptance
// (R-PROJECT) and quarterly reports (R-REPORT-Q). A lagging pairing falls short in one past year.
import { prorate } from '@pairing/policy';
import type { LedgerSide, RecordCategory, RecordInput } from '@pairing/shared';
import { addDays, daysBetween, maxDay, minDay, yearOf } from './days.ts';
import type { seededRandom } from './rng.ts';
import { personName } from './term-agreement.ts';
import type { RosterPerson } from './term-roster.ts';
import type { DemoPairing } from './term-signing.ts';
import * as t from './term-texts.ts';

type Rng = ReturnType<typeof seededRandom>;

export type PlannedRecord = { side: LedgerSide; content: RecordInput };

export type Profile = {
  /** A past year in which the pairing falls short of its yearly duties; null when none. */
  shortYear: number | null;
  /** Share of quarterly reports filed after they fell due. */
  lateReports: number;
  /** The unit gives through the city's charity foundation (R-TAX-CAP's eligible channel). */
  charity: boolean;
  /** One team member has not visited the village yet (R-VISIT-PRINCIPAL). */
  absentMember: boolean;
};

/** The documented accounts' pairing keeps its duties and gives through the charity foundation. */
export const showcaseProfile: Profile = {
  shortYear: null,
  lateReports: 0,
  charity: true,
  absentMember: false,
};

type Ctx = {
  rng: Rng;
  pairing: DemoPairing;
  roster: RosterPerson[];
  profile: Profile;
  /** The last day records may carry: yesterday, or the term's end. */
  last: string;
};

/** A day of [from, to] clipped to the term, or null when nothing of it lies in the term. */
function dayWithin(ctx: Ctx, from: string, to: string) {
  const lo = maxDay(from, ctx.pairing.termStart);
  const hi = minDay(to, ctx.pairing.termEnd);
  if (hi < lo) return null;
  return addDays(lo, ctx.rng.int(0, daysBetween(lo, hi)));
}

const on = (person: RosterPerson, day: string) =>
  person.from <= day && (person.to === null || person.to >= day);

function others(ctx: Ctx) {
  return t.villagePosts
    .slice(0, ctx.rng.int(1, 3))
    .map((post) => `${personName(ctx.rng)}（${post}）`);
}

function visit(ctx: Ctx, date: string, people: RosterPerson[], department: boolean): PlannedRecord {
  const present = people.filter((p) => on(p, date));
  const staff = ctx.roster.filter((p) => p.role === 'member' && on(p, date)).slice(0, 1);
  return {
    side: 'urban',
    content: {
      type: 'visit',
      date,
      place: ctx.rng.pick(t.visitPlaces),
      narrative: ctx.rng.pick(t.visitNarratives),
      people: {
        rosterIds: [...new Set([...present, ...staff].map((p) => p.id))],
        others: others(ctx),
      },
      department,
    },
  };
}

function activity(ctx: Ctx, date: string, category: RecordCategory): PlannedRecord {
  const urban = ctx.rng
    .shuffle(ctx.roster.filter((p) => p.role !== 'principal' && on(p, date)))
    .slice(0, 2);
  const other = category === 'other' ? ctx.rng.pick(t.otherActivities) : null;
  const text = other ?? t.activityTexts[category as Exclude<RecordCategory, 'other'>];
  return {
    side: category === 'culture_sports' || ctx.rng.next() < 0.15 ? 'rural' : 'urban',
    content: {
      type: 'activity',
      date,
      place: text.place,
      narrative: text.text,
      people: { rosterIds: urban.map((p) => p.id), others: others(ctx) },
      category,
      ...(other ? { categoryLabel: other.label } : {}),
    },
  };
}

/** Lead visits of one year: twice a year prorated, once short in the lagging year. */
function leadVisits(ctx: Ctx, year: number, from: string, to: string) {
  const required = prorate(2, daysBetween(from, to) + 1, year);
  const count =
    year === ctx.profile.shortYear ? required - 1 : required + (ctx.rng.next() < 0.5 ? 1 : 0);
  const span = daysBetween(from, to) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => {
    const lo = addDays(from, Math.floor((span * i) / count));
    const date = dayWithin(ctx, lo, addDays(from, Math.floor((span * (i + 1)) / count) - 1))!;
    const leads = ctx.roster.filter((p) => p.role === 'lead');
    return visit(ctx, date, leads, true);
  });
}

/** Each principal and team member visits once in their time on the roster. */
function leaderVisits(ctx: Ctx) {
  const leaders = ctx.roster.filter((p) => p.role === 'principal' || p.role === 'team');
  const absent = ctx.profile.absentMember ? leaders.findLast((p) => p.role === 'team') : undefined;
  return leaders
    .filter((person) => person !== absent)
    .map((person) => {
      const end = minDay(person.to ?? ctx.pairing.termEnd, ctx.pairing.termEnd);
      const span = daysBetween(person.from, end);
      const [lo, hi] = ctx.profile.shortYear === null ? [0.05, 0.6] : [0.3, 1];
      const day = addDays(person.from, ctx.rng.int(Math.floor(span * lo), Math.floor(span * hi)));
      return visit(ctx, day, [person], false);
    });
}

type Plan = { category: RecordCategory; p: number; from: string; to: string };

/** The "six ones" and more through the year (S2 §2.2); the pack decides which of them count. */
function activities(ctx: Ctx, year: number) {
  const y = (md: string) => `${year}-${md}`;
  const town = ctx.pairing.spec.packId === 'town-2010';
  const plans: Plan[] = [
    { category: 'work_plan', p: town ? 0.5 : 0.9, from: y('01-10'), to: y('03-31') },
    { category: 'joint_meeting', p: town ? 0.4 : 0.85, from: y('02-01'), to: y('04-30') },
    { category: 'party_lesson', p: town ? 0.97 : 0.8, from: y('06-10'), to: y('07-20') },
    { category: 'symposium', p: town ? 0.95 : 0.4, from: y('03-01'), to: y('11-30') },
    { category: 'volunteer_service', p: 0.8, from: y('04-01'), to: y('11-30') },
    { category: 'culture_sports', p: 0.5, from: y('09-01'), to: y('10-31') },
    { category: 'resident_visit', p: 0.8, from: y('01-10'), to: y('02-10') },
    { category: 'training', p: 0.3, from: y('03-01'), to: y('11-30') },
    { category: 'other', p: 0.3, from: y('05-01'), to: y('11-30') },
  ];
  // The term's first months: the new pairs meet, plan and hold a lesson soon after signing.
  const opening = year === yearOf(ctx.pairing.termStart);
  return plans.flatMap((plan) => {
    const skip = year === ctx.profile.shortYear && town && plan.category === 'party_lesson';
    if (skip || ctx.rng.next() > plan.p) return [];
    const date = opening
      ? dayWithin(ctx, addDays(ctx.pairing.termStart, 15), y('12-20'))
      : dayWithin(ctx, plan.from, plan.to);
    return date ? [activity(ctx, date, plan.category)] : [];
  });
}

function fund(
  ctx: Ctx,
  date: string,
  amount: number,
  purpose: string,
  projectIndex: number | null,
) {
  const { rng, pairing } = ctx;
  const inKind = rng.next() < 0.15;
  const roll = rng.next();
  const channel =
    ctx.profile.charity || roll < 0.2 ? 'charity' : roll < 0.3 ? 'government' : 'direct';
  const receipt = `${pairing.village.code.slice(6, 9)}-${date.slice(0, 4)}${String(rng.int(1, 999)).padStart(3, '0')}`;
  return {
    side: 'urban',
    content: {
      type: 'fund',
      date,
      place: '村委会',
      narrative: channel === 'charity' ? '经上海市慈善基金会定向捐赠，专款专用。' : '',
      form: inKind ? 'in_kind' : 'cash',
      amount,
      source: pairing.unit.districtCode && rng.next() < 0.3 ? 'district_pool' : 'unit',
      purpose: inKind ? rng.pick(t.inKindGoods) : purpose,
      projectIndex,
      channel,
      receiptNo: receipt,
    },
  } satisfies PlannedRecord;
}

/** The agreed yearly amount in one or two payments; the lagging year misses the second. */
function funds(ctx: Ctx, year: number) {
  const row = ctx.pairing.content.yearlyFunds.find((f) => f.year === year);
  if (!row || row.amount === 0) return [];
  const projects = ctx.pairing.content.projects;
  const project = projects.findIndex((p) => p.year === year);
  const purpose = project >= 0 ? projects[project].title : ctx.rng.pick(t.weakFundPurposes);
  const link = project >= 0 && ctx.rng.next() < 0.6 ? project : null;
  const whole = row.amount >= 20_000 && yearOf(ctx.pairing.termStart) < year;
  if (!whole) {
    const date = dayWithin(ctx, `${year}-09-01`, `${year}-12-15`);
    return date ? [fund(ctx, date, row.amount, purpose, link)] : [];
  }
  const half = Math.round(row.amount / 2000) * 1000;
  const first = dayWithin(ctx, `${year}-04-01`, `${year}-06-30`);
  const second = dayWithin(ctx, `${year}-09-01`, `${year}-11-30`);
  return [
    ...(first ? [fund(ctx, first, half, purpose, link)] : []),
    ...(second && year !== ctx.profile.shortYear
      ? [fund(ctx, second, row.amount - half, purpose, link)]
      : []),
  ];
}

/** The village's progress on each project in its year, then the town's acceptance. */
function projectRecords(ctx: Ctx): PlannedRecord[] {
  return ctx.pairing.content.projects.flatMap((project, projectIndex) => {
    const quantity = project.indicator?.quantity ?? 0;
    const windows = [
      ['03-01', '04-30'],
      ['07-01', '08-31'],
      ['10-01', '11-20'],
    ];
    const records: PlannedRecord[] = t.milestones.flatMap((m, i) => {
      const date = dayWithin(
        ctx,
        `${project.year}-${windows[i][0]}`,
        `${project.year}-${windows[i][1]}`,
      );
      if (!date) return [];
      return [
        {
          side: 'rural',
          content: {
            type: 'progress',
            date,
            place: '项目现场',
            narrative: `${project.title}：${m.name}。`,
            projectIndex,
            milestone: m.name,
            percent: m.percent,
            indicatorValue: Math.round(quantity * m.share * 10) / 10,
          },
        } satisfies PlannedRecord,
      ];
    });
    const done = records.find((r) => r.content.type === 'progress' && r.content.percent === 100);
    if (!done) return records;
    const passed = ctx.rng.next() > 0.05;
    const accepted = {
      side: 'rural',
      content: {
        type: 'acceptance',
        date: addDays(done.content.date, ctx.rng.int(15, 45)),
        place: '项目现场',
        narrative: passed
          ? `镇党委组织对${project.title}进行验收，指标达到协议要求，同意通过验收。`
          : `镇党委组织对${project.title}进行验收，部分指标未达到协议要求，限期整改后复验。`,
        projectIndex,
        indicatorValue: passed ? quantity : Math.round(quantity * 0.8 * 10) / 10,
        passed,
      },
    } satisfies PlannedRecord;
    return [...records, accepted];
  });
}

const quarterName = (q: number) => `${Math.floor(q / 4)}Q${(q % 4) + 1}`;
const quarterEnd = (q: number) =>
  addDays(`${Math.floor(q / 4) + (q % 4 === 3 ? 1 : 0)}-${['04', '07', '10', '01'][q % 4]}-01`, -1);
const quarterOfDay = (day: string) =>
  yearOf(day) * 4 + Math.floor((Number(day.slice(5, 7)) - 1) / 3);

/** Quarterly reports (R-REPORT-Q, due ten days after the quarter), prefilled from its records. */
function reports(ctx: Ctx, records: PlannedRecord[]): PlannedRecord[] {
  const out: PlannedRecord[] = [];
  for (let q = quarterOfDay(ctx.pairing.termStart); q < quarterOfDay(ctx.last); q += 1) {
    const end = quarterEnd(q);
    if (yearOf(end) === ctx.profile.shortYear && ctx.rng.next() < 0.25) continue;
    const late = ctx.rng.next() < ctx.profile.lateReports;
    const date = addDays(end, late ? ctx.rng.int(12, 40) : ctx.rng.int(2, 9));
    const inQuarter = records.filter((r) => quarterOfDay(r.content.date) === q);
    const count = (type: string) => inQuarter.filter((r) => r.content.type === type).length;
    const money = inQuarter.reduce(
      (sum, r) => sum + (r.content.type === 'fund' ? r.content.amount : 0),
      0,
    );
    const name = quarterName(q);
    out.push({
      side: 'urban',
      content: {
        type: 'report',
        date,
        quarter: name,
        body:
          `${name.slice(0, 4)}年第${name.slice(5)}季度，${ctx.pairing.unit.name}与${ctx.pairing.village.name}` +
          `结对共建：走访${count('visit')}次，开展活动${count('activity')}次，` +
          `项目进度记录${count('progress')}条，到位帮扶资金${money}元。` +
          '\n下季度将继续按协议推进帮扶项目，做好党课和座谈安排。',
      },
    });
  }
  return out;
}

/** Every record of the pairing dated by yesterday (or the term's end), by date. */
export function plannedRecords(
  rng: Rng,
  pairing: DemoPairing,
  roster: RosterPerson[],
  profile: Profile,
  today: string,
): PlannedRecord[] {
  const last = minDay(addDays(today, -1), pairing.termEnd);
  const ctx: Ctx = { rng, pairing, roster, profile, last };
  if (last < pairing.termStart) return [];
  const records: PlannedRecord[] = [...leaderVisits(ctx), ...projectRecords(ctx)];
  for (let year = yearOf(pairing.termStart); year <= yearOf(last); year += 1) {
    const from = maxDay(pairing.termStart, `${year}-01-01`);
    const to = minDay(pairing.termEnd, `${year}-12-31`);
    records.push(...leadVisits(ctx, year, from, to), ...activities(ctx, year));
    records.push(...funds(ctx, year));
  }
  const dated = records.filter((r) => r.content.date <= last);
  if (pairing.spec.packId === 'town-2010')
    dated.push(...reports(ctx, dated).filter((r) => r.content.date <= last));
  return dated.sort((a, b) =>
    a.content.date < b.content.date ? -1 : a.content.date > b.content.date ? 1 : 0,
  );
}

/**
 * The showcase pairing's last days (the documented unit and village accounts): a visit and an
 * activity awaiting the village's confirmation, progress awaiting the unit's, and a fund the
 * village objected to, awaiting the town's settlement.
 */
export function recentRecords(
  rng: Rng,
  pairing: DemoPairing,
  roster: RosterPerson[],
  today: string,
): Array<PlannedRecord & { state: 'pending' | 'disputed' }> {
  const ctx: Ctx = {
    rng,
    pairing,
    roster,
    profile: showcaseProfile,
    last: addDays(today, -1),
  };
  const day = (back: number) => maxDay(addDays(today, -back), pairing.termStart);
  const leads = roster.filter((p) => p.role === 'lead');
  const project = pairing.content.projects.length - 1;
  return [
    { ...visit(ctx, day(3), leads, true), state: 'pending' },
    { ...activity(ctx, day(6), 'volunteer_service'), side: 'urban', state: 'pending' },
    {
      side: 'rural',
      state: 'pending',
      content: {
        type: 'progress',
        date: day(2),
        place: '项目现场',
        narrative: `${pairing.content.projects[project].title}：主体工程（工作）过半。`,
        projectIndex: project,
        milestone: '主体工程（工作）过半',
        percent: 60,
        indicatorValue:
          Math.round((pairing.content.projects[project].indicator?.quantity ?? 0) * 5) / 10,
      },
    },
    { ...fund(ctx, day(9), 5_000, '困难群众帮扶', null), state: 'disputed' },
  ];
}

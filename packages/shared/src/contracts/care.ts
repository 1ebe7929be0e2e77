// The care archive (issue 14 item 3, R-CARE, R-DOUBLE-PAIR): members and residents in difficulty,
// the help given them (思想, 物质 "雪中送炭", 就业 "授之以渔", S3 §2(3)), the Party organization
// that adopted one (双结对), and the festival condolence visits (春节, 七一) listed before they fall due.
import { z } from 'zod';
import { paged, pageQuery } from './page.ts';
import { personSummary, revealReason } from './people.ts';
import { abilities, defineRoute, id, idParams } from './route.ts';
import { calendarDate, line, paragraph, requiredLine, yuanAmount } from './text.ts';

/** Who the case is about (S3: 困难党员, 企业退休党员, 失业党员; S2 §3.3, S3: 困难群众). */
export const careKinds = ['member', 'retiredMember', 'unemployedMember', 'resident'] as const;
export type CareKind = (typeof careKinds)[number];
export const careKindLabels: Record<CareKind, string> = {
  member: '困难党员',
  retiredMember: '退休党员',
  unemployedMember: '失业党员',
  resident: '困难群众',
};

/** The kinds of difficulty a case records; a case has one or more. */
export const difficultyKinds = [
  'illness',
  'disability',
  'elderly',
  'lowIncome',
  'unemployment',
  'disaster',
  'familyHardship',
  'other',
] as const;
export type DifficultyKind = (typeof difficultyKinds)[number];
export const difficultyLabels: Record<DifficultyKind, string> = {
  illness: '因病',
  disability: '因残',
  elderly: '高龄/独居',
  lowIncome: '低收入',
  unemployment: '失业',
  disaster: '因灾',
  familyHardship: '家庭困难',
  other: '其他',
};

export const careStates = ['open', 'closed'] as const;
export type CareState = (typeof careStates)[number];

/** The three kinds of help of S3 §2(3). */
export const careHelpKinds = ['thought', 'material', 'employment'] as const;
export type CareHelpKind = (typeof careHelpKinds)[number];
export const careHelpKindLabels: Record<CareHelpKind, string> = {
  thought: '思想帮困',
  material: '物质帮困',
  employment: '就业帮困',
};

/** The festivals of condolence visits (慰问): the Spring Festival (lunar) and 1 July. */
export const festivals = ['springFestival', 'julyFirst'] as const;
export type Festival = (typeof festivals)[number];
export const festivalLabels: Record<Festival, string> = {
  springFestival: '春节',
  julyFirst: '七一',
};

/** A visit is listed from this many days before its festival … */
export const VISIT_LEAD_DAYS = 30;
/** … and is overdue when not recorded this many days after it. */
export const VISIT_GRACE_DAYS = 15;

/** One occurrence of a festival: its date (China calendar day) and the days left until it. */
export const festivalDay = z.object({
  festival: z.enum(festivals),
  year: z.number().int(),
  date: z.string(),
  daysLeft: z.number().int(),
});
export type FestivalDay = z.infer<typeof festivalDay>;

/**
 * Where a case stands for one festival: `due` (listed, not yet visited; daysLeft < 0 in the
 * grace days after it), `recorded`, `overdue` (not visited 15 days after), or `notOwed` (the
 * case was opened after the festival, or its window has not opened yet).
 */
export const visitStates = ['due', 'recorded', 'overdue', 'notOwed'] as const;
export type VisitState = (typeof visitStates)[number];

export const caseVisit = festivalDay.extend({
  state: z.enum(visitStates),
  /** The help entry recorded as this visit, if any. */
  helpId: z.number().nullable(),
  visitedOn: z.string().nullable(),
});
export type CaseVisit = z.infer<typeof caseVisit>;

const orgRef = z.object({ id: z.number(), name: z.string() });

export const careActions = ['update', 'close', 'adopt', 'addHelp'] as const;

export const careCaseSummary = z.object({
  id: z.number(),
  person: personSummary,
  kind: z.enum(careKinds),
  difficulties: z.array(z.enum(difficultyKinds)),
  state: z.enum(careStates),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  /** The organization that adopted the person (双结对, R-DOUBLE-PAIR), since when. */
  carer: orgRef.nullable(),
  carerSince: z.string().nullable(),
  helpCount: z.number(),
  lastHelpOn: z.string().nullable(),
});
export type CareCaseSummary = z.infer<typeof careCaseSummary>;

export const helpEntry = z.object({
  id: z.number(),
  kind: z.enum(careHelpKinds),
  date: z.string(),
  text: z.string(),
  /** Yuan, for material help (goods at their stated value). */
  amount: z.number().nullable(),
  givenByOrg: orgRef.nullable(),
  givenByName: z.string(),
  /** The festival whose condolence visit this entry is, and the festival's year. */
  festival: z.enum(festivals).nullable(),
  festivalYear: z.number().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type HelpEntry = z.infer<typeof helpEntry>;

export const careCaseView = careCaseSummary.extend({
  description: z.string(),
  closeReason: z.string(),
  help: z.array(helpEntry),
  /** For each festival, the occurrence the case stands before now (or just passed). */
  visits: z.array(caseVisit),
  abilities: abilities(careActions),
});
export type CareCaseView = z.infer<typeof careCaseView>;

const difficulties = z
  .array(z.enum(difficultyKinds, { message: '困难类型不正确' }), { error: '请选择困难类型' })
  .min(1, '请至少选择一种困难类型')
  .max(difficultyKinds.length, '困难类型重复')
  .refine((list) => new Set(list).size === list.length, '困难类型重复');

const caseFields = {
  kind: z.enum(careKinds, { message: '请选择帮扶对象类别' }),
  difficulties,
  description: paragraph('困难情况', 2000).default(''),
  openedOn: calendarDate,
};

export const careCaseInput = z.object({ personId: id, ...caseFields });
export type CareCaseInput = z.infer<typeof careCaseInput>;

export const careCaseUpdate = z.object(caseFields);
export type CareCaseUpdate = z.infer<typeof careCaseUpdate>;

export const careCloseInput = z.object({
  closedOn: calendarDate,
  reason: requiredLine('结案原因', 200),
});
export type CareCloseInput = z.infer<typeof careCloseInput>;

/** 双结对: the organization (a branch, unit, community …) that adopts the person; null ends it. */
export const carerInput = z
  .object({ carerOrgId: id.nullable(), since: calendarDate.nullable() })
  .refine((v) => (v.carerOrgId === null) === (v.since === null), {
    message: '请同时填写结对组织和结对日期',
    path: ['since'],
  });
export type CarerInput = z.infer<typeof carerInput>;

export const helpInput = z
  .object({
    kind: z.enum(careHelpKinds, { message: '请选择帮扶类型' }),
    date: calendarDate,
    text: requiredLine('帮扶内容', 1000),
    amount: yuanAmount.nullable().default(null),
    givenByOrgId: id.nullable().default(null),
    givenByName: line('帮扶人', 50).default(''),
    /** Marks the entry as this festival's condolence visit of the festival's year. */
    festival: z.enum(festivals, { message: '节日不正确' }).nullable().default(null),
    festivalYear: z.number().int().min(2000).max(2100).nullable().default(null),
  })
  .refine((v) => v.kind !== 'material' || v.amount !== null, {
    message: '物质帮困请填写金额（实物按价值折算）',
    path: ['amount'],
  })
  .refine((v) => v.kind === 'material' || v.amount === null, {
    message: '只有物质帮困填写金额',
    path: ['amount'],
  })
  .refine((v) => v.givenByOrgId !== null || v.givenByName !== '', {
    message: '请填写帮扶组织或帮扶人',
    path: ['givenByName'],
  })
  .refine((v) => (v.festival === null) === (v.festivalYear === null), {
    message: '慰问须同时注明节日和年份',
    path: ['festivalYear'],
  });
export type HelpInput = z.infer<typeof helpInput>;

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const careCaseQuery = z.object({
  /** Cases of people whose home organization lies under this org. */
  orgId: id.optional(),
  difficulty: z.enum(difficultyKinds, { message: '困难类型不正确' }).optional(),
  state: z.enum(careStates, { message: '状态不正确' }).optional(),
  kind: z.enum(careKinds, { message: '类别不正确' }).optional(),
  /** Only cases with a condolence visit now due or overdue. */
  due: booleanQuery.optional(),
  q: z.string().trim().max(50, '搜索词不超过 50 字').optional(),
  ...pageQuery,
});

export const dueVisit = caseVisit.extend({
  caseId: z.number(),
  person: personSummary,
});
export type DueVisit = z.infer<typeof dueVisit>;

export const dueVisitList = paged(dueVisit).extend({
  /** The next (or just passed) occurrence of each festival, whatever the list holds. */
  festivals: z.array(festivalDay),
});
export type DueVisitList = z.infer<typeof dueVisitList>;

/** At most this many cases in one export; narrow the filters for more. */
export const CARE_EXPORT_ROWS = 5_000;

const careTags = ['care'];
const oneCase = z.object({ case: careCaseView });

export const careApi = {
  list: defineRoute({
    method: 'GET',
    path: '/care/cases',
    tags: careTags,
    summary: '困难帮扶档案（本辖区及本组织双结对的对象）',
    query: careCaseQuery,
    response: { 200: paged(careCaseSummary) },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/care/cases/:id',
    tags: careTags,
    summary: '帮扶档案详情（帮扶记录与节日慰问）',
    params: idParams,
    response: { 200: oneCase },
  }),
  open: defineRoute({
    method: 'POST',
    path: '/care/cases',
    tags: careTags,
    summary: '为困难党员、群众建档（组织关系所在组织及上级）',
    body: careCaseInput,
    idempotent: true,
    response: { 201: oneCase },
  }),
  update: defineRoute({
    method: 'PUT',
    path: '/care/cases/:id',
    tags: careTags,
    summary: '修改帮扶档案',
    params: idParams,
    body: careCaseUpdate,
    response: { 200: oneCase },
  }),
  close: defineRoute({
    method: 'POST',
    path: '/care/cases/:id/close',
    tags: careTags,
    summary: '结案（已脱困、迁出或去世等）',
    params: idParams,
    body: careCloseInput,
    response: { 200: oneCase },
  }),
  addHelp: defineRoute({
    method: 'POST',
    path: '/care/cases/:id/help',
    tags: careTags,
    summary: '登记一次帮扶（思想、物质、就业；可注明为节日慰问）',
    params: idParams,
    body: helpInput,
    idempotent: true,
    response: { 201: oneCase },
  }),
  adopt: defineRoute({
    method: 'PUT',
    path: '/care/cases/:id/carer',
    tags: careTags,
    summary: '双结对：由一个党组织与该对象结对（null 解除）',
    params: idParams,
    body: carerInput,
    response: { 200: oneCase },
  }),
  dueVisits: defineRoute({
    method: 'GET',
    path: '/care/visits-due',
    tags: careTags,
    summary: '节日慰问（春节、七一）待办：节前 30 天起列出，节后 15 天未慰问为逾期',
    query: z.object({
      orgId: id.optional(),
      festival: z.enum(festivals, { message: '节日不正确' }).optional(),
      ...pageQuery,
    }),
    response: { 200: dueVisitList },
  }),
  export: defineRoute({
    method: 'POST',
    path: '/care/cases/export.xlsx',
    tags: careTags,
    summary: '导出帮扶档案（Excel，证件号与电话脱敏；须写明理由，记入审计）',
    body: z.object({
      reason: revealReason,
      orgId: id.optional(),
      difficulty: z.enum(difficultyKinds).optional(),
      state: z.enum(careStates).optional(),
      kind: z.enum(careKinds).optional(),
    }),
  }),
};

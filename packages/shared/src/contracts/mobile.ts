// Mobile Party members (issue 14 item 4; R-MOBILE-EIGHT, R-MOBILE-QUERY, R-MOBILE-REPORT). The
// outflow (home) organization registers a member and sends him to an inflow organization, which
// receives him or queries back first; either side may ask the other about him; his yearly duties
// of the 八个一 get a status per year. docs/mobile.md.
import { z } from 'zod';
import { pageQuery, paged } from './page.ts';
import { abilities, defineRoute, id, idParams } from './route.ts';
import { personSummary } from './people.ts';
import { calendarDate, line, paragraph, requiredLine } from './text.ts';

/** 务工 / 经商 / 学习 / 其他 (S3 §4.1). */
export const mobileReasons = ['work', 'business', 'study', 'other'] as const;
export type MobileReason = (typeof mobileReasons)[number];

/**
 * registered → sent (flowed out, awaiting receipt) → received, or queried (the inflow asked back
 * before accepting) → received; any of sent, queried, received → returned (home; the flow ends).
 */
export const mobileStates = ['registered', 'sent', 'queried', 'received', 'returned'] as const;
export type MobileState = (typeof mobileStates)[number];

/** Which side asks: the inflow organization (R-MOBILE-QUERY) or the outflow one. */
export const mobileSides = ['inflow', 'outflow'] as const;
export type MobileSide = (typeof mobileSides)[number];

/** The yearly duties of the 八个一 (packages/policy `mobileEight`). */
export const mobileDuties = ['reportH1', 'reportH2', 'goodDeed', 'letter', 'symposium'] as const;
export type MobileDutyKind = (typeof mobileDuties)[number];

export const mobileDutyStatuses = [
  'done',
  'late',
  'due',
  'overdue',
  'notYet',
  'notApplicable',
] as const;
export type MobileDutyStatusKind = (typeof mobileDutyStatuses)[number];

const year = z.coerce
  .number({ error: '年度须为数字' })
  .int('年度须为整数')
  .min(2000, '年度应在 2000 年至 2100 年之间')
  .max(2100, '年度应在 2000 年至 2100 年之间');

/** 流动党员证 number: 4–30 letters, digits or hyphens. */
export const certificateNumber = z
  .string({ error: '请填写流动党员证编号' })
  .trim()
  .regex(/^[A-Za-z0-9-]{4,30}$/, '流动党员证编号应为 4–30 位字母、数字或连字符')
  .transform((s) => s.toUpperCase());

export const mobileRegisterInput = z.object({
  personId: id,
  certificateNumber,
  reason: z.enum(mobileReasons, { message: '请选择外出原因' }),
  destination: line('外出去向', 100).default(''),
  note: line('备注', 500).default(''),
});
export type MobileRegisterInput = z.input<typeof mobileRegisterInput>;
export type MobileRegisterData = z.output<typeof mobileRegisterInput>;

export const mobileSendInput = z
  .object({
    inflowOrgId: id,
    destination: requiredLine('外出去向', 100),
    leaveDate: calendarDate,
    trainedOn: calendarDate,
    agreementSignedOn: calendarDate,
  })
  .refine((v) => v.trainedOn <= v.leaveDate, {
    message: '外出前培训应在外出之日或之前',
    path: ['trainedOn'],
  })
  .refine((v) => v.agreementSignedOn <= v.leaveDate, {
    message: '管理协议应在外出之日或之前签订',
    path: ['agreementSignedOn'],
  });
export type MobileSendInput = z.output<typeof mobileSendInput>;

export const mobileAskInput = z.object({
  fromSide: z.enum(mobileSides, { message: '请选择以流入方或流出方提问' }),
  question: paragraph('查询内容', 1000).refine((s) => s.length > 0, '请填写查询内容'),
  /** The answer's deadline; 15 days after asking when absent. */
  deadline: calendarDate.optional(),
});
export type MobileAskInput = z.output<typeof mobileAskInput>;

export const mobileAnswerInput = z.object({
  answer: paragraph('答复内容', 1000).refine((s) => s.length > 0, '请填写答复内容'),
});

export const mobileDutyInput = z.object({
  year,
  duty: z.enum(mobileDuties, { message: '请选择事项' }),
  date: calendarDate,
  content: paragraph('内容', 2000).default(''),
});
export type MobileDutyInput = z.input<typeof mobileDutyInput>;
export type MobileDutyData = z.output<typeof mobileDutyInput>;

export const mobileReturnInput = z.object({ returnedOn: calendarDate });

const orgRef = z.object({ id: z.number(), name: z.string() });

export const mobileQueryView = z.object({
  id: z.number(),
  memberId: z.number(),
  fromSide: z.enum(mobileSides),
  question: z.string(),
  askedBy: z.string(),
  askedAt: z.string(),
  deadline: z.string(),
  answer: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
  /** Unanswered after its deadline day. */
  overdue: z.boolean(),
  abilities: abilities(['answer']),
});
export type MobileQueryView = z.infer<typeof mobileQueryView>;

export const mobileMemberActions = [
  'send',
  'receive',
  'askAsInflow',
  'askAsOutflow',
  'record',
  'returnHome',
] as const;

/** A registration as the outflow side, and the inflow side once received, see it. */
export const mobileMemberView = z.object({
  id: z.number(),
  person: personSummary,
  certificateNumber: z.string(),
  reason: z.enum(mobileReasons),
  destination: z.string(),
  outflowOrg: orgRef,
  inflowOrg: orgRef.nullable(),
  state: z.enum(mobileStates),
  leaveDate: z.string().nullable(),
  trainedOn: z.string().nullable(),
  agreementSignedOn: z.string().nullable(),
  receivedAt: z.string().nullable(),
  returnedOn: z.string().nullable(),
  note: z.string(),
  abilities: abilities(mobileMemberActions),
});
export type MobileMemberView = z.infer<typeof mobileMemberView>;

export const mobileDutyView = z.object({
  duty: z.enum(mobileDuties),
  /** The rule id it answers (R-MOBILE-REPORT). */
  rule: z.string(),
  from: z.string(),
  to: z.string(),
  status: z.enum(mobileDutyStatuses),
  date: z.string().nullable(),
  content: z.string().nullable(),
});
export type MobileDutyView = z.infer<typeof mobileDutyView>;

/** A list row: the member and the year's duty statuses. */
export const mobileMemberRow = mobileMemberView.extend({ duties: z.array(mobileDutyView) });
export type MobileMemberRow = z.infer<typeof mobileMemberRow>;

/** The member's file: registration, the year's 八个一 and the queries about him. */
export const mobileFile = z.object({
  member: mobileMemberView,
  year: z.number(),
  duties: z.array(mobileDutyView),
  queries: z.array(mobileQueryView),
});
export type MobileFile = z.infer<typeof mobileFile>;

/**
 * What an inflow organization sees of a member sent to it before receiving him: the name and
 * certificate number, to accept or query back, and its own queries with their answers.
 */
export const mobileNotice = z.object({
  id: z.number(),
  name: z.string(),
  certificateNumber: z.string(),
  outflowOrg: orgRef,
  inflowOrg: orgRef,
  destination: z.string(),
  leaveDate: z.string(),
  state: z.enum(['sent', 'queried']),
  queries: z.array(mobileQueryView),
  abilities: abilities(['receive', 'askAsInflow']),
});
export type MobileNotice = z.infer<typeof mobileNotice>;

const tags = ['mobile'];
const member = z.object({ member: mobileMemberView });

export const mobileApi = {
  register: defineRoute({
    method: 'POST',
    path: '/mobile',
    tags,
    summary: '登记流动党员（发放流动党员证）',
    body: mobileRegisterInput,
    idempotent: true,
    response: { 201: member },
  }),
  list: defineRoute({
    method: 'GET',
    path: '/mobile',
    tags,
    summary: '流动党员名单（流出：本辖区党员；流入：本辖区已接收的党员）',
    query: z.object({
      side: z.enum(mobileSides, { message: '请选择流出或流入' }).default('outflow'),
      state: z.enum(mobileStates, { message: '状态不正确' }).optional(),
      year: year.optional(),
      /** Members with at least one of the year's duties in this status. */
      status: z.enum(mobileDutyStatuses, { message: '事项状态不正确' }).optional(),
      ...pageQuery,
    }),
    response: { 200: paged(mobileMemberRow) },
  }),
  incoming: defineRoute({
    method: 'GET',
    path: '/mobile/incoming',
    tags,
    summary: '流入待接收的党员（可接收或回询）',
    response: { 200: z.object({ items: z.array(mobileNotice) }) },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/mobile/:id',
    tags,
    summary: '流动党员档案（八个一、查询）',
    params: idParams,
    query: z.object({ year: year.optional() }),
    response: { 200: mobileFile },
  }),
  send: defineRoute({
    method: 'POST',
    path: '/mobile/:id/send',
    tags,
    summary: '流出：登记去向与流入组织',
    params: idParams,
    body: mobileSendInput,
    response: { 200: member },
  }),
  receive: defineRoute({
    method: 'POST',
    path: '/mobile/:id/receive',
    tags,
    summary: '流入组织接收',
    params: idParams,
    response: { 200: member },
  }),
  ask: defineRoute({
    method: 'POST',
    path: '/mobile/:id/queries',
    tags,
    summary: '向对方组织查询该党员情况（回询）',
    params: idParams,
    body: mobileAskInput,
    idempotent: true,
    response: { 201: z.object({ query: mobileQueryView }) },
  }),
  answer: defineRoute({
    method: 'POST',
    path: '/mobile/queries/:id/answer',
    tags,
    summary: '答复对方组织的查询',
    params: idParams,
    body: mobileAnswerInput,
    response: { 200: z.object({ query: mobileQueryView }) },
  }),
  recordDuty: defineRoute({
    method: 'POST',
    path: '/mobile/:id/duties',
    tags,
    summary: '记录八个一事项（半年汇报、好事、慰问信、腊月座谈）',
    params: idParams,
    body: mobileDutyInput,
    idempotent: true,
    response: { 201: z.object({ duty: mobileDutyView }) },
  }),
  returnHome: defineRoute({
    method: 'POST',
    path: '/mobile/:id/return',
    tags,
    summary: '返乡（结束流动）',
    params: idParams,
    body: mobileReturnInput,
    response: { 200: member },
  }),
  agreement: defineRoute({
    method: 'GET',
    path: '/mobile/:id/agreement.docx',
    tags,
    summary: '下载流出党员管理协议书（.docx）',
    params: idParams,
  }),
  letter: defineRoute({
    method: 'GET',
    path: '/orgs/:id/mobile-letter.docx',
    tags,
    summary: '下载致流动党员的一封信（七一前，.docx，每人一封）',
    params: idParams,
    query: z.object({ year: year.optional() }),
  }),
  destinations: defineRoute({
    method: 'GET',
    path: '/mobile/destinations',
    tags,
    summary: '查找流入组织（全部组织，不限本辖区）',
    query: z.object({
      q: z.string().trim().min(2, '请至少输入 2 个字').max(50, '搜索词不超过 50 字'),
    }),
    response: {
      200: z.object({
        items: z.array(orgRef.extend({ kind: z.string(), parentName: z.string().nullable() })),
      }),
    },
  }),
  symposium: defineRoute({
    method: 'GET',
    path: '/mobile/symposium-window',
    tags,
    summary: '某年腊月座谈的日期范围（农历十二月）',
    query: z.object({ year }),
    response: { 200: z.object({ year: z.number(), from: z.string(), to: z.string() }) },
  }),
};

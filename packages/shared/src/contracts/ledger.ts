// The term's ledger (台账, issue 12): pairings, their rosters, the records either side keeps, the
// other side's confirmation, and the compliance the policy engine computes from what counts.
import { z } from 'zod';
import { paged, pageQuery } from './page.ts';
import { abilities, defineRoute, id, idParams } from './route.ts';
import { calendarDate, line, paragraph, requiredLine, yuanAmount } from './text.ts';

export const ledgerSides = ['urban', 'rural'] as const;
export type LedgerSide = (typeof ledgerSides)[number];

/** Roles of the unit's leadership roster (the engine's people, R-VISIT-PRINCIPAL, R-VISIT-LEAD). */
export const rosterRoles = ['principal', 'team', 'lead', 'member'] as const;
export type RosterRole = (typeof rosterRoles)[number];

export const recordTypes = [
  'visit',
  'activity',
  'fund',
  'progress',
  'acceptance',
  'report',
] as const;
export type RecordType = (typeof recordTypes)[number];

/** Activity categories a record may take; `other` carries its own label and no rule counts it. */
export const recordCategories = [
  'joint_meeting',
  'work_plan',
  'party_lesson',
  'culture_sports',
  'volunteer_service',
  'resident_visit',
  'symposium',
  'training',
  'other',
] as const;
export type RecordCategory = (typeof recordCategories)[number];

/**
 * A record's life (mutual confirmation, issue 12): `pending` counts from 14 days after entry unless objected;
 * `confirmed` counts from the other side's confirmation; `disputed` does not count until the
 * town or district admin settles it, `upheld` then counts from the settlement and `rejected`
 * never; `withdrawn` was taken back by its side before it counted.
 */
export const recordStates = [
  'pending',
  'confirmed',
  'disputed',
  'upheld',
  'rejected',
  'withdrawn',
] as const;
export type RecordState = (typeof recordStates)[number];

/** Days after entry at which an unconfirmed, unobjected record starts to count. */
export const CONFIRMATION_DAYS = 14;

export const fundForms = ['cash', 'in_kind'] as const;
export const fundSources = ['unit', 'district_pool'] as const;
export const fundChannels = ['direct', 'charity', 'government'] as const;

export const quarter = z
  .string({ error: '请填写季度' })
  .regex(/^\d{4}Q[1-4]$/, '季度格式应为 2025Q1');

const rosterId = id;
const people = z.object({
  rosterIds: z
    .array(rosterId)
    .max(100, '参加人员过多')
    .refine((ids) => new Set(ids).size === ids.length, '参加人员重复'),
  others: z.array(requiredLine('其他参加人员姓名', 40)).max(100, '参加人员过多'),
});
export type RecordPeople = z.infer<typeof people>;

const place = line('地点', 100);
const narrative = paragraph('情况记述', 5000);
/** An index into the pairing's projects (the agreement's 项目 list). */
const projectIndex = z.number().int('项目编号须为整数').min(0).max(49);

const visitInput = z.object({
  type: z.literal('visit'),
  date: calendarDate,
  place,
  narrative,
  people,
  /** Whether the responsible department (负责部门) took part (R-VISIT-LEAD). */
  department: z.boolean(),
});

const activityInput = z.object({
  type: z.literal('activity'),
  date: calendarDate,
  place,
  narrative,
  people,
  category: z.enum(recordCategories, { error: '请选择活动类别' }),
  /** Required for `other`, ignored otherwise. */
  categoryLabel: line('活动类别名称', 40).optional(),
});

const fundInput = z.object({
  type: z.literal('fund'),
  date: calendarDate,
  place: place.optional(),
  narrative: narrative.optional(),
  form: z.enum(fundForms, { error: '请选择资金或实物' }),
  /** In yuan; goods in kind are valued in yuan. */
  amount: yuanAmount.refine((n) => n > 0, '金额须大于 0'),
  source: z.enum(fundSources, { error: '请选择资金来源' }),
  purpose: requiredLine('用途', 200),
  projectIndex: projectIndex.nullable(),
  channel: z.enum(fundChannels, { error: '请选择捐赠渠道' }),
  receiptNo: line('收据编号', 60),
});

const progressInput = z.object({
  type: z.literal('progress'),
  date: calendarDate,
  place: place.optional(),
  narrative,
  projectIndex,
  milestone: requiredLine('进度节点', 100),
  percent: z.number().int('进度须为整数').min(0, '进度不能为负').max(100, '进度不能超过 100%'),
  indicatorValue: z.number().min(0).max(1e9).nullable(),
});

const acceptanceInput = z.object({
  type: z.literal('acceptance'),
  date: calendarDate,
  place: place.optional(),
  narrative,
  projectIndex,
  indicatorValue: z.number({ error: '请填写验收指标值' }).min(0).max(1e9),
  passed: z.boolean(),
});

const reportInput = z.object({
  type: z.literal('report'),
  /** The day it was submitted. */
  date: calendarDate,
  quarter,
  body: paragraph('报告正文', 20000).refine((s) => s.length > 0, '请填写报告正文'),
});

/** What a side records (`POST /api/pairings/:id/records`). */
export const recordInput = z.discriminatedUnion(
  'type',
  [visitInput, activityInput, fundInput, progressInput, acceptanceInput, reportInput],
  { error: '记录类型须为走访、活动、资金、项目进度、项目验收或季度报告' },
);
export type RecordInput = z.infer<typeof recordInput>;

const participant = z.object({
  rosterId: z.number().nullable(),
  name: z.string(),
  role: z.enum(rosterRoles).nullable(),
});

export const recordActions = ['confirm', 'object', 'settle', 'withdraw', 'attach'] as const;
export type RecordAbility = (typeof recordActions)[number];

export const evidenceItem = z.object({
  id: z.number(),
  mime: z.string(),
  size: z.number(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  /** EXIF capture time (ISO) when the photo carries one. */
  takenAt: z.string().nullable(),
  /** Capture date more than a day away from the record's date (for reviewers). */
  dateMismatch: z.boolean(),
});
export type EvidenceItem = z.infer<typeof evidenceItem>;

/** One record as every read and write of it answers. */
export const recordView = z.object({
  id: z.number(),
  pairingId: z.number(),
  side: z.enum(ledgerSides),
  content: recordInput,
  participants: z.array(participant),
  state: z.enum(recordStates),
  /** The day from which it counts; null while it cannot count. */
  countsFrom: z.string().nullable(),
  /** Whether it counts today. */
  counts: z.boolean(),
  enteredAt: z.string(),
  enteredBy: z.string(),
  confirmedAt: z.string().nullable(),
  objection: z.object({ reason: z.string(), at: z.string(), by: z.string() }).nullable(),
  settlement: z
    .object({ decision: z.enum(['count', 'reject']), note: z.string(), at: z.string() })
    .nullable(),
  evidence: z.array(evidenceItem),
  /** A photo's capture date differs from the record's date by more than a day. */
  photoDateMismatch: z.boolean(),
  abilities: abilities(recordActions),
});
export type RecordView = z.infer<typeof recordView>;
export const recordPage = paged(recordView);

const party = z.object({ id: z.number(), name: z.string() });
const statusSummary = z.object({
  met: z.number(),
  due: z.number(),
  due_soon: z.number(),
  missed: z.number(),
  late: z.number(),
});

export const entryStatuses = ['met', 'due', 'due_soon', 'missed', 'late'] as const;

/** One duty in one period, as the engine answers it (packages/policy `PeriodStatus`). */
const periodStatus = z.object({
  person: z.string().optional(),
  category: z.string().optional(),
  from: z.string(),
  to: z.string(),
  required: z.number(),
  actual: z.number(),
  status: z.enum(entryStatuses),
  evidence: z.array(z.string()),
});

/** The engine's status (`evaluate(ledger, at)`, packages/policy `ComplianceStatus`). */
export const complianceStatus = z.object({
  pack: z.string(),
  at: z.string(),
  rules: z.array(z.object({ rule: z.string(), periods: z.array(periodStatus) })),
  summary: statusSummary,
});
export type ComplianceView = z.infer<typeof complianceStatus>;

/** The engine's ledger contract (packages/policy `Ledger`), holding what counts as of `at`. */
export const ledgerView = z.object({
  pack: z.string(),
  pairing: z.object({
    termStart: z.string(),
    termEnd: z.string(),
    weakVillage: z.boolean(),
    people: z.array(z.object({ id: z.string(), role: z.enum(rosterRoles) })),
  }),
  events: z.array(
    z.discriminatedUnion('type', [
      z.object({
        id: z.string(),
        type: z.literal('visit'),
        date: z.string(),
        people: z.array(z.string()),
        department: z.boolean(),
      }),
      z.object({ id: z.string(), type: z.literal('fund'), date: z.string(), amount: z.number() }),
      z.object({
        id: z.string(),
        type: z.literal('activity'),
        date: z.string(),
        category: z.string(),
      }),
      z.object({ id: z.string(), type: z.literal('report'), date: z.string(), period: z.string() }),
    ]),
  ),
});
export type LedgerView = z.infer<typeof ledgerView>;

export const pairingActions = ['record', 'manageRoster', 'export'] as const;
export type PairingAbility = (typeof pairingActions)[number];

/** A pairing in the list (`GET /api/pairings`). */
export const pairingSummary = z.object({
  id: z.number(),
  roundId: z.number(),
  roundName: z.string(),
  packId: z.string(),
  termStart: z.string(),
  termEnd: z.string(),
  urbanOrg: party,
  ruralOrg: party.extend({ weakVillage: z.boolean() }),
  town: party,
  district: party,
  /** The side the caller acts for; null for readers above both. */
  mySide: z.enum(ledgerSides).nullable(),
  /** Stored status as of `at` (updated on every record change and daily); null before the first. */
  compliance: z.object({ at: z.string(), summary: statusSummary }).nullable(),
  /** Records awaiting the other side's confirmation or a settlement. */
  openRecords: z.number(),
  abilities: abilities(pairingActions),
});
export type PairingSummary = z.infer<typeof pairingSummary>;
export const pairingPage = paged(pairingSummary);

export const rosterEntry = z.object({
  id: z.number(),
  name: z.string(),
  post: z.string(),
  role: z.enum(rosterRoles),
  from: z.string(),
  to: z.string().nullable(),
});
export type RosterEntry = z.infer<typeof rosterEntry>;

const project = z.object({
  index: z.number(),
  title: z.string(),
  target: z.string(),
  budget: z.number(),
  year: z.number(),
  indicator: z
    .object({ description: z.string(), quantity: z.number(), unit: z.string() })
    .nullable(),
});

/** 结对档案: the pairing with its roster, projects, commitments and full compliance status. */
export const pairingView = pairingSummary.extend({
  agreementId: z.number(),
  responsibleDepartment: z.string(),
  roster: z.array(rosterEntry),
  projects: z.array(project),
  commitments: z.array(z.object({ side: z.enum(ledgerSides), text: z.string() })),
  status: complianceStatus.nullable(),
});
export type PairingView = z.infer<typeof pairingView>;

export const rosterInput = z
  .object({
    name: requiredLine('姓名', 40),
    post: requiredLine('职务', 60),
    role: z.enum(rosterRoles, { error: '请选择角色' }),
    from: calendarDate,
    to: calendarDate.nullable().default(null),
  })
  .refine((r) => r.to === null || r.to >= r.from, {
    message: '离任日期不能早于任职日期',
    path: ['to'],
  });

/** A rule's period status to filter pairings by (`rule` and `status` go together). */
const ruleFilter = {
  rule: z
    .string()
    .regex(/^R-[A-Z0-9-]{1,40}$/, '规则编号格式不正确')
    .optional(),
  status: z
    .enum(entryStatuses, { error: '状态须为 met、due、due_soon、missed 或 late' })
    .optional(),
};

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
const atQuery = z.object({ at: calendarDate.optional() });

export const rollupGroups = ['district', 'town', 'committee'] as const;

/** One row of a roll-up: for a group (district, town or committee), pairs and periods by status. */
export const rollupRow = z.object({
  group: party,
  rule: z.string(),
  /** Pairings with at least one period of the rule in each status. */
  pairs: statusSummary,
  /** Periods of the rule in each status. */
  periods: statusSummary,
  pairings: z.number(),
});
export type RollupRow = z.infer<typeof rollupRow>;

const tags = ['ledger'];

export const ledgerApi = {
  list: defineRoute({
    method: 'GET',
    path: '/pairings',
    tags,
    summary: '结对列表（任一方在本人范围内）',
    query: z.object({
      district: id.optional(),
      town: id.optional(),
      committee: id.optional(),
      unit: id.optional(),
      village: id.optional(),
      weak: booleanQuery.optional(),
      roundId: id.optional(),
      ...ruleFilter,
      ...pageQuery,
    }),
    response: { 200: pairingPage },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/pairings/:id',
    tags,
    summary: '结对档案',
    params: idParams,
    response: { 200: pairingView },
  }),
  ledger: defineRoute({
    method: 'GET',
    path: '/pairings/:id/ledger',
    tags,
    summary: '结对台账（引擎台账格式，截至 at 日计入的记录）',
    params: idParams,
    query: atQuery,
    response: { 200: ledgerView },
  }),
  compliance: defineRoute({
    method: 'GET',
    path: '/pairings/:id/compliance',
    tags,
    summary: '履约状态（截至 at 日）',
    params: idParams,
    query: atQuery,
    response: { 200: complianceStatus },
  }),
  addRosterEntry: defineRoute({
    method: 'POST',
    path: '/pairings/:id/roster',
    tags,
    summary: '增加领导班子名单人员',
    params: idParams,
    body: rosterInput,
    idempotent: true,
    response: { 201: rosterEntry },
  }),
  endRosterEntry: defineRoute({
    method: 'POST',
    path: '/pairings/:id/roster/:entryId/end',
    tags,
    summary: '人员离任（保留记录）',
    params: z.object({ id, entryId: id }),
    body: z.object({ to: calendarDate }),
    response: { 200: rosterEntry },
  }),
  setDepartment: defineRoute({
    method: 'PUT',
    path: '/pairings/:id/department',
    tags,
    summary: '负责部门',
    params: idParams,
    body: z.object({ responsibleDepartment: requiredLine('负责部门', 60) }),
    response: { 200: z.object({ responsibleDepartment: z.string() }) },
  }),
  records: defineRoute({
    method: 'GET',
    path: '/pairings/:id/records',
    tags,
    summary: '结对的记录',
    params: idParams,
    query: z.object({
      type: z.enum(recordTypes).optional(),
      state: z.enum(recordStates).optional(),
      ...pageQuery,
    }),
    response: { 200: recordPage },
  }),
  createRecord: defineRoute({
    method: 'POST',
    path: '/pairings/:id/records',
    tags,
    summary: '记录走访、活动、资金、项目进度、验收或季度报告',
    params: idParams,
    body: recordInput,
    idempotent: true,
    response: { 201: recordView },
  }),
  reportDraft: defineRoute({
    method: 'GET',
    path: '/pairings/:id/report-draft',
    tags,
    summary: '季度报告草稿（按本季度记录预填）',
    params: idParams,
    query: z.object({ quarter }),
    response: { 200: z.object({ quarter: z.string(), body: z.string() }) },
  }),
  awaiting: defineRoute({
    method: 'GET',
    path: '/records/awaiting',
    tags,
    summary: '待本人确认或裁定的记录',
    query: z.object({ ...pageQuery }),
    response: { 200: recordPage },
  }),
  getRecord: defineRoute({
    method: 'GET',
    path: '/records/:id',
    tags,
    summary: '记录详情',
    params: idParams,
    response: { 200: recordView },
  }),
  confirm: defineRoute({
    method: 'POST',
    path: '/records/:id/confirm',
    tags,
    summary: '对方确认记录',
    params: idParams,
    response: { 200: recordView },
  }),
  object: defineRoute({
    method: 'POST',
    path: '/records/:id/object',
    tags,
    summary: '对方提出异议（须说明理由）',
    params: idParams,
    body: z.object({ reason: requiredLine('异议理由', 500) }),
    response: { 200: recordView },
  }),
  settle: defineRoute({
    method: 'POST',
    path: '/records/:id/settle',
    tags,
    summary: '镇、区管理员裁定有异议的记录',
    params: idParams,
    body: z.object({
      decision: z.enum(['count', 'reject'], { error: '裁定须为计入或不计入' }),
      note: line('裁定说明', 500),
    }),
    response: { 200: recordView },
  }),
  withdraw: defineRoute({
    method: 'POST',
    path: '/records/:id/withdraw',
    tags,
    summary: '撤回尚未计入的本方记录',
    params: idParams,
    response: { 200: recordView },
  }),
  rollup: defineRoute({
    method: 'GET',
    path: '/compliance/rollup',
    tags,
    summary: '履约汇总（按区、镇或工委）',
    query: z.object({
      by: z.enum(rollupGroups, { error: '汇总方式须为 district、town 或 committee' }),
      within: id.optional(),
      rule: ruleFilter.rule,
    }),
    response: { 200: z.object({ at: z.string(), rows: z.array(rollupRow) }) },
  }),
};

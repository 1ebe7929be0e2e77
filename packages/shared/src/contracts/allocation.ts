import { z } from 'zod';
import { jobStarted } from './jobs.ts';
import { intentionStates } from '../pairing-round.ts';
import { abilities, defineRoute, id, idParams } from './route.ts';

// 组织分配 (docs/allocation.md): the answers of the routes under `/api/rounds/:id/allocation`.

export const allocationRunStatuses = ['proposed', 'superseded', 'published'] as const;
export type AllocationRunStatus = (typeof allocationRunStatuses)[number];

export const allocationPairStatuses = ['proposed', 'locked', 'removed'] as const;
export type AllocationPairStatus = (typeof allocationPairStatuses)[number];

/** Why a target is still short: the engine's two reasons, or a pair the city removed. */
export const allocationUncoveredCodes = [
  'no_eligible_unit',
  'eligible_units_exhausted',
  'removed',
] as const;
export type AllocationUncoveredCode = (typeof allocationUncoveredCodes)[number];

export const allocationReasonCodes = [
  'base',
  'distance',
  'district_pair',
  'needs_fit',
  'continuity',
  'weak_budget',
  'preference',
  'unit',
  'floor',
] as const;
export type AllocationReasonCode = (typeof allocationReasonCodes)[number];

/** One term of a pair's cost, e.g. `{ code: 'distance', label: '区县间距离约 45 公里', delta: 45 }`. */
const allocationReason = z.object({
  code: z.enum(allocationReasonCodes),
  label: z.string(),
  delta: z.number(),
});
export type AllocationReason = z.infer<typeof allocationReason>;

const weight = (max: number) =>
  z.number().int('应为整数').min(0, '不能为负数').max(max, `不超过 ${max}`);

/**
 * The cost formula's weights and the pruning of one round (docs/allocation.md "Cost"), as the city
 * sets them (`PUT …/settings`). Every field has a default, so a round without its own settings uses
 * the documented formula.
 */
export const allocationSettingsInput = z
  .object({
    /** Units each village should end with (R-COVERAGE asks for at least one). */
    requiredPerVillage: z
      .number()
      .int('应为整数')
      .min(1, '至少为 1')
      .max(20, '不超过 20')
      .default(1),
    /** Towns are targets too (a street pairing a town, DOMAIN.md "Pairing shapes"). */
    includeTowns: z.boolean().default(false),
    base: weight(10_000).default(200),
    /** Cost per kilometre between the unit's district and the village's district. */
    perKm: weight(100).default(1),
    /** Kilometres assumed when a district has no known centroid. */
    unknownKm: weight(500).default(60),
    maxKm: weight(1_000).default(120),
    districtPair: weight(10_000).default(40),
    perNeedMatch: weight(1_000).default(10),
    maxNeedMatches: weight(10).default(3),
    continuity: weight(10_000).default(30),
    /** Largest bonus for a weak village's unit, reached at `weakBudgetFullAt` yuan a year. */
    weakBudget: weight(10_000).default(20),
    weakBudgetFullAt: z
      .number()
      .int('应为整数')
      .min(1, '至少为 1')
      .max(1e10, '数值过大')
      .default(200_000),
    preference: weight(10_000).default(25),
    /** Candidate units kept per target (cheapest first). */
    topK: z.number().int('应为整数').min(1, '至少为 1').max(500, '不超过 500').default(40),
    /** Cheapest targets kept per unit, so no unit is left out by every target's top-k. */
    topPerUnit: z.number().int('应为整数').min(0, '不能为负数').max(100, '不超过 100').default(5),
    /** Times the candidate lists of short targets are doubled and the instance re-solved. */
    widenRounds: z.number().int('应为整数').min(0, '不能为负数').max(6, '不超过 6').default(3),
  })
  .strict();

/** The cost weights and pruning of a round (`GET/PUT …/settings`), every field filled. */
export const allocationSettingsView = z.object({
  requiredPerVillage: z.number(),
  includeTowns: z.boolean(),
  base: z.number(),
  perKm: z.number(),
  unknownKm: z.number(),
  maxKm: z.number(),
  districtPair: z.number(),
  perNeedMatch: z.number(),
  maxNeedMatches: z.number(),
  continuity: z.number(),
  weakBudget: z.number(),
  weakBudgetFullAt: z.number(),
  preference: z.number(),
  topK: z.number(),
  topPerUnit: z.number(),
  widenRounds: z.number(),
});
export type AllocationSettingsView = z.infer<typeof allocationSettingsView>;

/** The round's settings, and whether the caller may change them now. */
export const allocationSettingsReply = z.object({
  settings: allocationSettingsView,
  abilities: abilities(['configure']),
});

/** A district, town or village a unit would like to help (`GET/PUT …/preferences/:unitId`). */
const allocationPreference = z.object({
  ruralOrgId: z.number(),
  name: z.string(),
  kind: z.string(),
});
export type AllocationPreference = z.infer<typeof allocationPreference>;

/** A unit's preferences, and whether the caller may change them now. */
export const allocationPreferenceList = z.object({
  items: z.array(allocationPreference),
  abilities: abilities(['prefer']),
});

/** What a run solved: instance size, covered places, total cost, solves and time. */
const allocationRunStats = z.object({
  targets: z.number(),
  units: z.number(),
  edges: z.number(),
  /** Places the targets were short of; `covered` of them got a pair. */
  places: z.number(),
  covered: z.number(),
  totalCost: z.number(),
  solves: z.number(),
  solveMillis: z.number(),
  /** Locked pairs of the source run that no longer fit. */
  droppedLocks: z.number(),
  /** The R-WEAK-FUNDS yearly minimum for weak villages (0: the pack has none). */
  weakMinBudget: z.number(),
  millis: z.number(),
});

/** A run (one solve) of a round; times are ISO strings. */
export const allocationRun = z.object({
  id: z.number(),
  roundId: z.number(),
  /** The run whose locked pairs this one kept (a re-run), or null. */
  sourceRunId: z.number().nullable(),
  status: z.enum(allocationRunStatuses),
  /** The settings the run used. */
  settings: allocationSettingsView,
  stats: allocationRunStats,
  createdBy: z.number().nullable(),
  createdAt: z.string(),
  publishedBy: z.number().nullable(),
  publishedAt: z.string().nullable(),
  /** `run`: re-run keeping its locked pairs; `edit`: lock, swap, remove its pairs; `publish`. */
  abilities: abilities(['run', 'edit', 'publish']),
});
export type AllocationRun = z.infer<typeof allocationRun>;

/**
 * The runs of a round, newest first (`GET …/runs`), and what the caller may do on the round's
 * allocation now: run a new proposal, change its settings.
 */
export const allocationRunList = z.object({
  items: z.array(allocationRun),
  abilities: abilities(['run', 'configure']),
});

/** A proposed pair as the review page shows it, with the names and the cost explained. */
const allocationPairView = z.object({
  id: z.number(),
  status: z.enum(allocationPairStatuses),
  /** Kept as a fixed pair from the source run (it was locked there). */
  fixed: z.boolean(),
  cost: z.number(),
  reasons: z.array(allocationReason),
  /** The reasons in one line: `基准 +200；区县间距离约 45 公里 +45；…`. */
  reasonText: z.string(),
  urbanOrgId: z.number(),
  urbanOrgName: z.string(),
  ruralOrgId: z.number(),
  ruralOrgName: z.string(),
  ruralOrgCode: z.string().nullable(),
  weakVillage: z.boolean(),
  districtId: z.number().nullable(),
  districtName: z.string().nullable(),
  /** The unit proposed before the city swapped it. */
  swappedFromName: z.string().nullable(),
  /** The intention the pair became when the run was published. */
  intentionId: z.number().nullable(),
  /** That intention's state, and whether each side has said yes (null/false before publishing). */
  intentionState: z.enum(intentionStates).nullable(),
  urbanConfirmed: z.boolean(),
  ruralConfirmed: z.boolean(),
  /**
   * `edit`: lock, swap or remove the pair; `confirm`: the caller (a district or working committee)
   * may confirm it in bulk for its units or villages that have not said yes yet.
   */
  abilities: abilities(['edit', 'confirm']),
});
export type AllocationPairView = z.infer<typeof allocationPairView>;

/** A target the proposal leaves short, with the reason in Chinese. */
const allocationUncovered = z.object({
  ruralOrgId: z.number(),
  ruralOrgName: z.string(),
  ruralOrgCode: z.string().nullable(),
  weakVillage: z.boolean(),
  districtId: z.number().nullable(),
  districtName: z.string().nullable(),
  demand: z.number(),
  missing: z.number(),
  reason: z.enum(allocationUncoveredCodes),
  reasonText: z.string(),
});
export type AllocationUncovered = z.infer<typeof allocationUncovered>;

/** A district's targets: satisfied by live intentions, covered by this proposal, still short. */
const allocationDistrictTotals = z.object({
  districtId: z.number().nullable(),
  name: z.string(),
  targets: z.number(),
  satisfied: z.number(),
  proposed: z.number(),
  uncovered: z.number(),
});
export type AllocationDistrictTotals = z.infer<typeof allocationDistrictTotals>;

/**
 * How far a published run's pairs in a district (the village's) are confirmed: by the unit side,
 * by the village side, by both (accepted), and those still pending.
 */
const allocationProgress = z.object({
  districtId: z.number().nullable(),
  name: z.string(),
  pairs: z.number(),
  urbanConfirmed: z.number(),
  ruralConfirmed: z.number(),
  confirmed: z.number(),
  pending: z.number(),
});
export type AllocationProgress = z.infer<typeof allocationProgress>;

/**
 * A run for review (`GET …/runs/:runId`, and the 201 of a run and a re-run): within the caller's
 * scope, its pairs, the targets left short and the totals by district.
 */
export const allocationRunView = z.object({
  run: allocationRun,
  pairs: z.array(allocationPairView),
  uncovered: z.array(allocationUncovered),
  districts: z.array(allocationDistrictTotals),
  /** Confirmation by district, once the run is published (empty before). */
  progress: z.array(allocationProgress),
});
export type AllocationRunView = z.infer<typeof allocationRunView>;

/** A pair as stored, as the lock, remove and swap routes answer it. */
const allocationPair = z.object({
  id: z.number(),
  runId: z.number(),
  urbanOrgId: z.number(),
  ruralOrgId: z.number(),
  status: z.enum(allocationPairStatuses),
  fixed: z.boolean(),
  cost: z.number(),
  reasons: z.array(allocationReason),
  /** The unit proposed before the city swapped it. */
  swappedFrom: z.number().nullable(),
  intentionId: z.number().nullable(),
  abilities: abilities(['edit']),
});
export type AllocationPair = z.infer<typeof allocationPair>;

export const allocationPairReply = z.object({ pair: allocationPair });

/** A unit that could replace a pair's unit (`GET …/pairs/:pairId/candidates`), cheapest first. */
const allocationCandidate = z.object({
  urbanOrgId: z.number(),
  urbanOrgName: z.string(),
  cost: z.number(),
  reasons: z.array(allocationReason),
  reasonText: z.string(),
});
export type AllocationCandidate = z.infer<typeof allocationCandidate>;

export const allocationCandidateList = z.object({ items: z.array(allocationCandidate) });

/**
 * `POST …/runs/:runId/publish`: intentions created now (0 when already published), notifications
 * sent to both sides of the pairs (likewise), and all the intentions' ids.
 */
export const allocationPublished = z.object({
  created: z.number(),
  notified: z.number(),
  intentionIds: z.array(z.number()),
  run: allocationRun,
});
export type AllocationPublished = z.infer<typeof allocationPublished>;

const tags = ['allocation'];
const runParams = z.object({ id, runId: id });
const pairParams = z.object({ id, runId: id, pairId: id });
const unitParams = z.object({ id, unitId: id });

/** The routes of 组织分配, under `/rounds/:id/allocation` (`:id` is the round). */
export const allocationApi = {
  settings: defineRoute({
    method: 'GET',
    path: '/rounds/:id/allocation/settings',
    tags,
    summary: '组织分配：成本权重与剪枝设置',
    params: idParams,
    response: { 200: allocationSettingsReply },
  }),
  putSettings: defineRoute({
    method: 'PUT',
    path: '/rounds/:id/allocation/settings',
    tags,
    summary: '组织分配：修改成本权重（未填的项取默认值）',
    params: idParams,
    body: allocationSettingsInput,
    response: { 200: allocationSettingsReply },
  }),
  preferences: defineRoute({
    method: 'GET',
    path: '/rounds/:id/allocation/preferences/:unitId',
    tags,
    summary: '单位的结对意愿（意向区县、乡镇或村）',
    params: unitParams,
    response: { 200: allocationPreferenceList },
  }),
  putPreferences: defineRoute({
    method: 'PUT',
    path: '/rounds/:id/allocation/preferences/:unitId',
    tags,
    summary: '设置单位的结对意愿',
    params: unitParams,
    body: z.object({ ruralOrgIds: z.array(id).max(50, '意向地区不超过 50 个') }).strict(),
    response: { 200: allocationPreferenceList },
  }),
  runs: defineRoute({
    method: 'GET',
    path: '/rounds/:id/allocation/runs',
    tags,
    summary: '组织分配方案列表',
    params: idParams,
    response: { 200: allocationRunList },
  }),
  run: defineRoute({
    method: 'POST',
    path: '/rounds/:id/allocation/runs',
    tags,
    summary: '运行组织分配，生成新方案（后台任务，返回任务编号）',
    params: idParams,
    response: { 202: jobStarted },
  }),
  view: defineRoute({
    method: 'GET',
    path: '/rounds/:id/allocation/runs/:runId',
    tags,
    summary: '分配方案：结对建议、未覆盖对象与分区统计',
    params: runParams,
    response: { 200: allocationRunView },
  }),
  rerun: defineRoute({
    method: 'POST',
    path: '/rounds/:id/allocation/runs/:runId/rerun',
    tags,
    summary: '保留锁定的结对重新运行（后台任务，返回任务编号）',
    params: runParams,
    response: { 202: jobStarted },
  }),
  publish: defineRoute({
    method: 'POST',
    path: '/rounds/:id/allocation/runs/:runId/publish',
    tags,
    summary: '发布方案：结对建议成为待双方确认的意向',
    params: runParams,
    response: { 200: allocationPublished },
  }),
  lock: defineRoute({
    method: 'POST',
    path: '/rounds/:id/allocation/runs/:runId/pairs/:pairId/lock',
    tags,
    summary: '锁定或解锁结对建议（锁定的结对在重新运行时保留）',
    params: pairParams,
    body: z.object({ locked: z.boolean({ message: '应为 true 或 false' }) }).strict(),
    response: { 200: allocationPairReply },
  }),
  remove: defineRoute({
    method: 'POST',
    path: '/rounds/:id/allocation/runs/:runId/pairs/:pairId/remove',
    tags,
    summary: '移除结对建议（本轮不再建议该结对）',
    params: pairParams,
    response: { 200: allocationPairReply },
  }),
  candidates: defineRoute({
    method: 'GET',
    path: '/rounds/:id/allocation/runs/:runId/pairs/:pairId/candidates',
    tags,
    summary: '可替换的单位（按成本排序）',
    params: pairParams,
    response: { 200: allocationCandidateList },
  }),
  export: defineRoute({
    method: 'GET',
    path: '/rounds/:id/allocation/runs/:runId/export.xlsx',
    tags,
    summary: '导出分配方案（Excel）',
    params: runParams,
  }),
  swap: defineRoute({
    method: 'POST',
    path: '/rounds/:id/allocation/runs/:runId/pairs/:pairId/swap',
    tags,
    summary: '替换结对建议的单位',
    params: pairParams,
    body: z.object({ urbanOrgId: id }).strict(),
    response: { 200: allocationPairReply },
  }),
};

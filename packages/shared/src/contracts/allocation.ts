import { z } from 'zod';

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

export const allocationSettingsReply = z.object({ settings: allocationSettingsView });

/** A district, town or village a unit would like to help (`GET/PUT …/preferences/:unitId`). */
const allocationPreference = z.object({
  ruralOrgId: z.number(),
  name: z.string(),
  kind: z.string(),
});
export type AllocationPreference = z.infer<typeof allocationPreference>;

export const allocationPreferenceList = z.object({ items: z.array(allocationPreference) });

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
});
export type AllocationRun = z.infer<typeof allocationRun>;

/** The runs of a round, newest first (`GET …/runs`). */
export const allocationRunList = z.object({ items: z.array(allocationRun) });

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
 * A run for review (`GET …/runs/:runId`, and the 201 of a run and a re-run): within the caller's
 * scope, its pairs, the targets left short and the totals by district.
 */
export const allocationRunView = z.object({
  run: allocationRun,
  pairs: z.array(allocationPairView),
  uncovered: z.array(allocationUncovered),
  districts: z.array(allocationDistrictTotals),
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

/** `POST …/runs/:runId/publish`: intentions created now (0 when already published) and all ids. */
export const allocationPublished = z.object({
  created: z.number(),
  intentionIds: z.array(z.number()),
  run: allocationRun,
});
export type AllocationPublished = z.infer<typeof allocationPublished>;

import type { AllocationReason } from '@pairing/shared';
import { needNames, popcount } from './fit.ts';
import type { AllocationSettings } from './settings.ts';

// The cost of pairing a unit with a rural target (docs/allocation.md "Cost"). Lower is better;
// the engine minimizes the sum. Every term is an integer, so the cost is one too.

export type CostTarget = {
  id: number;
  path: string;
  /** Index of the target's district in `CostContext.km` (−1: none known). */
  district: number;
  weak: boolean;
  needMask: number;
};

export type CostUnit = {
  id: number;
  district: number;
  budget: number;
  servesMask: number;
  /** Places the unit has left in the round, when known (only explained, never costed). */
  capacity?: number;
};

export type CostContext = {
  settings: AllocationSettings;
  /** Number of districts indexed; `km[u * districts + t]` is their distance or −1 when unknown. */
  districts: number;
  km: Int32Array;
  /** 对口帮扶: 1 at `u * districts + t` when the unit's district helps the target's district. */
  paired: Uint8Array;
  /** Pairs of the previous round (unit id → target ids). */
  previous: Map<number, Set<number>>;
  /** Each unit's preferred districts, towns or villages, as org paths. */
  preferences: Map<number, string[]>;
};

/** One term of a cost; the routes answer it in the shape of packages/shared. */
export type Reason = AllocationReason;

type Terms = {
  km: number | null;
  distance: number;
  districtPair: number;
  matches: number;
  needsFit: number;
  continuity: number;
  weakBudget: number;
  preference: number;
};

function terms(t: CostTarget, u: CostUnit, ctx: CostContext): Terms {
  const s = ctx.settings;
  const cell = u.district >= 0 && t.district >= 0 ? u.district * ctx.districts + t.district : -1;
  const known = cell >= 0 ? ctx.km[cell] : -1;
  const km = known >= 0 ? known : null;
  const matches = Math.min(popcount(t.needMask & u.servesMask), s.maxNeedMatches);
  const prefs = ctx.preferences.get(u.id);
  return {
    km,
    distance: s.perKm * Math.min(km ?? s.unknownKm, s.maxKm),
    districtPair: cell >= 0 && ctx.paired[cell] ? s.districtPair : 0,
    matches,
    needsFit: matches * s.perNeedMatch,
    continuity: ctx.previous.get(u.id)?.has(t.id) ? s.continuity : 0,
    // Weak villages prefer units with larger budgets (S1 §10 R-WEAK-FUNDS asks them for money).
    weakBudget: t.weak ? Math.floor(s.weakBudget * Math.min(1, u.budget / s.weakBudgetFullAt)) : 0,
    preference: prefs?.some((p) => t.path.startsWith(p)) ? s.preference : 0,
  };
}

const sum = (x: Terms, base: number) =>
  base + x.distance - x.districtPair - x.needsFit - x.continuity - x.weakBudget - x.preference;

/** The edge cost the engine receives: the documented sum, never below 0. */
export const edgeCost = (t: CostTarget, u: CostUnit, ctx: CostContext) =>
  Math.max(0, sum(terms(t, u, ctx), ctx.settings.base));

const wan = (yuan: number) => `${Math.round(yuan / 1000) / 10} 万元`;

/**
 * How the village's needs meet the unit's resources: the matched needs by name, or why none
 * matched. Pairs in one district share base and distance; this is what tells them apart.
 */
function needsReason(t: CostTarget, u: CostUnit, x: Terms): Reason {
  if (x.needsFit)
    return {
      code: 'needs_fit',
      label: `需求-资源匹配 ${x.matches} 项（${needNames(t.needMask & u.servesMask).join('、')}）`,
      delta: -x.needsFit,
    };
  const label = t.needMask
    ? `村需求（${needNames(t.needMask).join('、')}）与单位资源不匹配`
    : '村未填报需求清单';
  return { code: 'needs_fit', label, delta: 0 };
}

/**
 * The same cost, term by term, in the words the review page shows. Terms worth 0 that still set
 * pairs apart (no matching need, a weak village's unit budget, the unit's places) are listed too.
 */
export function explainCost(t: CostTarget, u: CostUnit, ctx: CostContext) {
  const s = ctx.settings;
  const x = terms(t, u, ctx);
  const reasons: Reason[] = [{ code: 'base', label: '基准', delta: s.base }];
  const distanceLabel =
    x.km === 0
      ? '同一区县'
      : x.km == null
        ? `区县位置未知，按 ${s.unknownKm} 公里计`
        : `区县间距离约 ${x.km} 公里`;
  reasons.push({ code: 'distance', label: distanceLabel, delta: x.distance });
  if (x.districtPair)
    reasons.push({ code: 'district_pair', label: '对口帮扶区县', delta: -x.districtPair });
  reasons.push(needsReason(t, u, x));
  if (x.continuity) reasons.push({ code: 'continuity', label: '上一轮结对', delta: -x.continuity });
  if (t.weak)
    reasons.push({
      code: 'weak_budget',
      label: `经济薄弱村，单位年度预算 ${wan(u.budget)}`,
      delta: -x.weakBudget,
    });
  if (x.preference) reasons.push({ code: 'preference', label: '单位意愿', delta: -x.preference });
  if (u.capacity != null)
    reasons.push({ code: 'unit', label: `单位可分配名额 ${u.capacity} 个`, delta: 0 });
  const raw = sum(x, s.base);
  if (raw < 0) reasons.push({ code: 'floor', label: '成本不低于 0', delta: -raw });
  return { cost: Math.max(0, raw), reasons };
}

/** Terms that are costed even when 0 (the others worth 0 only explain). */
const costed: ReadonlySet<Reason['code']> = new Set(['base', 'distance', 'floor']);

/** "基准 +200；对口帮扶区县 −40；村未填报需求清单；…" for tables and exports. */
export const reasonText = (reasons: Reason[]) =>
  reasons
    .map((r) =>
      r.delta === 0 && !costed.has(r.code)
        ? r.label
        : `${r.label} ${r.delta < 0 ? '−' : '+'}${Math.abs(r.delta)}`,
    )
    .join('；');

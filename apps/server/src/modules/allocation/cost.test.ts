import { describe, expect, it } from 'vitest';
import { PACKS } from '@pairing/policy';
import {
  explainCost,
  edgeCost,
  reasonText,
  type CostContext,
  type CostTarget,
  type CostUnit,
} from './cost.ts';
import { needMask, servesMask } from './fit.ts';
import { districtKm } from './geo.ts';
import { buildInstance } from './instance.ts';
import { allocationSettingsInput } from '@pairing/shared';
import { defaultSettings } from './settings.ts';
import { solve } from './solve.ts';
import { weakMinBudget, type RoundData } from './sources.ts';

// Districts: 0 = 黄浦区 (central), 1 = 金山区, 2 = 青浦区 (outer suburbs).
const codes = ['310101', '310116', '310118'];
function context(over: Partial<CostContext> = {}): CostContext {
  const D = codes.length;
  const km = new Int32Array(D * D);
  for (let a = 0; a < D; a++)
    for (let b = 0; b < D; b++) km[a * D + b] = districtKm(codes[a], codes[b]) ?? -1;
  return {
    settings: defaultSettings,
    districts: D,
    km,
    paired: new Uint8Array(D * D),
    previous: new Map(),
    preferences: new Map(),
    ...over,
  };
}
const village: CostTarget = { id: 10, path: '/1/3/30/10/', district: 1, weak: false, needMask: 0 };
const unit: CostUnit = { id: 20, district: 0, budget: 50_000, servesMask: 0 };
const cost = (t = village, u = unit, ctx = context()) => edgeCost(t, u, ctx);

describe('cost builder terms (docs/allocation.md "Cost")', () => {
  it('starts from the base plus the district distance', () => {
    const km = districtKm('310101', '310116')!;
    expect(km).toBeGreaterThan(40);
    expect(km).toBeLessThan(70);
    expect(cost()).toBe(defaultSettings.base + km * defaultSettings.perKm);
    expect(cost(village, { ...unit, district: 1 })).toBe(defaultSettings.base);
    expect(cost(village, { ...unit, district: -1 })).toBe(
      defaultSettings.base + defaultSettings.unknownKm,
    );
  });

  it('a nearer district is cheaper than a farther one', () => {
    const qingpuVillage = { ...village, district: 2 };
    expect(cost(qingpuVillage)).toBeLessThan(cost(village));
  });

  it('the district pairing table (对口帮扶) lowers the cost by its weight', () => {
    const paired = new Uint8Array(9);
    paired[0 * 3 + 1] = 1;
    expect(cost() - cost(village, unit, context({ paired }))).toBe(defaultSettings.districtPair);
  });

  it('each need the unit serves lowers the cost, up to the cap', () => {
    const t = { ...village, needMask: needMask(['产业发展', '基础设施', '教育培训', '医疗卫生']) };
    const one = { ...unit, servesMask: servesMask(['资金']) };
    // 资金 serves 产业发展 and 基础设施 (and 困难帮扶, which the village does not need).
    expect(cost(t) - cost(t, one)).toBe(2 * defaultSettings.perNeedMatch);
    const all = { ...unit, servesMask: servesMask(['资金', '人才']) };
    expect(cost(t) - cost(t, all)).toBe(
      defaultSettings.maxNeedMatches * defaultSettings.perNeedMatch,
    );
  });

  it('the previous round pair is cheaper (continuity)', () => {
    const previous = new Map([[unit.id, new Set([village.id])]]);
    expect(cost() - cost(village, unit, context({ previous }))).toBe(defaultSettings.continuity);
  });

  it('weak villages prefer larger budgets; others do not care', () => {
    const weak = { ...village, weak: true };
    const rich = { ...unit, budget: 400_000 };
    expect(cost(weak) - cost(weak, rich)).toBe(
      defaultSettings.weakBudget -
        Math.floor((defaultSettings.weakBudget * 50_000) / defaultSettings.weakBudgetFullAt),
    );
    expect(cost(village, rich)).toBe(cost());
  });

  it('the unit’s stated preference for a district covers its villages', () => {
    const preferences = new Map([[unit.id, ['/1/3/']]]);
    expect(cost() - cost(village, unit, context({ preferences }))).toBe(defaultSettings.preference);
    const elsewhere = new Map([[unit.id, ['/1/4/']]]);
    expect(cost(village, unit, context({ preferences: elsewhere }))).toBe(cost());
  });

  it('never goes below 0 and explains every term in Chinese', () => {
    const settings = allocationSettingsInput.parse({ base: 10, perKm: 0, continuity: 50 });
    const previous = new Map([[unit.id, new Set([village.id])]]);
    const ctx = context({ settings, previous });
    const { cost: c, reasons } = explainCost(village, unit, ctx);
    expect(c).toBe(0);
    expect(reasons.reduce((s, r) => s + r.delta, 0)).toBe(0);
    expect(reasonText(reasons)).toMatch(
      /^基准 \+10；区县间距离约 \d+ 公里 \+0；村未填报需求清单；上一轮结对 −50；成本不低于 0 \+40$/,
    );
  });

  it('the explanation sums to the edge cost', () => {
    const paired = new Uint8Array(9);
    paired[1] = 1;
    const ctx = context({ paired, previous: new Map([[20, new Set([10])]]) });
    const t = { ...village, weak: true, needMask: needMask(['产业发展']) };
    const u = { ...unit, servesMask: servesMask(['技术']) };
    const { cost: c, reasons } = explainCost(t, u, ctx);
    expect(c).toBe(edgeCost(t, u, ctx));
    expect(reasons.map((r) => r.code)).toEqual([
      'base',
      'distance',
      'district_pair',
      'needs_fit',
      'continuity',
      'weak_budget',
    ]);
  });
});

describe('cost reasons that tell pairs of one district apart (issue 13 item 4)', () => {
  // Same district, no pairing table, no history: base and distance are alike for every unit.
  const near = { ...village, needMask: needMask(['产业发展', '教育培训']) };
  const explain = (t: CostTarget, u: CostUnit) => reasonText(explainCost(t, u, context()).reasons);

  it('names the needs a unit meets, or says none matched, or that the village listed none', () => {
    const serving = { ...unit, district: 1, servesMask: servesMask(['技术']), capacity: 2 };
    const idle = { ...unit, district: 1, servesMask: servesMask(['物资']), capacity: 1 };
    expect(explain(near, serving)).toBe(
      '基准 +200；同一区县 +0；需求-资源匹配 2 项（产业发展、教育培训） −20；单位可分配名额 2 个',
    );
    expect(explain(near, idle)).toBe(
      '基准 +200；同一区县 +0；村需求（产业发展、教育培训）与单位资源不匹配；单位可分配名额 1 个',
    );
    expect(explain(village, { ...unit, district: 1 })).toBe(
      '基准 +200；同一区县 +0；村未填报需求清单',
    );
  });

  it("states a weak village's unit budget even when it earns nothing", () => {
    const weak = { ...village, weak: true };
    expect(explain(weak, { ...unit, district: 1, budget: 0 })).toContain(
      '经济薄弱村，单位年度预算 0 万元',
    );
    expect(explain(weak, { ...unit, district: 1, budget: 200_000 })).toContain(
      '经济薄弱村，单位年度预算 20 万元 −20',
    );
  });
});

describe('settings', () => {
  it('rejects negative, fractional and unknown weights with Chinese messages', () => {
    const r = allocationSettingsInput.safeParse({ base: -1, perKm: 1.5, bogus: 1 });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toContain('base: 不能为负数');
    expect(messages).toContain('perKm: 应为整数');
    expect(messages.some((m) => m.includes('bogus'))).toBe(true);
  });
});

describe('weak-village minimum budget', () => {
  it('comes from the pack’s R-WEAK-FUNDS rule', () => {
    const rule = PACKS['sh-2010'].rules.find((r) => r.id === 'R-WEAK-FUNDS')!;
    expect(weakMinBudget('sh-2010')).toBe((rule as { min: number }).min);
    expect(weakMinBudget('ah-2011')).toBe(0);
  });
});

function roundData(over: Partial<RoundData> = {}): RoundData {
  return {
    targets: [],
    units: [],
    districts: codes.map((code, i) => ({ id: 100 + i, code, name: code, path: `/1/${100 + i}/` })),
    districtPairs: [],
    live: [],
    declined: [],
    previous: [],
    preferences: [],
    exclusions: [],
    ...over,
  };
}
const t = (id: number, weak = false) => ({
  id,
  kind: 'village' as const,
  path: `/1/101/${id}/`,
  weak,
  districtId: 101,
  needs: [],
});
const u = (id: number, capacity: number, budget = 50_000) => ({
  id,
  path: `/1/100/${id}/`,
  capacity,
  budget,
  districtId: 100,
  resources: [],
});
const opts = { villageCap: 2, weakMinBudget: 20_000 };

describe('instance', () => {
  it('demand is the requirement minus live intentions; capacity minus the unit’s live intentions', () => {
    const data = roundData({
      targets: [t(1), t(2), t(3)],
      units: [u(7, 2), u(8, 1)],
      live: [
        { urban: 7, rural: 1 },
        { urban: 8, rural: 2 },
      ],
    });
    const b = buildInstance(data, allocationSettingsInput.parse({ requiredPerVillage: 2 }), opts);
    expect(b.targets.map((x) => [x.id, x.demand])).toEqual([
      [1, 1],
      [2, 1],
      [3, 2],
    ]);
    expect(b.units.map((x) => [x.id, x.capacity])).toEqual([[7, 1]]);
    // Unit 7 already holds village 1: that edge is never offered again.
    expect(b.candidates[0]).toEqual([]);
  });

  it('weak villages only get units whose budget reaches the pack minimum', () => {
    const data = roundData({ targets: [t(1, true)], units: [u(7, 1, 19_999), u(8, 1, 20_000)] });
    const b = buildInstance(data, defaultSettings, opts);
    expect(b.candidates[0].map((j) => b.units[j].id)).toEqual([8]);
  });

  it('declined and removed pairs are not candidates', () => {
    const data = roundData({
      targets: [t(1)],
      units: [u(7, 1), u(8, 1), u(9, 1)],
      declined: [{ urban: 7, rural: 1 }],
      exclusions: [{ urban: 8, rural: 1 }],
    });
    const b = buildInstance(data, defaultSettings, opts);
    expect(b.candidates[0].map((j) => b.units[j].id)).toEqual([9]);
  });

  it('prunes to top-k per target but widens the lists of short targets until they are covered', () => {
    // 30 villages, 30 units of capacity 1, all equally cheap: with k = 1 most villages would share
    // units; widening (and the per-unit lists) lets every village find its own.
    const data = roundData({
      targets: Array.from({ length: 30 }, (_, i) => t(i + 1)),
      units: Array.from({ length: 30 }, (_, i) => u(1000 + i, 1)),
    });
    const narrow = allocationSettingsInput.parse({ topK: 1, topPerUnit: 0, widenRounds: 0 });
    const wide = allocationSettingsInput.parse({ topK: 1, topPerUnit: 0, widenRounds: 5 });
    const before = solve(buildInstance(data, narrow, opts), []);
    const after = solve(buildInstance(data, wide, opts), []);
    expect(before.stats.covered).toBeLessThan(30);
    expect(after.stats.covered).toBe(30);
    expect(after.stats.solves).toBeGreaterThan(1);
    expect(after.targets.every((x) => x.missing === 0)).toBe(true);
  });

  it('locked pairs are kept as fixed; reasons say why a target is left short', () => {
    const data = roundData({
      targets: [t(1), t(2), { ...t(3, true) }],
      units: [u(7, 1, 10_000), u(8, 1, 10_000)],
    });
    const s = solve(buildInstance(data, defaultSettings, opts), [{ urban: 8, rural: 2 }]);
    expect(s.pairs.find((p) => p.ruralOrgId === 2)).toMatchObject({ urbanOrgId: 8, fixed: true });
    expect(s.pairs.find((p) => p.ruralOrgId === 1)).toMatchObject({ urbanOrgId: 7, fixed: false });
    expect(s.targets.find((x) => x.ruralOrgId === 3)).toMatchObject({
      missing: 1,
      reason: 'no_eligible_unit',
    });
  });
});

import { allocationRun, allocationSettingsInput } from '@pairing/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { openRound } from '../rounds/testing.ts';
import { createAllocatedIntention } from './intentions-port.ts';
import { publishRun, type CreateAllocatedIntention } from './publish.ts';
import { balancingRound, runAllocation } from './testing.ts';

let env: TestEnv;
let sc: Scenario;
let city: string;

beforeAll(async () => {
  env = await createTestEnv();
  sc = await createScenario(env, 'al');
  city = sc.actors.city_admin.cookie;
});
afterAll(() => env.close());

const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, cookie = city) =>
  env.app.inject({
    method,
    url: `/api${url}`,
    headers: { cookie },
    ...(payload ? { payload } : {}),
  });

type View = {
  run: {
    id: number;
    status: string;
    stats: Record<string, number>;
    abilities: Record<string, boolean>;
  };
  pairs: Array<{
    id: number;
    status: string;
    abilities: { edit: boolean };
    fixed: boolean;
    urbanOrgId: number;
    ruralOrgId: number;
    cost: number;
    weakVillage: boolean;
    reasonText: string;
  }>;
  uncovered: Array<{ ruralOrgId: number; missing: number; reason: string; reasonText: string }>;
  districts: Array<{
    name: string;
    targets: number;
    satisfied: number;
    proposed: number;
    uncovered: number;
  }>;
};

async function run(roundId: number): Promise<View> {
  const res = await runAllocation(env, city, roundId);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const count = async (sql: string, params: unknown[]) =>
  (await env.dbh.query<{ n: number }>(sql, params)).rows[0].n;

describe('running the allocation (R-COVERAGE, S1 §8 组织分配)', () => {
  let roundId: number;
  let view: View;
  let unitIds: number[];
  let dropped: { urbanOrgId: number; ruralOrgId: number };

  beforeAll(async () => {
    const r = await balancingRound(env, sc);
    roundId = r.roundId;
    unitIds = r.units.map((u) => u.id);
    view = await run(roundId);
  });

  it('proposes pairs up to the remaining capacity and explains each cost in Chinese', async () => {
    // 6 new units × 2, scenario unit B × 2, unit A 3 − 1 voluntary intention = 16 places.
    expect(view.pairs).toHaveLength(16);
    expect(view.run.status).toBe('proposed');
    for (const p of view.pairs) {
      expect(p.reasonText).toMatch(/^基准 \+200；/);
      expect(p.cost).toBeGreaterThanOrEqual(0);
    }
    const a = view.pairs.filter((p) => p.urbanOrgId === sc.a.unit.id);
    expect(a).toHaveLength(2);
    // 民主村 already has an accepted intention: it is not a target any more.
    expect(view.pairs.some((p) => p.ruralOrgId === sc.a.village.id)).toBe(false);
    expect(view.uncovered.some((u) => u.ruralOrgId === sc.a.village.id)).toBe(false);
  });

  it('gives weak villages only units whose budget reaches R-WEAK-FUNDS (pack sh-2010: 20,000)', async () => {
    const poor = new Set(unitIds.filter((_, i) => i % 2 === 0));
    for (const p of view.pairs) if (p.weakVillage) expect(poor.has(p.urbanOrgId)).toBe(false);
    expect(view.run.stats.weakMinBudget).toBe(20_000);
  });

  it('lists the villages left short with the reason in Chinese, and totals by district', async () => {
    expect(view.uncovered.length).toBeGreaterThan(1000);
    expect(view.uncovered[0]).toMatchObject({
      missing: 1,
      reason: 'eligible_units_exhausted',
      reasonText: '符合条件的单位名额已被其他村占用',
    });
    const sum = view.districts.reduce(
      (s, d) => ({
        targets: s.targets + d.targets,
        proposed: s.proposed + d.proposed,
        satisfied: s.satisfied + d.satisfied,
        uncovered: s.uncovered + d.uncovered,
      }),
      { targets: 0, proposed: 0, satisfied: 0, uncovered: 0 },
    );
    expect(sum.proposed).toBe(16);
    expect(sum.satisfied).toBe(1);
    expect(sum.targets).toBe(sum.satisfied + sum.proposed + sum.uncovered);
    expect(view.districts.map((d) => d.name)).toContain('金山区');
  });

  it('is audited', async () => {
    expect(
      await count(
        "select count(*)::int as n from audit_log where action = 'allocation.run' and entity_id = $1",
        [String(view.run.id)],
      ),
    ).toBe(1);
  });

  it('answers the run alike in the list and the view: ISO times, every setting, no district snapshot', async () => {
    const list = await api('GET', `/rounds/${roundId}/allocation/runs`);
    expect(list.statusCode, list.body).toBe(200);
    const [listed] = list.json().items;
    expect(listed).toEqual(view.run);
    expect(Object.keys(listed).sort()).toEqual(Object.keys(allocationRun.shape).sort());
    expect(Object.keys(listed.settings).sort()).toEqual(
      Object.keys(allocationSettingsInput.shape).sort(),
    );
    expect(listed.stats).not.toHaveProperty('districts');
    expect(new Date(listed.createdAt).toISOString()).toBe(listed.createdAt);
    expect(listed.publishedAt).toBeNull();
  });

  it('keeps a locked pair through a re-run and never proposes a removed pair again', async () => {
    const [keep, drop] = view.pairs;
    const base = `/rounds/${roundId}/allocation/runs/${view.run.id}`;
    expect((await api('POST', `${base}/pairs/${keep.id}/lock`, { locked: true })).statusCode).toBe(
      200,
    );
    const removed = await api('POST', `${base}/pairs/${drop.id}/remove`);
    dropped = drop;
    expect(removed.json().pair.status).toBe('removed');
    const after = await api('GET', base);
    expect(
      after.json().uncovered.find((u: { ruralOrgId: number }) => u.ruralOrgId === drop.ruralOrgId),
    ).toMatchObject({
      reason: 'removed',
    });

    const rerun = await runAllocation(env, city, roundId, view.run.id);
    expect(rerun.statusCode, rerun.body).toBe(200);
    const next: View = rerun.json();
    expect(next.pairs.find((p) => p.ruralOrgId === keep.ruralOrgId)).toMatchObject({
      urbanOrgId: keep.urbanOrgId,
      status: 'locked',
      fixed: true,
    });
    expect(
      next.pairs.some((p) => p.urbanOrgId === drop.urbanOrgId && p.ruralOrgId === drop.ruralOrgId),
    ).toBe(false);
    expect(next.pairs).toHaveLength(16);

    // The old proposal is superseded: no more edits, no re-run from it.
    expect(
      (await api('POST', `${base}/pairs/${keep.id}/lock`, { locked: false })).json().error.code,
    ).toBe('run_not_proposed');
    expect((await api('POST', `${base}/rerun`)).statusCode).toBe(409);
    view = next;
  });

  it('swaps a pair to an eligible unit and refuses ineligible ones with the field named', async () => {
    const base = `/rounds/${roundId}/allocation/runs/${view.run.id}`;
    const pair = view.pairs.find((p) => !p.fixed && !p.weakVillage)!;
    const same = await api('POST', `${base}/pairs/${pair.id}/swap`, {
      urbanOrgId: pair.urbanOrgId,
    });
    expect(same.statusCode).toBe(422);
    expect(same.json().error.fields.urbanOrgId).toBe('新单位与原单位相同');
    // Every unit's capacity is used by this proposal: none is free to take the place.
    const candidates = await api('GET', `${base}/pairs/${pair.id}/candidates`);
    expect(candidates.json().items).toEqual([]);
    const other = view.pairs.find((p) => p.urbanOrgId !== pair.urbanOrgId)!;
    const full = await api('POST', `${base}/pairs/${pair.id}/swap`, {
      urbanOrgId: other.urbanOrgId,
    });
    expect(full.statusCode).toBe(422);
    expect(full.json().error.fields.urbanOrgId).toBe('该单位本轮已无剩余结对名额');
    const village = await api('POST', `${base}/pairs/${pair.id}/swap`, {
      urbanOrgId: sc.a.village.id,
    });
    expect(village.statusCode).toBe(404);
    const bad = await api('POST', `${base}/pairs/${pair.id}/swap`, { urbanOrgId: 'x' });
    expect(bad.statusCode).toBe(422);

    // Removing another pair of a unit frees a place of that unit: it becomes a candidate.
    // Not the unit removed from this village in the previous test: that pair stays excluded.
    const freed = view.pairs.find(
      (p) =>
        p.urbanOrgId !== pair.urbanOrgId &&
        !p.fixed &&
        !(p.urbanOrgId === dropped.urbanOrgId && pair.ruralOrgId === dropped.ruralOrgId),
    )!;
    await api('POST', `${base}/pairs/${freed.id}/remove`);
    const now = await api('GET', `${base}/pairs/${pair.id}/candidates`);
    expect(now.json().items.map((c: { urbanOrgId: number }) => c.urbanOrgId)).toContain(
      freed.urbanOrgId,
    );
    const swapped = await api('POST', `${base}/pairs/${pair.id}/swap`, {
      urbanOrgId: freed.urbanOrgId,
    });
    expect(swapped.statusCode, swapped.body).toBe(200);
    expect(swapped.json().pair).toMatchObject({
      urbanOrgId: freed.urbanOrgId,
      status: 'locked',
      swappedFrom: pair.urbanOrgId,
    });
    expect(
      await count(
        "select count(*)::int as n from audit_log where action = 'allocation.pair.swapped' and entity_id = $1",
        [String(pair.id)],
      ),
    ).toBe(1);
  });

  it('answers 404 for a run of another round and 422 for bad ids', async () => {
    const other = await openRound(env, city, { name: '另一轮' });
    expect((await api('GET', `/rounds/${other}/allocation/runs/${view.run.id}`)).statusCode).toBe(
      404,
    );
    expect((await api('GET', `/rounds/${roundId}/allocation/runs/abc`)).statusCode).toBe(422);
    expect((await api('GET', `/rounds/${roundId}/allocation/runs/999999`)).statusCode).toBe(404);
    // Not in balancing: no run.
    const refused = await api('POST', `/rounds/${other}/allocation/runs`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('综合平衡');
  });
});

describe('preferences and weights', () => {
  it('a unit’s preference for a district lowers its cost there; bad input changes nothing', async () => {
    const { roundId } = await balancingRound(env, sc, 0);
    const unitAdmin = sc.actors.unit_admin;
    const url = `/rounds/${roundId}/allocation/preferences/${sc.a.unit.id}`;
    const bad = await api('PUT', url, { ruralOrgIds: [sc.a.unit.id] }, unitAdmin.cookie);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields.ruralOrgIds).toContain('不是本轮范围内');
    const ok = await api('PUT', url, { ruralOrgIds: [sc.b.district.id] }, unitAdmin.cookie);
    expect(ok.statusCode, ok.body).toBe(200);
    // Unit B (黄浦区) is out of unit A's admin scope.
    const foreign = `/rounds/${roundId}/allocation/preferences/${sc.b.unit.id}`;
    expect((await api('PUT', foreign, { ruralOrgIds: [] }, unitAdmin.cookie)).statusCode).toBe(404);

    const settings = await api('PUT', `/rounds/${roundId}/allocation/settings`, {
      base: -5,
      topK: 0,
    });
    expect(settings.statusCode).toBe(422);
    expect(settings.json().error.fields).toMatchObject({ base: '不能为负数', topK: '至少为 1' });
    const stored = (await api('GET', `/rounds/${roundId}/allocation/settings`)).json().settings;
    expect(stored.base).toBe(200);
    expect(Object.keys(stored).sort()).toEqual(Object.keys(allocationSettingsInput.shape).sort());
    const put = await api('PUT', `/rounds/${roundId}/allocation/settings`, { preference: 500 });
    expect(put.json().settings).toMatchObject({ preference: 500, base: 200 });

    const view = await run(roundId);
    const a = view.pairs.filter((p) => p.urbanOrgId === sc.a.unit.id);
    expect(a).toHaveLength(2);
    for (const p of a) expect(p.reasonText).toContain('单位意愿 −500');
  });
});

describe('publishing', () => {
  const cityScope = () => ({
    userId: sc.actors.city_admin.id,
    username: sc.actors.city_admin.username,
    role: 'city_admin' as const,
    orgId: sc.shanghai.id,
    path: sc.shanghai.path,
  });
  const allocated = (roundId: number) =>
    env.dbh.query(
      `select urban_org_id::int as "urbanOrgId", rural_org_id::int as "ruralOrgId", state::text as "state"
        from intentions where round_id = $1 and source = 'allocation' order by id`,
      [roundId],
    );
  const placesTaken = async (roundId: number) =>
    (await count('select coalesce(sum(taken), 0)::int as n from round_slots where round_id = $1', [
      roundId,
    ])) +
    (await count(
      'select coalesce(sum(taken), 0)::int as n from round_unit_loads where round_id = $1',
      [roundId],
    ));

  it('creates one pending intention per kept pair in one transaction, once under two concurrent calls', async () => {
    const { roundId } = await balancingRound(env, sc, 2);
    const view = await run(roundId);
    const removed = await api(
      'POST',
      `/rounds/${roundId}/allocation/runs/${view.run.id}/pairs/${view.pairs[0].id}/remove`,
    );
    // A removed pair can no longer be locked or swapped.
    expect(removed.json().pair.abilities).toEqual({ edit: false });
    const placesBefore = await placesTaken(roundId);
    const [first, second] = await Promise.all([
      publishRun(env.dbh.db, cityScope(), env.clock, roundId, view.run.id),
      publishRun(env.dbh.db, cityScope(), env.clock, roundId, view.run.id),
    ]);
    expect(first.created + second.created).toBe(view.pairs.length - 1);
    expect(Math.min(first.created, second.created)).toBe(0);
    expect(first.intentionIds).toEqual(second.intentionIds);
    const { rows } = await allocated(roundId);
    expect(rows).toHaveLength(view.pairs.length - 1);
    expect(rows.every((i) => i.state === 'pending')).toBe(true);
    expect(
      rows.some(
        (p) =>
          p.urbanOrgId === view.pairs[0].urbanOrgId && p.ruralOrgId === view.pairs[0].ruralOrgId,
      ),
    ).toBe(false);
    // Each intention holds one village place and one unit place, as a voluntary one does.
    expect(await placesTaken(roundId)).toBe(placesBefore + 2 * rows.length);
    expect(
      await count(
        "select count(*)::int as n from audit_log where action = 'intention.submitted' and entity_id = any($1::text[])",
        [first.intentionIds.concat(second.intentionIds).map(String)],
      ),
    ).toBe(rows.length);
    const after = await api('GET', `/rounds/${roundId}/allocation/runs/${view.run.id}`);
    expect(after.json().run.status).toBe('published');
    expect(
      await count(
        "select count(*)::int as n from audit_log where action = 'allocation.published' and entity_id = $1",
        [String(view.run.id)],
      ),
    ).toBe(1);
    // A published run is no longer editable.
    expect(
      (
        await api(
          'POST',
          `/rounds/${roundId}/allocation/runs/${view.run.id}/pairs/${view.pairs[1].id}/remove`,
        )
      ).json().error.code,
    ).toBe('run_not_proposed');
  });

  it('publishes through the route, and publishing again creates nothing more', async () => {
    const { roundId } = await balancingRound(env, sc, 2);
    const view = await run(roundId);
    // The caller's abilities: the city on the proposal under review, a reader on nothing.
    expect(view.run.abilities).toEqual({ run: true, edit: true, publish: true });
    expect(view.pairs.every((p) => p.abilities.edit)).toBe(true);
    const read = await api(
      'GET',
      `/rounds/${roundId}/allocation/runs/${view.run.id}`,
      undefined,
      sc.actors.district_admin.cookie,
    );
    expect(read.json().run.abilities).toEqual({ run: false, edit: false, publish: false });
    const url = `/rounds/${roundId}/allocation/runs/${view.run.id}/publish`;
    const first = await api('POST', url);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().created).toBe(view.pairs.length);
    const published = first.json().run;
    expect(published.status).toBe('published');
    expect(published.abilities).toEqual({ run: false, edit: false, publish: false });
    const listed = (await api('GET', `/rounds/${roundId}/allocation/runs`)).json();
    expect(listed.abilities).toEqual({ run: true, configure: true });
    expect(listed.items[0].abilities).toEqual(published.abilities);
    expect(new Date(published.publishedAt).toISOString()).toBe(published.publishedAt);
    const again = await api('POST', url);
    expect(again.json()).toMatchObject({ created: 0, intentionIds: first.json().intentionIds });
    expect((await allocated(roundId)).rows).toHaveLength(view.pairs.length);
  });

  it('rolls everything back when one intention cannot be created', async () => {
    const { roundId } = await balancingRound(env, sc, 2);
    const view = await run(roundId);
    const placesBefore = await placesTaken(roundId);
    let calls = 0;
    const failing: CreateAllocatedIntention = async (...args) => {
      const created = await createAllocatedIntention(...args);
      if (++calls === 2) throw new Error('village full');
      return created;
    };
    await expect(
      publishRun(env.dbh.db, cityScope(), env.clock, roundId, view.run.id, failing),
    ).rejects.toThrow('village full');
    expect(calls).toBe(2);
    const after = await api('GET', `/rounds/${roundId}/allocation/runs/${view.run.id}`);
    expect(after.json().run.status).toBe('proposed');
    expect(
      after.json().pairs.every((p: { intentionId: number | null }) => p.intentionId === null),
    ).toBe(true);
    expect((await allocated(roundId)).rows).toHaveLength(0);
    expect(await placesTaken(roundId)).toBe(placesBefore);
  });
});

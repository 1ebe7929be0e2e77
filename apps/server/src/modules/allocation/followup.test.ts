import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { signedInUser } from '../rounds/testing.ts';
import { balancingRound, runAllocation } from './testing.ts';

// Issue 13 item 4: a published allocation notifies both sides, districts and working committees
// confirm in bulk, the city follows confirmation by district, and the plan is reviewed and exported.

let env: TestEnv;
let sc: Scenario;
let city: string;

beforeAll(async () => {
  env = await createTestEnv();
  sc = await createScenario(env, 'fu');
  city = sc.actors.city_admin.cookie;
});
afterAll(() => env.close());

let keys = 0;
const api = (
  method: 'GET' | 'POST',
  url: string,
  cookie: string | null = city,
  payload?: object,
  key: string | null = `bulk-key-${++keys}`,
) =>
  env.app.inject({
    method,
    url: `/api${url}`,
    headers: { ...(cookie ? { cookie } : {}), ...(key ? { 'idempotency-key': key } : {}) },
    ...(payload ? { payload } : {}),
  });

type Pair = {
  id: number;
  urbanOrgId: number;
  ruralOrgId: number;
  urbanOrgName: string;
  districtId: number;
  intentionId: number | null;
  intentionState: string | null;
  urbanConfirmed: boolean;
  ruralConfirmed: boolean;
  status: string;
  cost: number;
  abilities: { edit: boolean; confirm: boolean };
};
type View = {
  run: { id: number; status: string; stats: { covered: number; totalCost: number } };
  pairs: Pair[];
  progress: Array<{
    name: string;
    pairs: number;
    urbanConfirmed: number;
    ruralConfirmed: number;
    confirmed: number;
    pending: number;
  }>;
};

const count = async (text: string, params: unknown[]) =>
  (await env.dbh.query<{ n: number }>(text, params)).rows[0].n;

async function proposal(units = 2) {
  const { roundId } = await balancingRound(env, sc, units);
  const res = await runAllocation(env, city, roundId);
  expect(res.statusCode, res.body).toBe(200);
  return { roundId, view: res.json() as View };
}

async function published(units = 2) {
  const { roundId, view } = await proposal(units);
  const res = await api('POST', `/rounds/${roundId}/allocation/runs/${view.run.id}/publish`);
  expect(res.statusCode, res.body).toBe(200);
  const after = await api('GET', `/rounds/${roundId}/allocation/runs/${view.run.id}`);
  return { roundId, runId: view.run.id, answer: res.json(), view: after.json() as View };
}

let users = 0;
const admin = (
  role: 'district_admin' | 'village_admin' | 'unit_admin' | 'inspector',
  orgId: number,
) => signedInUser(env, `fu.${role}.${++users}`, role, orgId);

describe('publishing notifies both sides of every pair', () => {
  it('one notification to the unit and one to the village per pair, in one statement, once', async () => {
    const { roundId, runId, answer, view } = await published();
    const pairs = view.pairs;
    expect(answer.notified).toBe(2 * pairs.length);
    const ids = pairs.map((p) => p.intentionId);
    expect(ids.every((i) => i != null)).toBe(true);
    const orgs = [...new Set(pairs.flatMap((p) => [p.urbanOrgId, p.ruralOrgId]))];
    expect(
      await count(
        "select count(*)::int as n from notifications where kind = 'allocationPublished' and org_id = any($1::bigint[])",
        [orgs],
      ),
    ).toBe(2 * pairs.length);

    // The village's admin reads it on the notifications page: the unit's name, the page to confirm.
    const pair = pairs[0];
    const village = await admin('village_admin', pair.ruralOrgId);
    const list = await api('GET', '/notifications', village.cookie, undefined, null);
    expect(list.statusCode, list.body).toBe(200);
    const mine = list
      .json()
      .items.filter((n: { kind: string }) => n.kind === 'allocationPublished');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      title: `组织分配结对待确认：${pair.urbanOrgName}`,
      link: '/intentions/inbox',
    });

    // Publishing again writes nothing more.
    const again = await api('POST', `/rounds/${roundId}/allocation/runs/${runId}/publish`);
    expect(again.json()).toMatchObject({ created: 0, notified: 0 });
    expect(
      await count(
        "select count(*)::int as n from notifications where kind = 'allocationPublished' and org_id = any($1::bigint[])",
        [orgs],
      ),
    ).toBe(2 * pairs.length);
    expect(
      await count(
        "select (after->>'notified')::int as n from audit_log where action = 'allocation.published' and entity_id = $1",
        [String(runId)],
      ),
    ).toBe(2 * pairs.length);
  });
});

describe('bulk confirmation by a district or working committee', () => {
  let roundId: number;
  let runId: number;
  let pairs: Pair[];
  const url = () => `/rounds/${roundId}/intentions/allocated/confirm`;
  const intention = (id: number) =>
    env.dbh.query<{ state: string; urban: boolean; rural: boolean }>(
      `select state::text as state, urban_confirmed_at is not null as urban,
        rural_confirmed_at is not null as rural from intentions where id = $1`,
      [id],
    );
  const bulkAudits = () =>
    count(
      "select count(*)::int as n from audit_log where action = 'intention.bulkConfirmed' and entity_id = $1",
      [String(roundId)],
    );

  beforeAll(async () => {
    ({
      roundId,
      runId,
      view: { pairs },
    } = await published());
  });

  it('refuses the anonymous (401), roles that cannot (403), bad input (422) and a missing key', async () => {
    expect((await api('POST', url(), null, {})).statusCode).toBe(401);
    for (const role of ['city_admin', 'unit_admin', 'village_admin', 'inspector'] as const)
      expect((await api('POST', url(), sc.actors[role].cookie, {})).statusCode, role).toBe(403);
    const district = sc.actors.district_admin.cookie;
    const empty = await api('POST', url(), district, { intentionIds: [] });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.fields.intentionIds).toBe('请至少选择一个结对');
    expect((await api('POST', url(), district, { intentionIds: ['x'] })).statusCode).toBe(422);
    expect((await api('POST', url(), district, { other: 1 })).statusCode).toBe(422);
    expect((await api('POST', url(), district, {}, null)).statusCode).toBe(422);
    expect(
      (await api('POST', '/rounds/999999/intentions/allocated/confirm', district, {})).statusCode,
    ).toBe(404);
    expect(await bulkAudits()).toBe(0);
  });

  it('answers 404 for a chosen pair outside the caller’s scope and changes nothing', async () => {
    const committee = await admin('district_admin', sc.committee.id);
    const foreign = pairs.find((p) => p.urbanOrgId !== sc.a.unit.id)!;
    const own = pairs.find((p) => p.urbanOrgId === sc.a.unit.id)!;
    const res = await api('POST', url(), committee.cookie, {
      intentionIds: [own.intentionId, foreign.intentionId],
    });
    expect(res.statusCode).toBe(404);
    expect((await intention(own.intentionId!)).rows[0]).toMatchObject({ urban: false });
    expect(await bulkAudits()).toBe(0);
  });

  it('a committee confirms its units’ side while a unit confirms one pair on its own', async () => {
    const committee = await admin('district_admin', sc.committee.id);
    const unitA = sc.actors.unit_admin;
    const own = pairs.filter((p) => p.urbanOrgId === sc.a.unit.id);
    expect(own.length).toBeGreaterThan(0);
    const [bulk, single] = await Promise.all([
      api('POST', url(), committee.cookie, {}),
      api('POST', `/intentions/${own[0].intentionId}/confirm`, unitA.cookie, undefined, null),
    ]);
    expect(bulk.statusCode, bulk.body).toBe(200);
    expect(single.statusCode, single.body).toBe(200);
    // Whoever came first, each of the unit's pairs is confirmed once, and no village side.
    const answered = bulk.json();
    expect(answered.confirmed).toBeGreaterThanOrEqual(own.length - 1);
    expect(answered.confirmed).toBeLessThanOrEqual(own.length);
    expect(answered.accepted).toBe(0);
    for (const p of own)
      expect((await intention(p.intentionId!)).rows[0]).toEqual({
        state: 'pending',
        urban: true,
        rural: false,
      });
    expect(await bulkAudits()).toBe(1);
  });

  it('a district confirms its units, then the villages’ district accepts: agreements, one audit entry each, replay', async () => {
    const central = await admin('district_admin', sc.central.id);
    const view = (
      await api('GET', `/rounds/${roundId}/allocation/runs/${runId}`, central.cookie)
    ).json() as View;
    const awaiting = view.pairs.filter((p) => p.abilities.confirm);
    const units = pairs.filter((p) => p.urbanOrgId !== sc.a.unit.id);
    expect(awaiting.map((p) => p.id).sort()).toEqual(units.map((p) => p.id).sort());

    const key = 'central-bulk-1';
    const first = await api('POST', url(), central.cookie, {}, key);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ confirmed: units.length, accepted: 0 });
    const replay = await api('POST', url(), central.cookie, {}, key);
    expect(replay.headers['idempotency-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());
    // A fresh request finds nothing left to confirm, and records nothing.
    expect((await api('POST', url(), central.cookie, {})).json()).toMatchObject({ confirmed: 0 });
    expect(await bulkAudits()).toBe(2);
    const [entry] = (
      await env.dbh.query<{ after: { count: number; intentionIds: number[] } }>(
        "select after from audit_log where action = 'intention.bulkConfirmed' and actor_id = $1",
        [central.id],
      )
    ).rows;
    expect(entry.after.count).toBe(units.length);
    expect(entry.after.intentionIds.sort()).toEqual(units.map((p) => p.intentionId).sort());

    // Each village's district confirms its villages' side: every pair now has both yeses.
    for (const districtId of new Set(pairs.map((p) => p.districtId))) {
      const d = await admin('district_admin', districtId);
      const res = await api('POST', url(), d.cookie, {});
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().accepted).toBe(res.json().confirmed);
    }
    for (const p of pairs)
      expect((await intention(p.intentionId!)).rows[0]).toMatchObject({ state: 'accepted' });
    expect(
      await count(
        'select count(*)::int as n from agreements where intention_id = any($1::bigint[])',
        [pairs.map((p) => p.intentionId)],
      ),
    ).toBe(pairs.length);

    // The city follows it by district: every pair confirmed by both sides, none pending.
    const progress = (await api('GET', `/rounds/${roundId}/allocation/runs/${runId}`)).json()
      .progress as View['progress'];
    const total = progress.reduce((s, d) => s + d.pairs, 0);
    expect(total).toBe(pairs.length);
    for (const d of progress)
      expect(d).toMatchObject({
        confirmed: d.pairs,
        urbanConfirmed: d.pairs,
        ruralConfirmed: d.pairs,
        pending: 0,
      });
  });
});

describe('reviewing the plan', () => {
  it('keeps the summary true after a removal', async () => {
    const { roundId, view } = await proposal();
    const base = `/rounds/${roundId}/allocation/runs/${view.run.id}`;
    const [removed] = view.pairs;
    expect((await api('POST', `${base}/pairs/${removed.id}/remove`)).statusCode).toBe(200);
    const after = (await api('GET', base)).json() as View;
    expect(after.run.stats.covered).toBe(view.run.stats.covered - 1);
    expect(after.run.stats.totalCost).toBe(view.run.stats.totalCost - removed.cost);
    const kept = after.pairs.filter((p) => p.status !== 'removed');
    expect(after.run.stats.covered).toBe(kept.length);
    expect(after.run.stats.totalCost).toBe(kept.reduce((s, p) => s + p.cost, 0));
    // Removing it again changes nothing.
    await api('POST', `${base}/pairs/${removed.id}/remove`);
    expect((await api('GET', base)).json().run.stats.covered).toBe(kept.length);
  });

  it('exports the plan as a workbook with Chinese headers, within the caller’s scope', async () => {
    const { roundId, view } = await proposal();
    const url = `/rounds/${roundId}/allocation/runs/${view.run.id}/export.xlsx`;
    const res = await api('GET', url, city, undefined, null);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('分配方案'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('分配方案')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '区县',
      '村（镇）',
      '代码',
      '经济薄弱村',
      '结对单位',
      '替换前单位',
      '成本',
      '成本说明',
      '建议状态',
      '确认情况',
    ]);
    expect(sheet.rowCount).toBe(view.pairs.length + 1);
    const first = sheet.getRow(2).values as unknown[];
    expect(view.pairs.map((p) => p.urbanOrgName)).toContain(first[5]);
    expect(String(first[8])).toMatch(/^基准 \+200；/);
    expect(first[10]).toBe('未发布');

    // The district admin of one village's district exports that district's pairs only.
    const districtId = view.pairs[0].districtId;
    const d = await admin('district_admin', districtId);
    const theirs = view.pairs.filter((p) => p.districtId === districtId).length;
    const part = await api('GET', url, d.cookie, undefined, null);
    const partBook = new ExcelJS.Workbook();
    await partBook.xlsx.load(part.rawPayload as unknown as ArrayBuffer);
    expect(partBook.getWorksheet('分配方案')!.rowCount).toBe(theirs + 1);
    expect((await api('GET', url, null, undefined, null)).statusCode).toBe(401);
    expect((await api('GET', url, sc.actors.unit_admin.cookie, undefined, null)).statusCode).toBe(
      403,
    );
  });

  it('shows the published plan after balancing ends, to the inspector too, read-only', async () => {
    const { roundId, runId } = await published(0);
    await env.dbh.query("update rounds set state = 'signing' where id = $1", [roundId]);
    const inspector = await admin('inspector', sc.shanghai.id);
    const res = await api(
      'GET',
      `/rounds/${roundId}/allocation/runs/${runId}`,
      inspector.cookie,
      undefined,
      null,
    );
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as View & { run: { abilities: Record<string, boolean> } };
    expect(view.run.status).toBe('published');
    expect(view.run.abilities).toEqual({ run: false, edit: false, publish: false });
    expect(view.pairs.every((p) => !p.abilities.edit && !p.abilities.confirm)).toBe(true);
    expect(view.progress.reduce((s, d) => s + d.pairs, 0)).toBe(view.pairs.length);
  });
});

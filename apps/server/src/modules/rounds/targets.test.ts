import { directoryAreas, directoryPage, targetPage } from '@pairing/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { openRound, submit } from './testing.ts';

// Issue 13 item 5: a unit chooses on each village's needs in full; the public 名录 (S1 §8) lists
// the towns and villages, weak ones marked, and who they are paired with — and no person's data.

let env: TestEnv;
let sc: Scenario;
let roundId: number;

const need = { category: '产业发展', note: '果园冷库一座，联系人李四 13912345678', amount: 80_000 };

const get = (url: string, cookie?: string) =>
  env.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

beforeAll(async () => {
  env = await createTestEnv();
  sc = await createScenario(env);
  roundId = await openRound(env, sc.actors.city_admin.cookie);
  const put = (url: string, items: unknown[], cookie: string) =>
    env.app.inject({ method: 'PUT', url, headers: { cookie }, payload: { items } });
  const village = sc.a.village.id;
  const needs = await put(
    `/api/rounds/${roundId}/orgs/${village}/needs`,
    [need, { category: '教育培训', note: null, amount: null }],
    sc.actors.village_admin.cookie,
  );
  expect(needs.statusCode).toBe(200);
  const sent = await submit(env, sc.actors.unit_admin.cookie, roundId, { ruralOrgId: village });
  expect(sent.statusCode).toBe(201);
  const accepted = await env.app.inject({
    method: 'POST',
    url: `/api/intentions/${sent.json().intention.id}/accept`,
    headers: { cookie: sc.actors.village_admin.cookie },
  });
  expect(accepted.statusCode).toBe(200);
});
afterAll(() => env.close());

const targetsUrl = (query = '') => `/api/rounds/${roundId}/targets?${query}`;
const inA = () => `district=${sc.a.district.id}`;

describe('targets: what a unit chooses from', () => {
  it('shows each need with its description and amount, the town, district and weak tag', async () => {
    const res = await get(targetsUrl(`${inA()}&kind=village`), sc.actors.unit_admin.cookie);
    expect(res.statusCode).toBe(200);
    const page = targetPage.parse(res.json());
    const village = page.items.find((i) => i.id === sc.a.village.id);
    expect(village).toMatchObject({
      kind: 'village',
      weakVillage: true,
      townName: sc.a.town.name,
      districtId: sc.a.district.id,
      districtName: sc.a.district.name,
      needs: [need, { category: '教育培训', note: null, amount: null }],
      taken: 1,
      covered: true,
      pairedUnits: [sc.a.unit.name],
    });
    expect(page.items.every((i) => i.districtId === sc.a.district.id)).toBe(true);
    expect(page.items.every((i) => i.kind === 'village')).toBe(true);
  });

  it('filters by district, town, weak, need and the town’s name', async () => {
    const ids = async (query: string) =>
      targetPage
        .parse((await get(targetsUrl(query), sc.actors.unit_admin.cookie)).json())
        .items.map((i) => i.id);
    expect(await ids(`district=${sc.b.district.id}`)).not.toContain(sc.a.village.id);
    expect(await ids(`district=${sc.b.district.id}`)).toContain(sc.b.village.id);
    const town = await ids(`town=${sc.a.town.id}`);
    expect(town).toContain(sc.a.town.id);
    expect(town).toContain(sc.a.village.id);
    expect(town).not.toContain(sc.b.village.id);
    expect(await ids(`${inA()}&weak=false`)).not.toContain(sc.a.village.id);
    expect(await ids(`need=${encodeURIComponent('教育培训')}`)).toEqual([sc.a.village.id]);
    expect(await ids(`${inA()}&q=${encodeURIComponent(sc.a.town.name)}`)).toContain(
      sc.a.village.id,
    );
    expect(await ids(`${inA()}&uncovered=true`)).not.toContain(sc.a.village.id);
  });

  it('answers 401 to the anonymous, 404 for a round outside the caller’s scope', async () => {
    expect((await get(targetsUrl())).statusCode).toBe(401);
    // 嘉兴市's round lies outside 上海市: its unit sees nothing of it, not even that it exists.
    const jiaxingRound = await openRound(env, sc.b.users.city_admin.cookie);
    const outside = await get(`/api/rounds/${jiaxingRound}/targets`, sc.actors.unit_admin.cookie);
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe('not_found');
    expect(
      (await get(`/api/rounds/${roundId}/targets`, sc.b.users.city_admin.cookie)).statusCode,
    ).toBe(404);
  });

  it.each([
    ['district=abc', 'district'],
    ['weak=maybe', 'weak'],
    ['kind=city', 'kind'],
    ['pageSize=500', 'pageSize'],
    [`q=${encodeURIComponent('村\u0007')}`, 'q'],
    [`need=${encodeURIComponent('别的')}`, 'need'],
  ])('refuses %s with 422 naming the field', async (query, field) => {
    const res = await get(targetsUrl(query), sc.actors.unit_admin.cookie);
    expect(res.statusCode).toBe(422);
    expect(Object.keys(res.json().error.fields)).toContain(field);
  });
});

describe('the public 名录 (S1 §8)', () => {
  it('lists towns and villages with need categories and pairings to the anonymous, no personal data', async () => {
    const res = await get(`/api/public/rounds/${roundId}/directory?town=${sc.a.town.id}`);
    expect(res.statusCode).toBe(200);
    const page = directoryPage.parse(res.json());
    expect(page.items.find((i) => i.id === sc.a.village.id)).toMatchObject({
      weakVillage: true,
      needs: ['产业发展', '教育培训'],
      covered: true,
      pairedUnits: [sc.a.unit.name],
    });
    // The unit's contact (王建国 13800005678) and the need's description stay private.
    for (const secret of ['王建国', '13800005678', '8000', '李四', '1391234', 'contact', 'note'])
      expect(res.body).not.toContain(secret);
  });

  it('answers the districts and towns that hold targets, for the filters', async () => {
    const res = await get(`/api/public/rounds/${roundId}/directory/areas`);
    expect(res.statusCode).toBe(200);
    const { districts } = directoryAreas.parse(res.json());
    const jinshan = districts.find((d) => d.id === sc.a.district.id);
    expect(jinshan?.towns).toContainEqual({ id: sc.a.town.id, name: sc.a.town.name });
    // 黄浦区 is central: its streets are never targets (R-COVERAGE).
    expect(districts.map((d) => d.id)).not.toContain(sc.central.id);
  });

  it('refuses bad filters (422) and hides drafts and unknown rounds (404)', async () => {
    const bad = await get(`/api/public/rounds/${roundId}/directory?town=-1&page=0`);
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().error.fields)).toEqual(expect.arrayContaining(['town', 'page']));
    const draft = await openRound(env, sc.actors.city_admin.cookie, {}, false);
    expect((await get(`/api/public/rounds/${draft}/directory/areas`)).statusCode).toBe(404);
    expect((await get(`/api/public/rounds/999999/directory/areas`)).statusCode).toBe(404);
  });

  it('limits each address to 120 reads a minute (429 after)', async () => {
    const url = `/api/public/rounds/${roundId}/directory/areas`;
    const answers = [];
    for (let i = 0; i < 125; i++) answers.push((await get(url)).statusCode);
    expect(answers.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(answers.slice(0, 100).every((s) => s === 200)).toBe(true);
  });
});

import { roundStates, roundView, type RoundState } from '@pairing/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { documentXml, expectOfficialLayout } from '../../../test/docx.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { nextState } from './states.ts';
import { openRound } from './testing.ts';

let env: TestEnv;
let sc: Scenario;
let city: string;

beforeAll(async () => {
  env = await createTestEnv();
  sc = await createScenario(env);
  city = sc.actors.city_admin.cookie;
});
afterAll(() => env.close());

const post = (url: string, payload: unknown, cookie = city) =>
  env.app.inject({ method: 'POST', url, headers: { cookie }, payload: payload as object });
const get = (url: string, cookie = city) =>
  env.app.inject({ method: 'GET', url, headers: { cookie } });

describe('rounds', () => {
  it('creates a draft with the default deadlines of S1 (30 April, 1 July) and the sh-2010 pack', async () => {
    const res = await post('/api/rounds', {
      name: '新一轮',
      periodStart: '2010-04-01',
      periodEnd: '2013-07-31',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().round).toMatchObject({
      state: 'draft',
      policyPackId: 'sh-2010',
      intentionDeadline: '2010-04-30',
      signingDeadline: '2010-07-01',
      termEnd: '2013-07-31',
      villageCap: 2,
      orgId: sc.shanghai.id,
    });
  });

  it.each([
    [{}, ['name', 'periodStart', 'periodEnd']],
    [{ name: 'x', periodStart: '2026-02-30', periodEnd: '2029-01-01' }, ['periodStart']],
    [{ name: 'x', periodStart: '2026-01-01', periodEnd: '2025-01-01' }, ['periodEnd']],
    [
      { name: 'x', periodStart: '2026-01-01', periodEnd: '2029-01-01', policyPackId: 'nope' },
      ['policyPackId'],
    ],
    [
      {
        name: 'x',
        periodStart: '2026-01-01',
        periodEnd: '2029-01-01',
        signingDeadline: '2026-03-01',
      },
      ['signingDeadline'],
    ],
    [
      { name: 'x', periodStart: '2026-01-01', periodEnd: '2029-01-01', villageCap: 0 },
      ['villageCap'],
    ],
    [
      { name: 'x', periodStart: '2026-01-01', periodEnd: '2029-01-01', previousRoundId: 999999 },
      ['previousRoundId'],
    ],
  ])('refuses bad input %j with 422 naming %j, and creates nothing', async (payload, fields) => {
    const before = (await get('/api/rounds')).json().items.length;
    const res = await post('/api/rounds', payload);
    expect(res.statusCode).toBe(422);
    expect(Object.keys(res.json().error.fields)).toEqual(expect.arrayContaining(fields));
    expect((await get('/api/rounds')).json().items.length).toBe(before);
  });

  it('lists rounds publicly once they leave the draft state, newest first', async () => {
    const draft = (
      await post('/api/rounds', {
        name: '草稿轮次',
        periodStart: '2011-01-01',
        periodEnd: '2013-12-31',
      })
    ).json().round;
    const openId = await openRound(env, city);
    const res = await env.app.inject({ method: 'GET', url: '/api/public/rounds' });
    expect(res.statusCode).toBe(200);
    const ids = (res.json().items as Array<{ id: number; state: string }>).map((r) => r.id);
    expect(ids).toContain(openId);
    expect(ids).not.toContain(draft.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    // Anonymous callers get the round's public fields: no internal scope path.
    const open = res.json().items.find((r: { id: number }) => r.id === openId);
    expect(open).not.toHaveProperty('scopePath');
    expect(Object.keys(open).sort()).toEqual(Object.keys(roundView.shape).sort());
    expect(new Date(open.createdAt).toISOString()).toBe(open.createdAt);
  });

  it('tells each caller what it may do with the round, by role and by phase', async () => {
    const id = await openRound(env, city);
    const abilitiesOf = async (cookie: string) =>
      (await get(`/api/rounds/${id}`, cookie)).json().round.abilities;
    expect(await abilitiesOf(city)).toEqual({
      manage: true,
      update: true,
      advance: true,
      setQuotas: true,
      readQuotas: true,
      readUncovered: true,
      editNeeds: true,
      editResources: true,
    });
    expect(await abilitiesOf(sc.actors.district_admin.cookie)).toMatchObject({
      manage: false,
      advance: false,
      setQuotas: false,
      readQuotas: true,
      readUncovered: true,
    });
    expect(await abilitiesOf(sc.actors.unit_admin.cookie)).toMatchObject({
      readQuotas: false,
      editNeeds: false,
      editResources: true,
    });
    const listed = (await get('/api/rounds')).json().items.find((r: { id: number }) => r.id === id);
    expect(listed.abilities).toEqual(await abilitiesOf(city));

    // Every later stage finds work unfinished (the city's uncovered villages, deadlines ahead).
    for (const to of ['balancing', 'signing', 'in_force', 'closed'] as const)
      expect(
        (await post(`/api/rounds/${id}/transitions`, { to, confirm: true, reason: '测试' }))
          .statusCode,
      ).toBe(200);
    expect(await abilitiesOf(city)).toEqual({
      manage: true,
      update: false,
      advance: false,
      setQuotas: false,
      readQuotas: true,
      readUncovered: true,
      editNeeds: false,
      editResources: false,
    });
  });

  it('rejects every illegal transition with 409 and leaves the state unchanged', async () => {
    const id = await openRound(env, city, {}, false);
    let state: RoundState = 'draft';
    for (;;) {
      for (const to of roundStates) {
        if (to === nextState(state)) continue;
        const res = await post(`/api/rounds/${id}/transitions`, { to });
        expect(res.statusCode, `${state} → ${to}`).toBe(409);
        expect(res.json().error.code).toBe('illegal_transition');
        expect(res.json().error.message).toMatch(/不能将结对轮次/);
        expect((await get(`/api/rounds/${id}`)).json().round.state).toBe(state);
      }
      const to = nextState(state);
      if (!to) break;
      const res = await post(`/api/rounds/${id}/transitions`, {
        to,
        confirm: true,
        reason: '测试',
      });
      expect(res.statusCode).toBe(200);
      state = to;
    }
    expect(state).toBe('closed');
    const audit = await env.dbh.query<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'round.transition' and entity_id = $1`,
      [String(id)],
    );
    expect(audit.rows[0].n).toBe(5);
  });

  it('refuses an unknown target state with 422', async () => {
    const id = await openRound(env, city, {}, false);
    const res = await post(`/api/rounds/${id}/transitions`, { to: 'finished' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toHaveProperty('to');
  });

  it('fixes the cap once intentions are open but still lets deadlines move', async () => {
    const id = await openRound(env, city);
    const patch = (payload: object) =>
      env.app.inject({
        method: 'PATCH',
        url: `/api/rounds/${id}`,
        headers: { cookie: city },
        payload,
      });
    expect((await patch({ villageCap: 5 })).statusCode).toBe(422);
    const moved = await patch({ intentionDeadline: '2026-05-10' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().round.intentionDeadline).toBe('2026-05-10');
  });
});

describe('quotas and the proposal letter', () => {
  it('sets a quota for a district, lists it for that district and downloads the .docx letter', async () => {
    const id = await openRound(env, city);
    const res = await env.app.inject({
      method: 'PUT',
      url: `/api/rounds/${id}/quotas`,
      headers: { cookie: city },
      payload: {
        orgId: sc.committee.id,
        towns: 1,
        villages: 12,
        weakVillages: 4,
        note: '请优先结对经济薄弱村',
      },
    });
    expect(res.statusCode).toBe(200);
    const quotaId = res.json().quota.id;
    const bad = await env.app.inject({
      method: 'PUT',
      url: `/api/rounds/${id}/quotas`,
      headers: { cookie: city },
      payload: { orgId: sc.committee.id, towns: -1, villages: 2, weakVillages: 4 },
    });
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().error.fields)).toEqual(
      expect.arrayContaining(['towns', 'weakVillages']),
    );
    const town = await env.app.inject({
      method: 'PUT',
      url: `/api/rounds/${id}/quotas`,
      headers: { cookie: city },
      payload: { orgId: sc.a.town.id, towns: 1, villages: 1, weakVillages: 0 },
    });
    expect(town.statusCode).toBe(404);

    const list = await get(`/api/rounds/${id}/quotas`);
    expect(list.json().items).toEqual([
      expect.objectContaining({
        orgName: '市级机关工委',
        villages: 12,
        progress: { towns: 0, villages: 0, weakVillages: 0 },
      }),
    ]);
    // 金山区's district admin sees no quota of the committee.
    expect(
      (await get(`/api/rounds/${id}/quotas`, sc.actors.district_admin.cookie)).json().items,
    ).toEqual([]);

    const letter = await get(`/api/rounds/${id}/quotas/${quotaId}/letter.docx`);
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toContain('wordprocessingml');
    const xml = await documentXml(letter.rawPayload);
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('市级机关工委：');
    expect(text).toContain('2026年4月30日前完成网上结对意向确认');
    expect(text).toContain('请优先结对经济薄弱村');
    expectOfficialLayout(xml);
    expect(
      (
        await get(
          `/api/rounds/${id}/quotas/${quotaId}/letter.docx`,
          sc.actors.district_admin.cookie,
        )
      ).statusCode,
    ).toBe(404);
  });
});

describe('needs, resources and the public directory', () => {
  it('publishes lists and filters the directory by district, weak, need, uncovered and name', async () => {
    const id = await openRound(env, city);
    const put = (url: string, items: unknown[], cookie: string) =>
      env.app.inject({ method: 'PUT', url, headers: { cookie }, payload: { items } });
    const needs = await put(
      `/api/rounds/${id}/orgs/${sc.a.village.id}/needs`,
      [{ category: '产业发展', note: '稻米合作社冷库', amount: 300000 }, { category: '教育培训' }],
      sc.actors.village_admin.cookie,
    );
    expect(needs.statusCode).toBe(200);
    const badNeed = await put(
      `/api/rounds/${id}/orgs/${sc.a.village.id}/needs`,
      [{ category: '旅游', amount: -1 }],
      sc.actors.village_admin.cookie,
    );
    expect(badNeed.statusCode).toBe(422);
    expect(Object.keys(badNeed.json().error.fields)).toEqual(
      expect.arrayContaining(['items.0.category', 'items.0.amount']),
    );
    // Another village's admin cannot write 民主村's list.
    expect(
      (
        await put(
          `/api/rounds/${id}/orgs/${sc.b.village.id}/needs`,
          [],
          sc.actors.village_admin.cookie,
        )
      ).statusCode,
    ).toBe(404);
    const res = await put(
      `/api/rounds/${id}/orgs/${sc.a.unit.id}/resources`,
      [{ category: '技术', note: '农技专家' }],
      sc.actors.unit_admin.cookie,
    );
    expect(res.statusCode).toBe(200);
    expect(
      (
        await get(
          `/api/rounds/${id}/orgs/${sc.a.unit.id}/resources`,
          sc.actors.village_admin.cookie,
        )
      ).json().items,
    ).toEqual([expect.objectContaining({ category: '技术', note: '农技专家' })]);

    const dir = async (query: string) => {
      const r = await env.app.inject({
        method: 'GET',
        url: `/api/public/rounds/${id}/directory?${query}`,
      });
      expect(r.statusCode).toBe(200);
      return (r.json().items as Array<{ id: number; name: string }>).map((i) =>
        i.id === sc.a.village.id ? 'A' : i.id === sc.b.village.id ? 'B' : i.name,
      );
    };
    await env.dbh.query('update orgs set weak_village = (id = $1) where id in ($1, $2)', [
      sc.a.village.id,
      sc.b.village.id,
    ]);
    // Real divisions repeat village names across districts, so each check pins the district.
    const q = (name: string) => `q=${encodeURIComponent(name)}`;
    const inA = `district=${sc.a.district.id}`;
    expect(await dir(`${inA}&${q('民主村')}`)).toEqual(['A']);
    expect(await dir(`${inA}&${q('周荡村')}`)).toEqual([]);
    expect(await dir(`district=${sc.b.district.id}&${q('周荡村')}`)).toEqual(['B']);
    expect(await dir(`${inA}&weak=true&${q('民主村')}`)).toEqual(['A']);
    expect(await dir(`${inA}&weak=false&${q('民主村')}`)).toEqual([]);
    expect(await dir(`need=${encodeURIComponent('产业发展')}`)).toEqual(['A']);
    expect(await dir(`${inA}&uncovered=true&${q('民主村')}`)).toEqual(['A']);
    const bad = await env.app.inject({
      method: 'GET',
      url: `/api/public/rounds/${id}/directory?weak=maybe&page=0`,
    });
    expect(bad.statusCode).toBe(422);
    const draft = await openRound(env, city, {}, false);
    expect(
      (await env.app.inject({ method: 'GET', url: `/api/public/rounds/${draft}/directory` }))
        .statusCode,
    ).toBe(404);
  });
});

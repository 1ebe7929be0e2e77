import type { Role } from '@pairing/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createUser, login } from '../../../test/fixtures.ts';
import { insertOrg } from './tree.ts';

let env: TestEnv;
const ids: Record<string, number> = {};
const cookies: Record<string, string> = {};

const byCode = async (code: string) =>
  Number(
    (await env.dbh.query<{ id: number }>(`select id from orgs where code = $1`, [code])).rows[0].id,
  );
const count = async (table: string) =>
  Number((await env.dbh.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0].n);

async function seat(name: string, role: Role, orgId: number) {
  await createUser(env, { username: `o.${name}`, role, orgId });
  cookies[name] = await login(env, `o.${name}`);
}

const call = (
  method: 'GET' | 'PATCH' | 'POST' | 'PUT',
  url: string,
  who?: string,
  payload?: object,
) => env.app.inject({ method, url, payload, headers: who ? { cookie: cookies[who] } : {} });

beforeAll(async () => {
  env = await createTestEnv();
  ids.city = await byCode('310100000000');
  ids.jinshan = await byCode('310116000000');
  ids.qingpu = await byCode('310118000000');
  ids.huangpu = await byCode('310101000000');
  ids.zhujing = await byCode('310116101000');
  ids.minzhu = await byCode('310116101203');
  const committee = await insertOrg(env.dbh.db, {
    kind: 'working_committee',
    name: '市级机关工委',
    parentId: ids.city,
  });
  ids.committee = committee.id;
  const unit = await insertOrg(env.dbh.db, {
    kind: 'urban_unit',
    name: '市农业农村委员会',
    parentId: committee.id,
    unitType: '机关',
    capacity: 2,
    yearlyBudget: 100_000,
    resourceTags: ['政策'],
    addressDistrictId: ids.huangpu,
    contactName: '王建国',
    contactPhone: '13812345678',
  });
  ids.unit = unit.id;
  await seat('city', 'city_admin', ids.city);
  await seat('jinshan', 'district_admin', ids.jinshan);
  await seat('town', 'town_admin', ids.zhujing);
  await seat('committee', 'district_admin', ids.committee);
  await seat('unit', 'unit_admin', ids.unit);
  await seat('inspector', 'inspector', ids.jinshan);
});
afterAll(() => env.close());

describe('GET /api/orgs', () => {
  it('lists only inside the scope, with district and town names', async () => {
    const res = await call('GET', '/api/orgs?kind=village&pageSize=5', 'jinshan');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(
      Number(
        (
          await env.dbh.query<{ n: number }>(
            `select count(*)::int as n from orgs where kind = 'village' and code like '310116%'`,
          )
        ).rows[0].n,
      ),
    );
    expect(body.items).toHaveLength(5);
    for (const item of body.items) {
      expect(item.districtName).toBe('金山区');
      expect(item.townName).toBeTruthy();
      expect(item.code.startsWith('310116')).toBe(true);
    }
  });

  it('searches by name and by code prefix, filters by weak and town', async () => {
    const byName = await call('GET', '/api/orgs?q=民主村', 'jinshan');
    expect(byName.json().items.map((i: { id: number }) => i.id)).toContain(ids.minzhu);
    const byCodePrefix = await call('GET', '/api/orgs?q=310116101203', 'city');
    expect(byCodePrefix.json().items).toEqual([
      expect.objectContaining({ id: ids.minzhu, kind: 'village', covered: false }),
    ]);
    const inTown = await call('GET', `/api/orgs?townId=${ids.zhujing}&kind=village`, 'city');
    expect(inTown.json().items.every((i: { townName: string }) => i.townName === '朱泾镇')).toBe(
      true,
    );
    expect((await call('GET', '/api/orgs?q=%25', 'city')).json().total).toBe(0);
  });

  it('lists districts with their class (S1 §2–3)', async () => {
    const res = await call('GET', '/api/orgs?kind=district&pageSize=100', 'city');
    const classOf = Object.fromEntries(
      res
        .json()
        .items.map((d: { name: string; districtClass: string }) => [d.name, d.districtClass]),
    );
    expect(classOf).toMatchObject({
      黄浦区: 'central',
      浦东新区: 'near_suburban',
      金山区: 'outer_suburban',
    });
    expect(Object.keys(classOf)).toHaveLength(16);
  });

  it('masks contact phones in the list', async () => {
    const res = await call('GET', `/api/orgs?kind=urban_unit`, 'city');
    const unit = res.json().items.find((i: { id: number }) => i.id === ids.unit);
    expect(unit).toMatchObject({
      contactPhone: '138****5678',
      districtName: '黄浦区',
      unitType: '机关',
    });
  });

  it('searches anywhere below a tree node with `under`, where `parentId` sees its children only', async () => {
    const q = encodeURIComponent('民主村');
    const names = async (url: string) =>
      (await call('GET', url, 'jinshan')).json().items.map((i: { id: number }) => i.id);
    expect(await names(`/api/orgs?q=${q}&parentId=${ids.jinshan}`)).toEqual([]);
    expect(await names(`/api/orgs?q=${q}&under=${ids.jinshan}`)).toEqual([ids.minzhu]);
    expect(await names(`/api/orgs?under=${ids.minzhu}`)).toEqual([]);
    expect((await call('GET', `/api/orgs?under=${ids.qingpu}`, 'jinshan')).statusCode).toBe(404);
  });

  it('answers 404 for a district filter outside the scope, 401 without a session, 422 on bad input', async () => {
    expect((await call('GET', `/api/orgs?districtId=${ids.qingpu}`, 'jinshan')).statusCode).toBe(
      404,
    );
    expect((await call('GET', '/api/orgs')).statusCode).toBe(401);
    const bad = await call('GET', '/api/orgs?weak=maybe&pageSize=1000', 'city');
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['pageSize', 'weak']);
  });
});

describe('GET /api/orgs/tree and /api/orgs/:id', () => {
  it('starts at the caller’s own org and loads children lazily', async () => {
    const root = (await call('GET', '/api/orgs/tree', 'jinshan')).json().items;
    expect(root).toEqual([expect.objectContaining({ id: ids.jinshan, hasChildren: true })]);
    const towns = (await call('GET', `/api/orgs/tree?parentId=${ids.jinshan}`, 'jinshan')).json()
      .items;
    expect(towns.find((t: { id: number }) => t.id === ids.zhujing)).toMatchObject({
      kind: 'town',
      hasChildren: true,
    });
    expect((await call('GET', `/api/orgs/tree?parentId=${ids.qingpu}`, 'jinshan')).statusCode).toBe(
      404,
    );
  });

  it('shows ancestors and child counts; full phone only to admins of the scope', async () => {
    const detail = (await call('GET', `/api/orgs/${ids.zhujing}`, 'jinshan')).json().org;
    expect(detail.ancestors.map((a: { name: string }) => a.name)).toEqual([
      '上海市',
      '上海市',
      '金山区',
    ]);
    expect(detail.childCounts.village).toBeGreaterThan(0);
    expect((await call('GET', `/api/orgs/${ids.unit}`, 'city')).json().org.contactPhone).toBe(
      '13812345678',
    );
    expect((await call('GET', `/api/orgs/${ids.unit}`, 'unit')).json().org.contactPhone).toBe(
      '13812345678',
    );
    expect((await call('GET', `/api/orgs/${ids.minzhu}`, 'committee')).statusCode).toBe(404);
  });

  it('says what the caller may do with the org', async () => {
    const abilities = async (id: number, who: string) =>
      (await call('GET', `/api/orgs/${id}`, who)).json().org.abilities;
    expect(await abilities(ids.minzhu, 'jinshan')).toEqual({ update: true, createUnit: false });
    expect(await abilities(ids.zhujing, 'jinshan')).toEqual({ update: false, createUnit: false });
    expect(await abilities(ids.committee, 'city')).toEqual({ update: false, createUnit: true });
    expect(await abilities(ids.unit, 'city')).toEqual({ update: true, createUnit: false });
    expect(await abilities(ids.unit, 'unit')).toEqual({ update: false, createUnit: false });
  });
});

describe('PATCH /api/orgs/:id and POST /api/orgs/units', () => {
  it('marks a weak village, audited; refuses unit fields on a village', async () => {
    const audits = await count('audit_log');
    const res = await call('PATCH', `/api/orgs/${ids.minzhu}`, 'town', { weakVillage: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().org.weakVillage).toBe(true);
    expect(await count('audit_log')).toBe(audits + 1);
    const weak = await call('GET', '/api/orgs?weak=true', 'town');
    expect(weak.json().items.map((i: { id: number }) => i.id)).toEqual([ids.minzhu]);

    const bad = await call('PATCH', `/api/orgs/${ids.minzhu}`, 'town', { capacity: 3 });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields).toHaveProperty('capacity');
    expect(await count('audit_log')).toBe(audits + 1);
  });

  it('lets only admins write, and only inside their scope', async () => {
    expect(
      (await call('PATCH', `/api/orgs/${ids.minzhu}`, 'inspector', { weakVillage: false }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call('PATCH', `/api/orgs/${ids.minzhu}`, 'committee', { weakVillage: false }))
        .statusCode,
    ).toBe(404);
  });

  it('creates a unit under a committee, rejects a duplicate name and an outer-suburban parent', async () => {
    const unit = {
      name: '市档案局',
      unitType: '机关',
      capacity: 1,
      yearlyBudget: 50_000,
      resourceTags: ['信息', '人才'],
      addressDistrictId: ids.huangpu,
      contactName: '赵敏',
      contactPhone: '021-63215678',
      parentId: ids.committee,
    };
    const orgsBefore = await count('orgs');
    const created = await call('POST', '/api/orgs/units', 'committee', unit);
    expect(created.statusCode).toBe(201);
    expect(created.json().org).toMatchObject({ kind: 'urban_unit', contactPhone: '021-63215678' });
    const again = await call('POST', '/api/orgs/units', 'committee', unit);
    expect(again.statusCode).toBe(409);
    const outer = await call('POST', '/api/orgs/units', 'jinshan', {
      ...unit,
      parentId: ids.jinshan,
    });
    expect(outer.statusCode).toBe(422);
    const badPhone = await call('POST', '/api/orgs/units', 'city', {
      ...unit,
      name: '别的单位',
      contactPhone: '12345',
      resourceTags: ['魔法'],
    });
    expect(badPhone.statusCode).toBe(422);
    expect(Object.keys(badPhone.json().error.fields).sort()).toEqual([
      'contactPhone',
      'resourceTags.0',
    ]);
    expect(await count('orgs')).toBe(orgsBefore + 1);
  });
});

describe('district pairs', () => {
  it('city admin replaces the table; others may read but not write', async () => {
    const pairs = [{ urbanDistrictId: ids.huangpu, ruralDistrictId: ids.jinshan }];
    const put = await call('PUT', '/api/district-pairs', 'city', { pairs });
    expect(put.statusCode).toBe(200);
    expect(put.json().items).toEqual([
      expect.objectContaining({
        urbanDistrictName: '黄浦区',
        urbanDistrictClass: 'central',
        ruralDistrictName: '金山区',
        ruralDistrictClass: 'outer_suburban',
      }),
    ]);
    // A town admin sees its district's partner, outside its scope, with its class.
    expect((await call('GET', '/api/district-pairs', 'town')).json().items).toEqual([
      expect.objectContaining({ urbanDistrictId: ids.huangpu, urbanDistrictClass: 'central' }),
    ]);
    expect((await call('PUT', '/api/district-pairs', 'jinshan', { pairs })).statusCode).toBe(403);
    const wrongWay = await call('PUT', '/api/district-pairs', 'city', {
      pairs: [{ urbanDistrictId: ids.jinshan, ruralDistrictId: ids.huangpu }],
    });
    expect(wrongWay.statusCode).toBe(422);
    expect((await call('GET', '/api/district-pairs', 'city')).json().items).toHaveLength(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario, type ScenarioUser } from '../../../test/scenario.ts';

let env: TestEnv;
let s: Scenario;

// Records at fixed times (China time) in three places: 金山 village, 青浦 village, 嘉兴.
const insertRecord = (at: string, action: string, scopePath: string, actor = 'fixture') =>
  env.dbh.query(
    `insert into audit_log (at, actor_id, actor_name, action, entity, entity_id, scope_path, after, ip)
     values ($1, null, $2, $3, 'org', '1', $4, '{"weakVillage":true}', '10.0.0.1')`,
    [at, actor, action, scopePath],
  );

beforeAll(async () => {
  env = await createTestEnv();
  s = await createScenario(env);
  await insertRecord('2026-01-31T23:59:59+08:00', 'org.updated', s.a.village.path);
  await insertRecord('2026-02-01T00:00:00+08:00', 'org.updated', s.a.village.path);
  await insertRecord('2026-02-28T23:59:59+08:00', 'org.updated', s.a.village.path);
  await insertRecord('2026-03-01T00:00:00+08:00', 'org.updated', s.a.village.path);
  await insertRecord('2026-02-10T12:00:00+08:00', 'org.updated', s.b.village.path);
  await insertRecord('2026-02-11T12:00:00+08:00', 'org.updated', s.b.city.path);
});
afterAll(() => env.close());

type Item = { id: number; at: string; action: string; actorName: string | null };
const browse = async (user: ScenarioUser, query = '') => {
  const res = await env.app.inject({
    method: 'GET',
    url: `/api/audit?pageSize=100&${query}`,
    headers: { cookie: user.cookie },
  });
  return { status: res.statusCode, body: res.json() as { items: Item[]; total: number } };
};

describe('audit log is append-only (database trigger)', () => {
  const total = async () =>
    Number((await env.dbh.query<{ n: string }>('select count(*) as n from audit_log')).rows[0].n);

  it('rejects UPDATE, DELETE and TRUNCATE', async () => {
    const before = await total();
    expect(before).toBeGreaterThan(0);
    await expect(env.dbh.query(`update audit_log set action = 'forged'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(env.dbh.query('delete from audit_log')).rejects.toThrow(/append-only/);
    await expect(env.dbh.query('truncate audit_log')).rejects.toThrow(/append-only/);
    expect(await total()).toBe(before);
    const forged = await env.dbh.query(`select 1 from audit_log where action = 'forged'`);
    expect(forged.rows).toHaveLength(0);
  });
});

describe('browsing the audit log', () => {
  it('shows each role only the records inside its scope, newest first', async () => {
    const district = await browse(s.a.users.district_admin, 'action=org.updated');
    expect(district.status).toBe(200);
    expect(district.body.items.map((i) => i.at)).toEqual([
      '2026-02-28T16:00:00.000Z',
      '2026-02-28T15:59:59.000Z',
      '2026-01-31T16:00:00.000Z',
      '2026-01-31T15:59:59.000Z',
    ]);
    const city = await browse(s.a.users.city_admin, 'action=org.updated');
    expect(city.body.total).toBe(5);
    const jiaxing = await browse(s.b.users.city_admin, 'action=org.updated');
    expect(jiaxing.body.total).toBe(1);
    const otherDistrict = await browse(s.b.users.district_admin, 'action=org.updated');
    expect(otherDistrict.body.total).toBe(1);
  });

  it('records who did a write, from where, with before and after', async () => {
    const target = s.a.users.village_admin;
    await env.app.inject({
      method: 'PATCH',
      url: `/api/users/${target.id}`,
      headers: { cookie: s.a.users.town_admin.cookie },
      payload: { displayName: '王芳' },
    });
    // An account change is of the security trail (三员分立): the audit admin's, not the business log.
    const business = await browse(s.a.users.city_admin, `entity=user&entityId=${target.id}`);
    expect(business.body.total).toBe(0);
    const trail = async (query: string) =>
      (
        await env.app.inject({
          method: 'GET',
          url: `/api/security/trail?${query}`,
          headers: { cookie: s.actors.audit_admin.cookie },
        })
      ).json();
    const byName = await trail(`kind=user.updated&actor=${s.a.users.town_admin.username}`);
    expect(byName.items).toHaveLength(1);
    expect(byName.items[0]).toMatchObject({
      actorId: s.a.users.town_admin.id,
      actorName: s.a.users.town_admin.username,
      kind: 'user.updated',
      entity: 'user',
      entityId: String(target.id),
      before: { displayName: target.username },
      after: { displayName: '王芳' },
      ip: '127.0.0.1',
    });
    const byId = await trail(`kind=user.updated&actor=${s.a.users.town_admin.id}`);
    expect(byId.items).toEqual(byName.items);
  });

  it('masks phones for a reader who sees them masked elsewhere (issue 16 item 4)', async () => {
    await env.dbh.query(
      `insert into audit_log (at, actor_id, actor_name, action, entity, entity_id, scope_path, before, after, ip)
       values (now(), null, 'probe', 'org.update_unit', 'org', '2', $1,
         '{"contactPhone":"13912345678"}', '{"contactPhone":"13800001111","rows":[{"phone":"13700002222"}]}', '10.0.0.1')`,
      [s.a.village.path],
    );
    type Changed = Item & { before: unknown; after: unknown };
    const record = async (user: ScenarioUser) =>
      ((await browse(user, 'action=org.update_unit')).body.items as Changed[])[0]!;
    expect((await record(s.a.users.inspector)).after).toEqual({
      contactPhone: '138****1111',
      rows: [{ phone: '137****2222' }],
    });
    expect((await record(s.a.users.town_admin)).before).toEqual({ contactPhone: '139****5678' });
    // The directory's import roles export these numbers in full, so they read them in full.
    expect((await record(s.a.users.city_admin)).after).toMatchObject({
      contactPhone: '13800001111',
    });
  });

  it('filters by date: a date means the whole day in China time, both ends included', async () => {
    const feb = await browse(
      s.a.users.district_admin,
      'action=org.updated&from=2026-02-01&to=2026-02-28',
    );
    expect(feb.body.items.map((i) => i.at)).toEqual([
      '2026-02-28T15:59:59.000Z',
      '2026-01-31T16:00:00.000Z',
    ]);
    const instant = await browse(
      s.a.users.district_admin,
      `action=org.updated&from=${encodeURIComponent('2026-03-01T00:00:00+08:00')}`,
    );
    expect(instant.body.total).toBe(1);
  });

  it('pages through the records', async () => {
    const all = await browse(s.a.users.city_admin);
    const first = await env.app.inject({
      method: 'GET',
      url: '/api/audit?page=2&pageSize=2',
      headers: { cookie: s.a.users.city_admin.cookie },
    });
    expect(first.json()).toMatchObject({ page: 2, pageSize: 2, total: all.body.total });
    expect(first.json().items.map((i: Item) => i.id)).toEqual(
      all.body.items.slice(2, 4).map((i) => i.id),
    );
  });

  it('rejects bad dates and parameters with 422 naming the field', async () => {
    const bad: Array<[string, string]> = [
      ['from=2026-02-30', 'from'],
      ['from=yesterday', 'from'],
      ['to=2026-13-01', 'to'],
      ['to=2026-03-01T09:00:00', 'to'],
      ['from=2026-03-02&to=2026-03-01', 'to'],
      ['page=0', 'page'],
      ['pageSize=1000', 'pageSize'],
      [`action=${'x'.repeat(65)}`, 'action'],
    ];
    for (const [query, field] of bad) {
      const res = await env.app.inject({
        method: 'GET',
        url: `/api/audit?${query}`,
        headers: { cookie: s.a.users.city_admin.cookie },
      });
      expect(res.statusCode, query).toBe(422);
      expect(res.json().error.fields[field], query).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

import { afterAll, beforeAll, describe, it } from 'vitest';
import { checkAuthz, only, type AuthzRoute, type Caller } from '../../../test/authz.ts';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';

let env: TestEnv;
let s: Scenario;

beforeAll(async () => {
  env = await createTestEnv();
  s = await createScenario(env);
});
afterAll(() => env.close());

// Actors sit on side A: city_admin 上海市, district_admin and inspector 金山区, town_admin 朱泾镇,
// village_admin 民主村, unit_admin and member the unit under 市级机关工委. Side B's 青浦区 lies
// inside 上海市 but outside 金山区; 嘉兴市 lies outside everything. The system administrator (上海市)
// reads the tree to place accounts; the other platform administrators do not read it.
const jinshanReaders = {
  city_admin: 200,
  district_admin: 200,
  town_admin: 200,
  village_admin: 200,
  inspector: 200,
  system_admin: 200,
} as const;
const everyReader = only({}, 200);
everyReader.security_admin = 403;
everyReader.audit_admin = 403;
const writers = { city_admin: 200, district_admin: 200, town_admin: 200 } as const;

const unit = (parentId: number, tag: string) => (caller: Caller) => ({
  parentId,
  name: `授权测试单位-${tag}-${caller}`,
  unitType: '机关',
  capacity: 1,
  yearlyBudget: 20_000,
  resourceTags: ['政策'],
  addressDistrictId: s.central.id,
  contactName: '测试',
  contactPhone: '13800001234',
});

function routes(): AuthzRoute[] {
  return [
    { method: 'GET', url: '/api/orgs', expect: everyReader },
    { method: 'GET', url: '/api/orgs?kind=village&weak=true&q=村', expect: everyReader },
    { method: 'GET', url: '/api/orgs/tree', expect: everyReader },
    {
      name: 'GET tree under 朱泾镇',
      method: 'GET',
      url: `/api/orgs/tree?parentId=${s.a.town.id}`,
      expect: only({ ...jinshanReaders, village_admin: 404 }, 404),
    },
    {
      name: 'GET 民主村 (inside 金山区)',
      method: 'GET',
      url: `/api/orgs/${s.a.village.id}`,
      expect: only(jinshanReaders, 404),
    },
    {
      name: 'GET 周荡村 (outside 金山区)',
      method: 'GET',
      url: `/api/orgs/${s.b.village.id}`,
      expect: only({ city_admin: 200, system_admin: 200 }, 404),
    },
    {
      name: 'GET 嘉兴市 (outside 上海市)',
      method: 'GET',
      url: `/api/orgs/${s.b.city.id}`,
      expect: only({ system_admin: 404 }, 404),
    },
    {
      name: 'GET list filtered by 青浦区',
      method: 'GET',
      url: `/api/orgs?districtId=${s.b.district.id}`,
      expect: only({ city_admin: 200, system_admin: 200 }, 404),
    },
    {
      name: 'PATCH 民主村 weak (inside)',
      method: 'PATCH',
      url: `/api/orgs/${s.a.village.id}`,
      body: { weakVillage: true },
      expect: only(writers),
    },
    {
      name: 'PATCH 周荡村 weak (outside 金山区)',
      method: 'PATCH',
      url: `/api/orgs/${s.b.village.id}`,
      body: { weakVillage: true },
      expect: only({ city_admin: 200, district_admin: 404, town_admin: 404 }),
    },
    {
      name: 'POST a unit under 市级机关工委',
      method: 'POST',
      url: '/api/orgs/units',
      body: unit(s.committee.id, 'wc'),
      expect: only({ city_admin: 201, district_admin: 404, town_admin: 404 }),
    },
    {
      name: 'POST a unit under 嘉兴市',
      method: 'POST',
      url: '/api/orgs/units',
      body: unit(s.b.city.id, 'jx'),
      expect: only({ city_admin: 404, district_admin: 404, town_admin: 404 }),
    },
    { method: 'GET', url: '/api/district-pairs', expect: everyReader },
    {
      method: 'PUT',
      url: '/api/district-pairs',
      body: { pairs: [] },
      expect: only({ city_admin: 200 }),
    },
  ];
}

describe('directory authorization matrix', () => {
  it('answers every role as the policy says', async () => {
    await checkAuthz(env, s, routes());
  });
});

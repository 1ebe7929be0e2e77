// Authorization matrix of every people route (issue 14 items 1 and 6): side A's user of each role
// on people of side A's village and unit, of side B's village (out of scope but for the city),
// and on a member homed on side B who also reports to side A's village (dual registration, S3:
// seen there, edited only at home). Writes give each caller its own ID number and key.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { checkAuthz, only, type Caller } from '../../../test/authz.ts';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { fakeIdNumber, insertPerson } from './test-support.ts';

let env: TestEnv;
let s: Scenario;
let village: number;
let unit: number;
let outside: number;
let dual: number;
const villageId = fakeIdNumber(501);

beforeAll(async () => {
  env = await createTestEnv();
  s = await createScenario(env, 'pauth');
  village = await insertPerson(env, { orgId: s.a.village.id, idNumber: villageId });
  unit = await insertPerson(env, { orgId: s.a.unit.id, tags: ['inServiceCadre'] });
  outside = await insertPerson(env, { orgId: s.b.village.id });
  dual = await insertPerson(env, { orgId: s.b.village.id, secondOrgId: s.a.village.id });
});
afterAll(() => env.close());

let serial = 600;
const input = (idNumber = fakeIdNumber((serial += 1))) => ({
  kind: 'resident',
  name: '测试居民',
  gender: 'female',
  idNumber,
  phone: '13700001111',
  tags: ['poorResident'],
});
const keyed = (route: string) => (caller: Caller) => ({
  'idempotency-key': `pauth-${route}-${caller}`,
});

/** Who sees side A's village: the admins above it, the village itself and the inspector. */
const villageReaders = {
  city_admin: 200,
  district_admin: 200,
  town_admin: 200,
  village_admin: 200,
  inspector: 200,
  unit_admin: 404,
} as const;
/** Every role that reads, answered 404: the person is out of its sight. */
const nobody = {
  city_admin: 404,
  district_admin: 404,
  town_admin: 404,
  unit_admin: 404,
  village_admin: 404,
  inspector: 404,
} as const;
const villageWriters = { ...villageReaders, inspector: 403 } as const;

describe('people authorization matrix', () => {
  it('reads: in scope 200, out of scope 404, members 403, anonymous 401', async () => {
    await checkAuthz(env, s, [
      {
        method: 'GET',
        url: '/api/people',
        expect: only({
          city_admin: 200,
          district_admin: 200,
          town_admin: 200,
          unit_admin: 200,
          village_admin: 200,
          inspector: 200,
        }),
      },
      { method: 'GET', url: `/api/people/${village}`, expect: only(villageReaders) },
      {
        name: 'dual registration',
        method: 'GET',
        url: `/api/people/${dual}`,
        expect: only(villageReaders),
      },
      {
        name: "a unit's cadre",
        method: 'GET',
        url: `/api/people/${unit}`,
        expect: only({ ...nobody, city_admin: 200, unit_admin: 200 }),
      },
      {
        name: 'side B',
        method: 'GET',
        url: `/api/people/${outside}`,
        expect: only({ ...nobody, city_admin: 200 }),
      },
    ]);
  });

  it('writes: the home side writes, the second organization sees but does not edit', async () => {
    const fixed = { ...input(villageId), name: '改名后' };
    await checkAuthz(env, s, [
      {
        method: 'POST',
        url: `/api/orgs/${s.a.village.id}/people`,
        body: () => input(),
        headers: keyed('village'),
        expect: only({
          ...villageWriters,
          city_admin: 201,
          district_admin: 201,
          town_admin: 201,
          village_admin: 201,
        }),
      },
      {
        method: 'POST',
        url: `/api/orgs/${s.a.unit.id}/people`,
        body: () => input(),
        headers: keyed('unit'),
        expect: only({
          city_admin: 201,
          unit_admin: 201,
          district_admin: 404,
          town_admin: 404,
          village_admin: 404,
        }),
      },
      {
        method: 'PUT',
        url: `/api/people/${village}`,
        body: fixed,
        expect: only(villageWriters),
      },
      {
        name: 'update dual registration',
        method: 'PUT',
        url: `/api/people/${dual}`,
        body: { ...input(), secondOrgId: s.a.village.id },
        expect: only({
          city_admin: 200,
          district_admin: 403,
          town_admin: 403,
          village_admin: 403,
          unit_admin: 404,
        }),
      },
      {
        method: 'POST',
        url: `/api/people/${village}/reveal`,
        body: { reason: '入户走访需要联系' },
        expect: only(villageWriters),
      },
      {
        method: 'POST',
        url: `/api/people/${outside}/reveal`,
        body: { reason: '入户走访需要联系' },
        expect: only({
          city_admin: 200,
          district_admin: 404,
          town_admin: 404,
          village_admin: 404,
          unit_admin: 404,
        }),
      },
      {
        method: 'PUT',
        url: `/api/people/${village}/account`,
        body: { userId: null },
        expect: only(villageWriters),
      },
    ]);
  });
});

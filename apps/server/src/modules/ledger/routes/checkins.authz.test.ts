import { afterAll, beforeAll, describe, it } from 'vitest';
import { checkAuthz, only, type Expectation } from '../../../../test/authz.ts';
import { createTestEnv, type TestEnv } from '../../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../../test/scenario.ts';
import { addRecord } from '../checkin/test-support.ts';
import { rosterOf, signedPairing } from '../test-support.ts';

let env: TestEnv;
let s: Scenario;
let urbanRecord: number;
let ruralRecord: number;
let outsideRecord: number;
let publicToken: string;
let rosterId: number;

const today = '2026-03-10';

beforeAll(async () => {
  env = await createTestEnv();
  env.clock.set(`${today}T10:00:00+08:00`);
  s = await createScenario(env, 'ckz');
  // Side A's pair: 上海市农业农村委员会 (市级机关工委) ↔ 民主村 (朱泾镇, 金山区).
  const pairing = (await signedPairing(env, s)).id;
  [rosterId] = await rosterOf(env, pairing, [{ name: '张三', post: '主任', role: 'principal' }]);
  const record = (side: 'urban' | 'rural', pairingId = pairing) =>
    addRecord(env, pairingId, {
      side,
      enteredBy: s.a.users[side === 'urban' ? 'unit_admin' : 'village_admin'].id,
      date: today,
    });
  urbanRecord = await record('urban');
  ruralRecord = await record('rural');
  // Side B's pair: inside only the city admin's scope among side A's users.
  const outside = (await signedPairing(env, s, { side: 'b' })).id;
  outsideRecord = await record('urban', outside);

  const publicRecord = await record('urban');
  const res = await env.app.inject({
    method: 'POST',
    url: `/api/records/${publicRecord}/checkin-code`,
    headers: { cookie: s.a.users.unit_admin.cookie },
  });
  publicToken = res.json().token;
});
afterAll(() => env.close());

// Side A sits: city_admin 上海市, district_admin and inspector 金山区 (the village's district, not
// the unit's committee, so no party), town_admin 朱泾镇 and village_admin 民主村 (the rural side),
// unit_admin and member the unit (the urban side).
const readers = only({
  city_admin: 200,
  district_admin: 200,
  town_admin: 200,
  unit_admin: 200,
  village_admin: 200,
  inspector: 200,
});
const outOfScope = only(
  { city_admin: 403, district_admin: 404, town_admin: 404, unit_admin: 404, village_admin: 404 },
  404,
);
/** The public routes answer everyone alike, signed in or not. */
const anyone: Expectation = { ...only({}, 200), anonymous: 200 };

describe('check-in authorization', () => {
  it('lets only the side that entered a record open its code, and its readers list check-ins', async () => {
    await checkAuthz(env, s, [
      {
        name: 'open code, urban record',
        method: 'POST',
        url: `/api/records/${urbanRecord}/checkin-code`,
        expect: only({ unit_admin: 201 }),
      },
      {
        name: 'open code, rural record',
        method: 'POST',
        url: `/api/records/${ruralRecord}/checkin-code`,
        expect: only({ town_admin: 201, village_admin: 201 }),
      },
      {
        name: 'open code, out of scope',
        method: 'POST',
        url: `/api/records/${outsideRecord}/checkin-code`,
        expect: outOfScope,
      },
      {
        name: 'open code, no such record',
        method: 'POST',
        url: '/api/records/999999999/checkin-code',
        // Looked up before any role is asked: a missing record is 404 to everyone.
        expect: only({ system_admin: 404, security_admin: 404, audit_admin: 404 }, 404),
      },
      {
        name: 'list check-ins',
        method: 'GET',
        url: `/api/records/${urbanRecord}/checkins`,
        expect: readers,
      },
      {
        name: 'list check-ins, out of scope',
        method: 'GET',
        url: `/api/records/${outsideRecord}/checkins`,
        expect: only({ city_admin: 200 }, 404),
      },
      {
        name: 'public view',
        method: 'GET',
        url: `/api/public/checkins/${publicToken}`,
        expect: anyone,
      },
      {
        name: 'public check-in',
        method: 'POST',
        url: `/api/public/checkins/${publicToken}`,
        body: { rosterId },
        expect: anyone,
      },
    ]);
  });
});

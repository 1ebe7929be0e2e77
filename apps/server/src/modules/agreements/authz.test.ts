import type { AgreementContent } from '@pairing/shared';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { checkAuthz, everyone, only, type AuthzRoute } from '../../../test/authz.ts';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { openPair, signable } from './test-support.ts';

let env: TestEnv;
let s: Scenario;

beforeAll(async () => {
  env = await createTestEnv();
  env.clock.set('2010-06-15T10:00:00+08:00');
  s = await createScenario(env, 'agz');
});
afterAll(() => env.close());

/** Side A's pair: 上海市农业农村委员会 (市级机关工委) ↔ 民主村 (朱泾镇, 金山区). */
async function pair(prepared = false) {
  const { agreementId } = await openPair(env, {
    city: s.shanghai,
    urban: s.a.unit,
    rural: s.a.village,
  });
  if (!prepared) return { id: agreementId, version: 1 };
  const cookie = s.a.users.unit_admin.cookie;
  const a = await env.app.inject({
    method: 'GET',
    url: `/api/agreements/${agreementId}`,
    headers: { cookie },
  });
  const content = signable(a.json().content as AgreementContent);
  await env.app.inject({
    method: 'PUT',
    url: `/api/agreements/${agreementId}`,
    headers: { cookie },
    payload: { version: 1, content },
  });
  return { id: agreementId, version: 2, content };
}

async function signed() {
  const p = await pair(true);
  for (const user of [s.a.users.unit_admin, s.a.users.village_admin]) {
    await env.app.inject({
      method: 'POST',
      url: `/api/agreements/${p.id}/sign`,
      headers: { cookie: user.cookie },
      payload: { version: p.version },
    });
  }
  return p;
}

// Side A sits: city_admin 上海市, district_admin and inspector 金山区 (the village's district, not
// the unit's committee), town_admin 朱泾镇, unit_admin and member the unit, village_admin 民主村.
const readers = only({
  city_admin: 200,
  district_admin: 200,
  town_admin: 200,
  unit_admin: 200,
  village_admin: 200,
  inspector: 200,
});

describe('authorization matrix of the agreement routes', () => {
  it('answers every role as the policy says', async () => {
    const read = await pair(true);
    const edit = await pair(true);
    const turn = await pair();
    const sign = await pair(true);
    const amend = await signed();
    const draft = await pair();

    const routes: AuthzRoute[] = [
      { method: 'GET', url: '/api/agreements', expect: readers },
      { method: 'GET', url: `/api/agreements/${read.id}`, expect: readers },
      { method: 'GET', url: `/api/agreements/${read.id}/versions`, expect: readers },
      { method: 'GET', url: `/api/agreements/${read.id}/diff?from=1&to=2`, expect: readers },
      { method: 'GET', url: `/api/agreements/${read.id}/document.docx`, expect: readers },
      {
        // The urban side holds the pen: the rural side may not save yet.
        method: 'PUT',
        url: `/api/agreements/${edit.id}`,
        body: { version: 2, content: edit.content },
        expect: only({ town_admin: 409, unit_admin: 200, village_admin: 409 }),
      },
      {
        // unit_admin passes the pen to the village, whose admin passes it back.
        method: 'POST',
        url: `/api/agreements/${turn.id}/hand-over`,
        expect: only({ town_admin: 409, unit_admin: 200, village_admin: 200 }),
      },
      {
        // The town signs for the village; the unit completes it; the village is then too late.
        method: 'POST',
        url: `/api/agreements/${sign.id}/sign`,
        body: { version: 2 },
        expect: only({ town_admin: 200, unit_admin: 200, village_admin: 409 }),
      },
      {
        method: 'POST',
        url: `/api/agreements/${amend.id}/amendments`,
        expect: only({ town_admin: 201, unit_admin: 409, village_admin: 409 }),
      },
      {
        method: 'GET',
        url: `/api/public/agreements/${amend.id}/commitment`,
        expect: everyone(200),
      },
      {
        method: 'GET',
        url: `/api/public/agreements/${draft.id}/commitment`,
        expect: everyone(404),
      },
    ];
    await checkAuthz(env, s, routes);
  });

  it('hides side A’s agreement from every role of side B (404, members 403)', async () => {
    const p = await pair(true);
    const sideB = { ...s, actors: s.b.users };
    const notFound = only(
      {
        city_admin: 404,
        district_admin: 404,
        town_admin: 404,
        unit_admin: 404,
        village_admin: 404,
        inspector: 404,
      },
      403,
    );
    await checkAuthz(env, sideB, [
      { method: 'GET', url: `/api/agreements/${p.id}`, expect: notFound },
      { method: 'GET', url: `/api/agreements/${p.id}/versions`, expect: notFound },
      { method: 'GET', url: `/api/agreements/${p.id}/diff?from=1&to=2`, expect: notFound },
      { method: 'GET', url: `/api/agreements/${p.id}/document.docx`, expect: notFound },
      {
        method: 'PUT',
        url: `/api/agreements/${p.id}`,
        body: { version: 2, content: p.content },
        expect: notFound,
      },
      { method: 'POST', url: `/api/agreements/${p.id}/hand-over`, expect: notFound },
      {
        method: 'POST',
        url: `/api/agreements/${p.id}/sign`,
        body: { version: 2 },
        expect: notFound,
      },
      { method: 'POST', url: `/api/agreements/${p.id}/amendments`, expect: notFound },
    ]);
  });
});

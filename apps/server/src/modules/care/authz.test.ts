// Authorization matrix of every care route: side A's user of each role on a case of side A's
// village, on one of side B's village (out of scope for all but 上海市's city admin: 404), on one
// side A's unit adopted (双结对), and anonymous (401). Writes get a fresh case per caller, so one
// caller's success does not change what the next one meets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callers,
  checkAuthz,
  only,
  type Caller,
  type Expectation,
  type Status,
} from '../../../test/authz.ts';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { insertPerson } from '../people/test-support.ts';
import { careCall, caseInput, help, openedCase } from './test-support.ts';

let env: TestEnv;
let s: Scenario;
let a: number;
let b: number;
let adopted: number;

/** A fresh case on side A's village, side B's village, or side A's village adopted by A's unit. */
async function freshCase(where: 'a' | 'b' | 'adopted') {
  const side = where === 'b' ? s.b : s.a;
  const made = await openedCase(env, side.users.village_admin.cookie, side.village.id);
  if (where === 'adopted') {
    const res = await careCall(
      env,
      side.users.village_admin.cookie,
      'PUT',
      `/care/cases/${made.id}/carer`,
      {
        carerOrgId: s.a.unit.id,
        since: '2025-01-01',
      },
    );
    expect(res.statusCode, res.body).toBe(200);
  }
  return made.id;
}

beforeAll(async () => {
  env = await createTestEnv();
  s = await createScenario(env, 'cauth');
  a = await freshCase('a');
  b = await freshCase('b');
  adopted = await freshCase('adopted');
});
afterAll(() => env.close());

const readers = only({
  city_admin: 200,
  district_admin: 200,
  town_admin: 200,
  unit_admin: 200,
  village_admin: 200,
  inspector: 200,
});

describe('care authorization matrix', () => {
  it('reads: readers in scope, the adopting unit, 404 outside, 403 members, 401 anonymous', async () => {
    await checkAuthz(env, s, [
      { method: 'GET', url: '/api/care/cases', expect: readers },
      { method: 'GET', url: '/api/care/visits-due', expect: readers },
      {
        method: 'GET',
        url: `/api/care/cases/${a}`,
        expect: only({
          city_admin: 200,
          district_admin: 200,
          town_admin: 200,
          unit_admin: 404,
          village_admin: 200,
          inspector: 200,
        }),
      },
      { method: 'GET', url: `/api/care/cases/${adopted}`, expect: readers },
      {
        method: 'GET',
        url: `/api/care/cases/${b}`,
        expect: { ...only({ city_admin: 200 }, 404), member: 403 },
      },
      { method: 'GET', url: '/api/care/cases/987654', expect: only({ member: 403 }, 404) },
    ]);
  });

  /** Each caller's status for a write, made on a subject `prepare` makes for that caller. */
  async function writes(
    run: (caller: Caller, cookie: string) => Promise<{ statusCode: number }>,
  ): Promise<Expectation> {
    const actual = {} as Expectation;
    for (const caller of callers) {
      const cookie = caller === 'anonymous' ? '' : s.actors[caller].cookie;
      actual[caller] = (await run(caller, cookie)).statusCode as Status;
    }
    return actual;
  }

  const onFresh =
    (where: 'a' | 'b' | 'adopted', method: 'POST' | 'PUT', path: string, body: unknown) =>
    async (_: Caller, cookie: string) =>
      careCall(env, cookie, method, `/care/cases/${await freshCase(where)}${path}`, body);

  it('writes: the keepers of the home org, help also by the adopting unit', async () => {
    const update = { ...caseInput(1), personId: undefined };
    const close = { closedOn: '2026-02-20', reason: '已脱困' };
    const carer = { carerOrgId: s.committee.id, since: '2025-06-01' };
    const openFor = (orgId: () => number) => async (_: Caller, cookie: string) =>
      careCall(
        env,
        cookie,
        'POST',
        '/care/cases',
        caseInput(await insertPerson(env, { orgId: orgId() })),
      );
    /** Side A's admins above the village keep its cases; the unit only what it adopted. */
    const keepersA = (status: Status, unit: Status = 404) =>
      only({
        city_admin: status,
        district_admin: status,
        town_admin: status,
        unit_admin: unit,
        village_admin: status,
      });
    const outside = (status: Status) =>
      only({
        city_admin: status,
        district_admin: 404,
        town_admin: 404,
        unit_admin: 404,
        village_admin: 404,
      });
    expect({
      openA: await writes(openFor(() => s.a.village.id)),
      openB: await writes(openFor(() => s.b.village.id)),
      openUnit: await writes(openFor(() => s.a.unit.id)),
      updateA: await writes(onFresh('a', 'PUT', '', update)),
      updateB: await writes(onFresh('b', 'PUT', '', update)),
      updateAdopted: await writes(onFresh('adopted', 'PUT', '', update)),
      closeA: await writes(onFresh('a', 'POST', '/close', close)),
      closeB: await writes(onFresh('b', 'POST', '/close', close)),
      adoptA: await writes(onFresh('a', 'PUT', '/carer', carer)),
      adoptB: await writes(onFresh('b', 'PUT', '/carer', carer)),
      helpA: await writes(onFresh('a', 'POST', '/help', help())),
      helpB: await writes(onFresh('b', 'POST', '/help', help())),
      helpAdopted: await writes(onFresh('adopted', 'POST', '/help', help())),
      export: await writes((_, cookie) =>
        careCall(env, cookie, 'POST', '/care/cases/export.xlsx', { reason: '年度归档检查' }),
      ),
    }).toEqual({
      openA: keepersA(201),
      openB: outside(201),
      openUnit: only({
        city_admin: 201,
        district_admin: 404,
        town_admin: 404,
        unit_admin: 201,
        village_admin: 404,
      }),
      updateA: keepersA(200),
      updateB: outside(200),
      updateAdopted: keepersA(200, 403),
      closeA: keepersA(200),
      closeB: outside(200),
      adoptA: keepersA(200),
      adoptB: outside(200),
      helpA: keepersA(201),
      helpB: outside(201),
      helpAdopted: keepersA(201, 201),
      export: only({
        city_admin: 200,
        district_admin: 200,
        town_admin: 200,
        unit_admin: 200,
        village_admin: 200,
      }),
    });
  });
});

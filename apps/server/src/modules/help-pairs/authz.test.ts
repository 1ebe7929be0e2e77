// Authorization matrix of every "1+2" route: side A's user of each role on side A's pairing (in
// scope) and side B's (out of scope for all but the city: 404), and anonymous (401). Side A's
// `member` is the cadre of side A's first pair. Writes give each caller a fresh pair (fresh
// people), so one caller's success does not change what the next one meets.
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
import { createScenario, type Scenario, type ScenarioSide } from '../../../test/scenario.ts';
import { multipart, newKey, photo } from '../ledger/evidence/test-support.ts';
import { ledgerCall, signedPairing } from '../ledger/test-support.ts';
import { insertPerson } from '../people/test-support.ts';
import { assigned, helpRecord, plan, proposed } from './test-support.ts';

let env: TestEnv;
let s: Scenario;
let a: number;
let b: number;
let pairA: number;
let pairB: number;
let recordA: number;
let recordB: number;
let photoA: number;
let photoB: number;

const person = (side: ScenarioSide, kind: 'member' | 'resident' | 'cadre', userId?: number) =>
  kind === 'cadre'
    ? insertPerson(env, { orgId: side.unit.id, tags: ['inServiceCadre'], userId })
    : insertPerson(env, {
        orgId: side.village.id,
        kind,
        tags: [kind === 'member' ? 'poorMember' : 'poorResident'],
      });

async function freshProposed(side: ScenarioSide, pairingId: number) {
  return proposed(
    env,
    side,
    pairingId,
    await person(side, 'member'),
    await person(side, 'resident'),
  );
}

async function freshAssigned(side: ScenarioSide, pairingId: number, cadreUser?: number) {
  const id = await freshProposed(side, pairingId);
  await assigned(env, side, id, await person(side, 'cadre', cadreUser));
  return id;
}

async function photoOn(side: ScenarioSide, recordId: number, colour: string) {
  const body = multipart(await photo({ colour }), 'p.jpg');
  const res = await env.app.inject({
    method: 'POST',
    url: `/api/help-records/${recordId}/photos`,
    headers: { ...body.headers, cookie: side.users.unit_admin.cookie, 'idempotency-key': newKey() },
    payload: body.payload,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}

beforeAll(async () => {
  env = await createTestEnv();
  s = await createScenario(env, 'hpauth');
  a = (await signedPairing(env, s)).id;
  b = (await signedPairing(env, s, { side: 'b' })).id;
  pairA = await freshAssigned(s.a, a, s.a.users.member.id);
  pairB = await freshAssigned(s.b, b, s.b.users.member.id);
  const rec = async (side: ScenarioSide, pair: number) => {
    const res = await ledgerCall(
      env,
      side.users.unit_admin.cookie,
      'POST',
      `/help-pairs/${pair}/records`,
      helpRecord,
    );
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as number;
  };
  recordA = await rec(s.a, pairA);
  recordB = await rec(s.b, pairB);
  photoA = await photoOn(s.a, recordA, '#123456');
  photoB = await photoOn(s.b, recordB, '#654321');
});
afterAll(() => env.close());

const admins = {
  city_admin: 200,
  district_admin: 200,
  town_admin: 200,
  unit_admin: 200,
  village_admin: 200,
  inspector: 200,
} as const;
/** Side B: only side A's city admin (上海市) holds it. */
const outside = {
  district_admin: 404,
  town_admin: 404,
  unit_admin: 404,
  village_admin: 404,
  inspector: 404,
} as const;

describe('1+2 authorization matrix', () => {
  it('reads', async () => {
    const file = (id: number) => [
      { method: 'GET' as const, url: `/api/help-photos/${id}` },
      { method: 'GET' as const, url: `/api/help-photos/${id}/thumb` },
    ];
    await checkAuthz(env, s, [
      { method: 'GET', url: '/api/help-pairs', expect: only({ ...admins, member: 200 }) },
      {
        method: 'GET',
        url: '/api/help-pairs/coverage',
        expect: only({
          city_admin: 200,
          district_admin: 200,
          town_admin: 200,
          unit_admin: 200,
          inspector: 200,
        }),
      },
      { method: 'GET', url: `/api/help-pairs/${pairA}`, expect: only({ ...admins, member: 200 }) },
      {
        method: 'GET',
        url: `/api/help-pairs/${pairB}`,
        expect: only({ ...outside, city_admin: 200, member: 404 }),
      },
      ...file(photoA).map((r) => ({ ...r, expect: only({ ...admins, member: 200 }) })),
      ...file(photoB).map((r) => ({
        ...r,
        expect: only({ ...outside, city_admin: 200, member: 404 }),
      })),
      { method: 'GET', url: `/api/pairings/${a}/help-pairs`, expect: only(admins) },
      {
        method: 'GET',
        url: `/api/pairings/${b}/help-pairs`,
        expect: only({ ...outside, city_admin: 200 }),
      },
      {
        method: 'GET',
        url: `/api/pairings/${a}/help-candidates?role=member`,
        expect: only({ town_admin: 200, village_admin: 200 }),
      },
      {
        method: 'GET',
        url: `/api/pairings/${b}/help-candidates?role=resident`,
        expect: only({ town_admin: 404, village_admin: 404 }),
      },
      // Side A's district admin sits at the village's district: no side in the unit's choices.
      {
        method: 'GET',
        url: `/api/pairings/${a}/help-candidates?role=cadre`,
        expect: only({ unit_admin: 200 }),
      },
      {
        method: 'GET',
        url: `/api/pairings/${b}/help-candidates?role=cadre`,
        expect: only({ district_admin: 404, unit_admin: 404 }),
      },
      {
        method: 'GET',
        url: '/api/help-pairs/987654',
        expect: only({}, 404),
      },
    ]);
  });

  /** Each caller's status for a write, made on a subject `run` prepares for that caller. */
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

  const side = (pairingId: number) => (pairingId === a ? s.a : s.b);

  it('propose, assign, plan, conclude, withdraw', async () => {
    const propose = (pairingId: number) => async (_: Caller, cookie: string) =>
      ledgerCall(env, cookie, 'POST', `/pairings/${pairingId}/help-pairs`, {
        memberId: await person(side(pairingId), 'member'),
        residentId: await person(side(pairingId), 'resident'),
      });
    const assign = (pairingId: number) => async (_: Caller, cookie: string) => {
      const id = await freshProposed(side(pairingId), pairingId);
      return ledgerCall(env, cookie, 'PUT', `/help-pairs/${id}/cadre`, {
        cadreId: await person(side(pairingId), 'cadre'),
      });
    };
    const planOn = (pairingId: number) => async (_: Caller, cookie: string) =>
      ledgerCall(
        env,
        cookie,
        'PUT',
        `/help-pairs/${await freshAssigned(side(pairingId), pairingId)}/plan`,
        plan,
      );
    const conclude = (pairingId: number) => async (_: Caller, cookie: string) => {
      const id = await freshAssigned(side(pairingId), pairingId);
      const planned = await ledgerCall(
        env,
        side(pairingId).users.unit_admin.cookie,
        'PUT',
        `/help-pairs/${id}/plan`,
        plan,
      );
      expect(planned.statusCode).toBe(200);
      return ledgerCall(env, cookie, 'POST', `/help-pairs/${id}/conclude`, {
        incomeBefore: 1000,
        incomeAfter: 2000,
        outOfDifficulty: true,
        concludedOn: '2026-03-01',
      });
    };
    const withdraw = (pairingId: number) => async (_: Caller, cookie: string) =>
      ledgerCall(
        env,
        cookie,
        'POST',
        `/help-pairs/${await freshProposed(side(pairingId), pairingId)}/withdraw`,
        {
          reason: '重复提名',
        },
      );
    expect({
      proposeA: await writes(propose(a)),
      proposeB: await writes(propose(b)),
      assignA: await writes(assign(a)),
      assignB: await writes(assign(b)),
      planA: await writes(planOn(a)),
      planB: await writes(planOn(b)),
      concludeA: await writes(conclude(a)),
      concludeB: await writes(conclude(b)),
      withdrawA: await writes(withdraw(a)),
      withdrawB: await writes(withdraw(b)),
    }).toEqual({
      proposeA: only({ town_admin: 201, village_admin: 201 }),
      proposeB: only({ town_admin: 404, village_admin: 404 }),
      assignA: only({ unit_admin: 200 }),
      assignB: only({ district_admin: 404, unit_admin: 404 }),
      planA: only({ unit_admin: 200 }),
      planB: only({ district_admin: 404, unit_admin: 404 }),
      concludeA: only({ unit_admin: 200 }),
      concludeB: only({ district_admin: 404, unit_admin: 404 }),
      withdrawA: only({ town_admin: 200, unit_admin: 200, village_admin: 200 }),
      withdrawB: only({
        district_admin: 404,
        town_admin: 404,
        unit_admin: 404,
        village_admin: 404,
      }),
    });
  });

  it('records and photos: both sides and the cadre himself', async () => {
    const colours = new Map(
      callers.map((c, i) => [c, `#${(i * 1234567).toString(16).padStart(6, '0').slice(-6)}`]),
    );
    const record = (pair: number) => (_: Caller, cookie: string) =>
      ledgerCall(env, cookie, 'POST', `/help-pairs/${pair}/records`, helpRecord);
    const attach = (recordId: number) => async (caller: Caller, cookie: string) => {
      const body = multipart(await photo({ colour: colours.get(caller) }), 'p.jpg');
      return env.app.inject({
        method: 'POST',
        url: `/api/help-records/${recordId}/photos`,
        headers: { ...body.headers, ...(cookie ? { cookie } : {}), 'idempotency-key': newKey() },
        payload: body.payload,
      });
    };
    const recorders = {
      town_admin: 201,
      unit_admin: 201,
      village_admin: 201,
      member: 201,
    } as const;
    const outsideRecorders = {
      district_admin: 404,
      town_admin: 404,
      unit_admin: 404,
      village_admin: 404,
      member: 404,
    } as const;
    expect({
      recordA: await writes(record(pairA)),
      recordB: await writes(record(pairB)),
      photoA: await writes(attach(recordA)),
      photoB: await writes(attach(recordB)),
    }).toEqual({
      recordA: only(recorders),
      recordB: only(outsideRecorders),
      photoA: only(recorders),
      photoB: only(outsideRecorders),
    });
  });
});

// Authorization matrix of every ledger route (except the roll-up): side A's user of each role on
// side A's pairing (in scope) and on side B's (out of scope for all but the city: 404), and
// anonymous (401). Writes give each caller a fresh record, so one caller's success does not
// change what the next one meets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callers,
  checkAuthz,
  only,
  type AuthzRoute,
  type Caller,
  type Expectation,
  type Status,
} from '../../../test/authz.ts';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { ledgerCall, rosterOf, signedPairing } from './test-support.ts';

let env: TestEnv;
let s: Scenario;
let a: number;
let b: number;
let recordA: number;
let recordB: number;

const fund = {
  type: 'fund',
  date: '2026-02-20',
  form: 'cash',
  amount: 1000,
  source: 'unit',
  purpose: '慰问困难党员',
  projectIndex: null,
  channel: 'direct',
  receiptNo: '',
};

async function created(cookie: string, pairingId: number) {
  const res = await ledgerCall(env, cookie, 'POST', `/pairings/${pairingId}/records`, fund);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}

beforeAll(async () => {
  env = await createTestEnv();
  s = await createScenario(env, 'lauth');
  a = (await signedPairing(env, s)).id;
  b = (await signedPairing(env, s, { side: 'b' })).id;
  recordA = await created(s.a.users.unit_admin.cookie, a);
  recordB = await created(s.b.users.unit_admin.cookie, b);
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
/** Side B's pairing: only side A's city admin (上海市) holds it. */
const readersOutside = only(
  {
    city_admin: 200,
    district_admin: 404,
    town_admin: 404,
    unit_admin: 404,
    village_admin: 404,
    inspector: 404,
  },
  403,
);

describe('ledger authorization matrix', () => {
  it('reads: readers in scope, 404 outside, 403 for members, 401 anonymous', async () => {
    const reads = (id: number, record: number, expect: Expectation): AuthzRoute[] => [
      { method: 'GET', url: `/api/pairings/${id}`, expect },
      { method: 'GET', url: `/api/pairings/${id}/ledger?at=2026-02-28`, expect },
      { method: 'GET', url: `/api/pairings/${id}/compliance`, expect },
      { method: 'GET', url: `/api/pairings/${id}/records`, expect },
      { method: 'GET', url: `/api/records/${record}`, expect },
    ];
    await checkAuthz(env, s, [
      { method: 'GET', url: '/api/pairings', expect: readers },
      { method: 'GET', url: '/api/records/awaiting', expect: readers },
      ...reads(a, recordA, readers),
      ...reads(b, recordB, readersOutside),
      {
        method: 'GET',
        url: `/api/pairings/${a}/report-draft?quarter=2026Q1`,
        expect: only({ town_admin: 200, unit_admin: 200, village_admin: 200 }),
      },
      {
        method: 'GET',
        url: `/api/pairings/${b}/report-draft?quarter=2026Q1`,
        expect: only({ district_admin: 404, town_admin: 404, unit_admin: 404, village_admin: 404 }),
      },
      { method: 'GET', url: '/api/pairings/987654', expect: only({ member: 403 }, 404) },
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

  it('records, roster and department: the two sides, the roster the unit’s', async () => {
    const record = (id: number) => (_: Caller, cookie: string) =>
      ledgerCall(env, cookie, 'POST', `/pairings/${id}/records`, fund);
    const entry = { name: '钱进', post: '书记', role: 'principal', from: '2025-07-01' };
    const roster = (id: number) => (_: Caller, cookie: string) =>
      ledgerCall(env, cookie, 'POST', `/pairings/${id}/roster`, entry);
    const end = (id: number) => async (_: Caller, cookie: string) => {
      const [entryId] = await rosterOf(env, id, [entry as never]);
      return ledgerCall(env, cookie, 'POST', `/pairings/${id}/roster/${entryId}/end`, {
        to: '2026-01-31',
      });
    };
    const department = (id: number) => (_: Caller, cookie: string) =>
      ledgerCall(env, cookie, 'PUT', `/pairings/${id}/department`, {
        responsibleDepartment: '办公室',
      });
    const outsideSides = {
      district_admin: 404,
      town_admin: 404,
      unit_admin: 404,
      village_admin: 404,
    } as const;
    expect({
      recordA: await writes(record(a)),
      recordB: await writes(record(b)),
      rosterA: await writes(roster(a)),
      rosterB: await writes(roster(b)),
      endA: await writes(end(a)),
      endB: await writes(end(b)),
      departmentA: await writes(department(a)),
      departmentB: await writes(department(b)),
    }).toEqual({
      recordA: only({ town_admin: 201, unit_admin: 201, village_admin: 201 }),
      recordB: only(outsideSides),
      rosterA: only({ unit_admin: 201 }),
      rosterB: only({ district_admin: 404, unit_admin: 404 }),
      endA: only({ unit_admin: 200 }),
      endB: only({ district_admin: 404, unit_admin: 404 }),
      departmentA: only({ unit_admin: 200 }),
      departmentB: only({ district_admin: 404, unit_admin: 404 }),
    });
  });

  it('confirm, object, withdraw and settle: the other side, the entering side, the admins above', async () => {
    const fresh = (id: number) => created((id === a ? s.a : s.b).users.unit_admin.cookie, id);
    const disputed = async (id: number) => {
      const r = await fresh(id);
      const res = await ledgerCall(
        env,
        (id === a ? s.a : s.b).users.village_admin.cookie,
        'POST',
        `/records/${r}/object`,
        { reason: '未参加' },
      );
      expect(res.statusCode, res.body).toBe(200);
      return r;
    };
    const act =
      (id: number, verb: string, body?: unknown, subject = fresh) =>
      async (_: Caller, cookie: string) =>
        ledgerCall(env, cookie, 'POST', `/records/${await subject(id)}/${verb}`, body);
    const objection = { reason: '与事实不符' };
    const settlement = { decision: 'count', note: '' };
    const outside = {
      district_admin: 404,
      town_admin: 404,
      unit_admin: 404,
      village_admin: 404,
    } as const;
    expect({
      confirmA: await writes(act(a, 'confirm')),
      confirmB: await writes(act(b, 'confirm')),
      objectA: await writes(act(a, 'object', objection)),
      objectB: await writes(act(b, 'object', objection)),
      withdrawA: await writes(act(a, 'withdraw')),
      withdrawB: await writes(act(b, 'withdraw')),
      settleA: await writes(act(a, 'settle', settlement, disputed)),
      settleB: await writes(act(b, 'settle', settlement, disputed)),
    }).toEqual({
      confirmA: only({ town_admin: 200, village_admin: 200 }),
      confirmB: only(outside),
      objectA: only({ town_admin: 200, village_admin: 200 }),
      objectB: only(outside),
      withdrawA: only({ unit_admin: 200 }),
      withdrawB: only(outside),
      settleA: only({ city_admin: 200, district_admin: 200, town_admin: 200 }),
      settleB: only({ city_admin: 200, district_admin: 404, town_admin: 404 }),
    });
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callers, checkAuthz, only, type AuthzRoute, type Caller } from '../../../test/authz.ts';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario, type ScenarioUser } from '../../../test/scenario.ts';
import { ledgerRecords } from './schema.ts';
import {
  insertRecord,
  multipart,
  newKey,
  photo,
  simplePdf,
  upload,
  type RecordFixture,
} from './evidence/test-support.ts';
import { signedPairing } from './test-support.ts';

let env: TestEnv;
let s: Scenario;
let pairingId: number;

beforeAll(async () => {
  env = await createTestEnv();
  env.clock.set('2026-03-20T10:00:00+08:00');
  s = await createScenario(env, 'evz');
  pairingId = (await signedPairing(env, s)).id;
});
afterAll(() => env.close());

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
const readersNotFound = only(
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
/** Roles that may record anything get 404; the others are refused by their role first. */
const recordersNotFound = only({
  district_admin: 404,
  town_admin: 404,
  unit_admin: 404,
  village_admin: 404,
});

const record = (by: ScenarioUser, fixture: RecordFixture = {}) =>
  insertRecord(env, pairingId, by, fixture);

async function attached(recordId: number, bytes: Buffer, by = s.a.users.unit_admin) {
  const res = await upload(env, by, recordId, bytes);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}

/** An upload route: each caller sends its own photo under its own key. */
async function uploadRoute(
  recordId: number,
  expectation: AuthzRoute['expect'],
): Promise<AuthzRoute> {
  const bodies = new Map<Caller, ReturnType<typeof multipart>>();
  for (const [i, caller] of callers.entries())
    bodies.set(
      caller,
      multipart(
        await photo({ colour: `#${recordId % 10}${i.toString(16)}${i.toString(16)}` }),
        'p.jpg',
      ),
    );
  return {
    name: `POST /api/records/${recordId}/evidence`,
    method: 'POST',
    url: `/api/records/${recordId}/evidence`,
    body: (caller: Caller) => bodies.get(caller)!.payload,
    headers: (caller: Caller) => ({ ...bodies.get(caller)!.headers, 'idempotency-key': newKey() }),
    expect: expectation,
  };
}

async function setState(
  recordId: number,
  state: RecordFixture['state'],
  countsFrom: string | null,
) {
  await env.dbh.db
    .update(ledgerRecords)
    .set({ state, countsFrom })
    .where(eq(ledgerRecords.id, recordId));
}

describe('authorization matrix of the evidence routes', () => {
  it('answers every role of side A as the policy says', async () => {
    const u = s.a.users;
    const pending = await record(u.unit_admin);
    const rural = await record(u.village_admin, { side: 'rural' });
    const counting = await record(u.unit_admin, { countsFrom: '2026-03-20' });
    const disputed = await record(u.unit_admin);
    const withdrawn = await record(u.unit_admin, { state: 'withdrawn', countsFrom: null });
    const confirmed = await record(u.unit_admin);

    const image = await attached(pending, await photo({ colour: '#010203' }));
    const pdf = await attached(pending, simplePdf());
    const doomed = await attached(pending, await photo({ colour: '#040506' }));
    const objected = await attached(disputed, await photo({ colour: '#070809' }));
    const settled = await attached(confirmed, await photo({ colour: '#0a0b0c' }));
    await setState(confirmed, 'confirmed', '2026-03-19');
    await setState(disputed, 'disputed', null);

    await checkAuthz(env, s, [
      { method: 'GET', url: `/api/evidence/${image}`, expect: readers },
      { method: 'GET', url: `/api/evidence/${image}/thumb`, expect: readers },
      { method: 'GET', url: `/api/evidence/${pdf}`, expect: readers },
      { method: 'GET', url: `/api/evidence/${pdf}/thumb`, expect: readersNotFound },
      { method: 'GET', url: '/api/evidence/999999', expect: readersNotFound },
      // The recorder's side only: the unit for its records, the village or its town for theirs.
      await uploadRoute(pending, only({ unit_admin: 201 })),
      await uploadRoute(rural, only({ town_admin: 201, village_admin: 201 })),
      // Once the other side has objected, the files stay as they were objected to.
      await uploadRoute(disputed, only({ unit_admin: 409 })),
      await uploadRoute(counting, only({ unit_admin: 409 })),
      await uploadRoute(confirmed, only({ unit_admin: 409 })),
      await uploadRoute(withdrawn, only({ unit_admin: 409 })),
      await uploadRoute(999999, recordersNotFound),
      {
        method: 'DELETE',
        url: `/api/records/${pending}/evidence/${doomed}`,
        expect: only({ unit_admin: 200 }),
      },
      {
        method: 'DELETE',
        url: `/api/records/${pending}/evidence/${settled}`,
        expect: only({ unit_admin: 404 }),
      },
      {
        method: 'DELETE',
        url: `/api/records/${disputed}/evidence/${objected}`,
        expect: only({ unit_admin: 409 }),
      },
      {
        method: 'DELETE',
        url: `/api/records/${confirmed}/evidence/${settled}`,
        expect: only({ unit_admin: 409 }),
      },
    ]);
  });

  it('hides side A’s evidence from every role of side B (404, members 403)', async () => {
    const u = s.a.users;
    const pending = await record(u.unit_admin);
    const image = await attached(pending, await photo({ colour: '#0d0e0f' }));
    const sideB = { ...s, actors: s.b.users };
    await checkAuthz(env, sideB, [
      { method: 'GET', url: `/api/evidence/${image}`, expect: readersNotFound },
      { method: 'GET', url: `/api/evidence/${image}/thumb`, expect: readersNotFound },
      await uploadRoute(pending, recordersNotFound),
      {
        method: 'DELETE',
        url: `/api/records/${pending}/evidence/${image}`,
        expect: recordersNotFound,
      },
    ]);
  });
});

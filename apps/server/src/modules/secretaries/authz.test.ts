// Authorization matrix of every secretaries route: side A's user of each role on a secretary of
// side A's village (in scope), of another village of the same town (the village admin's 404) and
// of side B's village (out of scope for all but the city: 404), and anonymous (401). Writes that
// succeed get each caller its own values, so one caller's success does not change the next's.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { checkAuthz, only, type AuthzRoute, type Caller } from '../../../test/authz.ts';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { insertOrg } from '../orgs/tree.ts';
import { insertPerson } from '../people/test-support.ts';
import { secretaryInOffice } from './test-support.ts';

let env: TestEnv;
let s: Scenario;
let a: { personId: number; termId: number };
let neighbour: { personId: number; termId: number };
let b: { personId: number; termId: number };
let neighbourVillage: number;
let spare: number;
let spareB: number;

const readers = {
  city_admin: 200,
  district_admin: 200,
  town_admin: 200,
  village_admin: 200,
  inspector: 200,
} as const;
const assessors = { city_admin: 200, district_admin: 200, town_admin: 200 } as const;

/** A key per caller and route, so no caller replays another's answer. */
const keyed = (route: string) => (caller: Caller) => ({ 'idempotency-key': `${route}-${caller}` });

/** The year each assessor assesses, so that each succeeds once. */
const yearOf: Partial<Record<Caller, number>> = {
  city_admin: 2023,
  district_admin: 2024,
  town_admin: 2025,
};

const assessment = (caller: Caller) => ({
  year: yearOf[caller] ?? 2022,
  lines: [{ part: 'partyBuilding', kind: 'gain', points: 1, reason: '示范' }],
  incomeCreated: 0,
  insurancePremiums: 0,
});

beforeAll(async () => {
  env = await createTestEnv();
  s = await createScenario(env, 'secauth');
  const town = s.a.users.town_admin.cookie;
  a = await secretaryInOffice(env, town, s.a.village.id);
  neighbourVillage = (
    await insertOrg(env.dbh.db, { kind: 'village', name: '邻村', parentId: s.a.town.id })
  ).id;
  neighbour = await secretaryInOffice(env, town, neighbourVillage);
  b = await secretaryInOffice(env, s.b.users.town_admin.cookie, s.b.village.id);
  spare = await insertPerson(env, { orgId: s.a.village.id, tags: ['villageSecretary'] });
  spareB = await insertPerson(env, { orgId: s.b.village.id, tags: ['villageSecretary'] });
});
afterAll(() => env.close());

describe('secretaries authorization matrix', () => {
  it('reads: readers in scope, the village only its own, 404 outside, 403 for others', async () => {
    const routes: AuthzRoute[] = [
      { method: 'GET', url: '/api/secretaries', expect: only(readers) },
      { method: 'GET', url: '/api/secretaries/parameters', expect: only(readers) },
      { method: 'GET', url: `/api/secretaries/${a.personId}`, expect: only(readers) },
      {
        name: 'neighbour village',
        method: 'GET',
        url: `/api/secretaries/${neighbour.personId}`,
        expect: only({ ...readers, village_admin: 404 }),
      },
      {
        name: 'side B',
        method: 'GET',
        url: `/api/secretaries/${b.personId}`,
        expect: only({
          city_admin: 200,
          district_admin: 404,
          town_admin: 404,
          village_admin: 404,
          inspector: 404,
        }),
      },
      {
        name: 'list under side B',
        method: 'GET',
        url: `/api/secretaries?orgId=${s.b.village.id}`,
        expect: only({
          city_admin: 200,
          district_admin: 404,
          town_admin: 404,
          village_admin: 404,
          inspector: 404,
        }),
      },
    ];
    await checkAuthz(env, s, routes);
  });

  it('assessing and previewing: town, district and city in scope; 404 outside', async () => {
    const routes: AuthzRoute[] = [
      {
        method: 'POST',
        url: `/api/secretaries/${a.personId}/assessments/preview`,
        body: assessment,
        expect: only(assessors),
      },
      {
        method: 'POST',
        url: `/api/secretaries/${a.personId}/assessments`,
        body: assessment,
        headers: keyed('assess-a'),
        expect: only({ city_admin: 201, district_admin: 201, town_admin: 201 }),
      },
      {
        name: 'assess side B',
        method: 'POST',
        url: `/api/secretaries/${b.personId}/assessments`,
        body: assessment,
        headers: keyed('assess-b'),
        expect: only({ city_admin: 201, district_admin: 404, town_admin: 404 }),
      },
    ];
    await checkAuthz(env, s, routes);
  });

  it('terms: recorded and ended by town, district and city in scope; 404 outside', async () => {
    // Each assessor records its own past year at the village, so none clashes with another.
    const pastYear: Partial<Record<Caller, string>> = {
      city_admin: '2001',
      district_admin: '2002',
      town_admin: '2003',
    };
    const term = (personId: number, villageId: number) => (caller: Caller) => ({
      personId,
      villageId,
      from: `${pastYear[caller] ?? '2004'}-01-01`,
      to: `${pastYear[caller] ?? '2004'}-12-31`,
      baseSubsidyPerYear: 15_000,
    });
    const routes: AuthzRoute[] = [
      {
        method: 'POST',
        url: '/api/secretaries/terms',
        body: term(spare, s.a.village.id),
        headers: keyed('term-a'),
        expect: only({ city_admin: 201, district_admin: 201, town_admin: 201 }),
      },
      {
        name: 'term at side B',
        method: 'POST',
        url: '/api/secretaries/terms',
        body: term(spareB, s.b.village.id),
        headers: keyed('term-b'),
        expect: only({ city_admin: 201, district_admin: 404, town_admin: 404 }),
      },
      // An end before the start: allowed callers get as far as the check (422), nothing changes.
      {
        method: 'POST',
        url: `/api/secretaries/terms/${a.termId}/end`,
        body: { to: '2019-01-01', leaving: true },
        expect: only({ city_admin: 422, district_admin: 422, town_admin: 422 }),
      },
      {
        name: 'end at side B',
        method: 'POST',
        url: `/api/secretaries/terms/${b.termId}/end`,
        body: { to: '2019-01-01', leaving: true },
        expect: only({ city_admin: 422, district_admin: 404, town_admin: 404 }),
      },
    ];
    await checkAuthz(env, s, routes);
  });

  it('parameters: only the city sets them', async () => {
    const parameters = {
      standardPointsPerPart: 100,
      yuanPerPoint: 50,
      contributionAwardPercent: 10,
      insuranceSubsidyPercent: 100,
      oneOffMonthsPerServiceYear: 1,
      yearlyAllowanceMinYears: 10,
      yearlyAllowancePercent: 30,
    };
    await checkAuthz(env, s, [
      {
        method: 'PUT',
        url: '/api/secretaries/parameters/2026',
        body: parameters,
        expect: only({ city_admin: 200 }),
      },
    ]);
  });
});

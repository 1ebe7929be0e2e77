import { afterAll, beforeAll, describe, it } from 'vitest';
import { checkAuthz, everyone, only, type AuthzRoute } from '../../../test/authz.ts';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { importJobs } from './schema.ts';

let env: TestEnv;
let s: Scenario;
let foreignJob: number;

beforeAll(async () => {
  env = await createTestEnv();
  s = await createScenario(env);
  // A job of side B's city admin: nobody on side A may read it.
  const [job] = await env.dbh.db
    .insert(importJobs)
    .values({ kind: 'units', actorId: s.b.users.city_admin.id, status: 'done' })
    .returning();
  foreignJob = job.id;
});
afterAll(() => env.close());

const unitAdmins = { city_admin: 200, district_admin: 200 } as const;
const weakAdmins = { city_admin: 200, district_admin: 200, town_admin: 200 } as const;

function routes(): AuthzRoute[] {
  return [
    { method: 'GET', url: '/api/imports/units/template.xlsx', expect: only(unitAdmins) },
    { method: 'GET', url: '/api/exports/units.xlsx', expect: only(unitAdmins) },
    { method: 'GET', url: '/api/imports/weak-villages/template.xlsx', expect: only(weakAdmins) },
    { method: 'GET', url: '/api/exports/weak-villages.xlsx', expect: only(weakAdmins) },
    {
      name: 'POST units without a file part',
      method: 'POST',
      url: '/api/imports/units',
      body: { file: 'x' },
      expect: only({ city_admin: 422, district_admin: 422 }),
    },
    {
      name: 'POST weak villages without a file part',
      method: 'POST',
      url: '/api/imports/weak-villages',
      body: { file: 'x' },
      expect: only({ city_admin: 422, district_admin: 422, town_admin: 422 }),
    },
    {
      name: 'GET another user’s import job',
      method: 'GET',
      url: `/api/imports/${foreignJob}`,
      // Another user's job is unknown to every caller, the platform administrators too.
      expect: { ...everyone(404), anonymous: 401 },
    },
  ];
}

describe('import and export authorization matrix', () => {
  it('answers every role as the policy says', async () => {
    await checkAuthz(env, s, routes());
  });
});

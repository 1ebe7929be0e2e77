// Village secretaries' terms, 双百分 assessments, allowances and parameters through the routes
// (R-SECRETARY-PAY): the happy paths with the worked examples' numbers, every refusal with its
// code, bad input changing nothing, idempotent replays and two assessments racing.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { queryRows } from '../../lib/rows.ts';
import { insertOrg } from '../orgs/tree.ts';
import { insertPerson } from '../people/test-support.ts';
import { secretaryCall, secretaryInOffice } from './test-support.ts';

let env: TestEnv;
let s: Scenario;
let town: string;
let city: string;

const count = async (table: 'secretary_terms' | 'secretary_assessments') =>
  (
    await queryRows<{ n: number }>(
      env.dbh.db,
      sql`select count(*)::int as n from ${sql.raw(table)}`,
    )
  )[0].n;

/** A fresh village of town A, so each test has its own one-secretary-at-a-time village. */
let villageNo = 0;
async function newVillage() {
  const village = await insertOrg(env.dbh.db, {
    kind: 'village',
    name: `测试村${++villageNo}`,
    parentId: s.a.town.id,
  });
  return village.id;
}

const example = {
  year: 2025,
  lines: [
    { part: 'partyBuilding', kind: 'gain', points: 8, reason: '党建示范点建设' },
    { part: 'development', kind: 'loss', points: 2, reason: '村务公开不及时' },
  ],
  incomeCreated: 150_000,
  insurancePremiums: 4_429,
  note: '',
};

beforeAll(async () => {
  env = await createTestEnv();
  s = await createScenario(env, 'sec');
  town = s.a.users.town_admin.cookie;
  city = s.a.users.city_admin.cookie;
});
afterAll(() => env.close());

describe('terms', () => {
  it('records a term of a tagged person, shown masked with what the town may do', async () => {
    const villageId = await newVillage();
    const personId = await insertPerson(env, {
      orgId: villageId,
      tags: ['villageSecretary'],
      idNumber: '110101199003078515',
      phone: '13912345678',
    });
    const body = { personId, villageId, from: '2020-01-01', baseSubsidyPerYear: 20_000 };
    const res = await secretaryCall(env, town, 'POST', '/secretaries/terms', body, 'term-once-1');
    expect(res.statusCode, res.body).toBe(201);
    const detail = res.json();
    expect(detail.person).toMatchObject({
      id: personId,
      idNumberMasked: '110101********8515',
      phoneMasked: '139****5678',
    });
    expect(detail.terms).toMatchObject([
      { villageId, from: '2020-01-01', to: null, baseSubsidyPerYear: 20_000, allowance: null },
    ]);
    expect(detail.abilities).toEqual({ assess: true, endTerm: true, addTerm: false });

    // A phone's retry replays the first answer and records nothing more.
    const before = await count('secretary_terms');
    const again = await secretaryCall(env, town, 'POST', '/secretaries/terms', body, 'term-once-1');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.json()).toEqual(detail);
    expect(await count('secretary_terms')).toBe(before);

    // The audit keeps ids and figures, never the person's numbers.
    const audits = await queryRows<{ after: unknown }>(
      env.dbh.db,
      sql`select after from audit_log where action = 'secretary.term.create'
        and entity_id = ${String(detail.terms[0].id)}`,
    );
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0].after)).not.toMatch(/8515|5678/);
  });

  it('refuses bad input with 422 and writes nothing', async () => {
    const villageId = await newVillage();
    const tagged = await insertPerson(env, { orgId: villageId, tags: ['villageSecretary'] });
    const untagged = await insertPerson(env, { orgId: villageId, tags: ['poorMember'] });
    const before = await count('secretary_terms');
    const good = { personId: tagged, villageId, from: '2020-01-01', baseSubsidyPerYear: 20_000 };
    const cases: [unknown, string][] = [
      [{ ...good, to: '2019-12-31' }, 'to'],
      [{ ...good, to: '2026-03-02' }, 'to'],
      [{ ...good, personId: untagged }, 'personId'],
      [{ ...good, villageId: s.a.town.id }, 'villageId'],
      [{ ...good, baseSubsidyPerYear: -1 }, 'baseSubsidyPerYear'],
      [{ ...good, from: '2020-02-30' }, 'from'],
    ];
    for (const [body, field] of cases) {
      const res = await secretaryCall(env, town, 'POST', '/secretaries/terms', body);
      expect(res.statusCode, res.body).toBe(422);
      expect(Object.keys(res.json().error.fields).join()).toContain(field);
    }
    expect(await count('secretary_terms')).toBe(before);
  });

  it('keeps one secretary to a village and one term to a person at a time (409)', async () => {
    const villageId = await newVillage();
    const { personId } = await secretaryInOffice(env, town, villageId);
    const other = await insertPerson(env, { orgId: villageId, tags: ['villageSecretary'] });
    const res = await secretaryCall(env, town, 'POST', '/secretaries/terms', {
      personId: other,
      villageId,
      from: '2024-01-01',
      baseSubsidyPerYear: 20_000,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('village_has_secretary');

    const elsewhere = await secretaryCall(env, city, 'POST', '/secretaries/terms', {
      personId,
      villageId: s.b.village.id,
      from: '2019-01-01',
      to: '2020-01-01',
      baseSubsidyPerYear: 20_000,
    });
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json().error.code).toBe('term_overlap');

    // A past term that ended the day before is no clash.
    const past = await secretaryCall(env, town, 'POST', '/secretaries/terms', {
      personId: other,
      villageId,
      from: '2015-01-01',
      to: '2019-12-31',
      baseSubsidyPerYear: 18_000,
    });
    expect(past.statusCode, past.body).toBe(201);
  });

  it('answers 404 for a village or a person outside the scope', async () => {
    const outside = await insertPerson(env, { orgId: s.b.village.id, tags: ['villageSecretary'] });
    const village = await secretaryCall(env, town, 'POST', '/secretaries/terms', {
      personId: outside,
      villageId: s.b.village.id,
      from: '2020-01-01',
      baseSubsidyPerYear: 20_000,
    });
    expect(village.statusCode).toBe(404);
    const person = await secretaryCall(env, town, 'POST', '/secretaries/terms', {
      personId: outside,
      villageId: await newVillage(),
      from: '2020-01-01',
      baseSubsidyPerYear: 20_000,
    });
    expect(person.statusCode).toBe(404);
  });
});

describe('assessments', () => {
  it('computes and stores the worked example 1: ¥39,729', async () => {
    const { personId } = await secretaryInOffice(env, town, await newVillage());
    const res = await secretaryCall(
      env,
      town,
      'POST',
      `/secretaries/${personId}/assessments`,
      example,
    );
    expect(res.statusCode, res.body).toBe(201);
    const { assessment } = res.json();
    expect(assessment).toMatchObject({
      year: 2025,
      lines: example.lines,
      incomeCreated: 150_000,
      parametersFromYear: null,
      parameters: { yuanPerPoint: 50, contributionAwardPercent: 10 },
      assessedBy: expect.any(String),
      pay: {
        scores: { partyBuilding: 108, development: 98 },
        baseSubsidy: 20_000,
        pointsAdjustment: 300,
        contributionAward: 15_000,
        insuranceSubsidy: 4_429,
        total: 39_729,
      },
    });
    const detail = await secretaryCall(env, town, 'GET', `/secretaries/${personId}`);
    expect(detail.json().assessments).toEqual([assessment]);

    const second = await secretaryCall(
      env,
      town,
      'POST',
      `/secretaries/${personId}/assessments`,
      example,
    );
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('assessment_exists');
  });

  it('previews the pay without writing', async () => {
    const { personId } = await secretaryInOffice(env, town, await newVillage(), {
      from: '2025-07-01',
    });
    const before = await count('secretary_assessments');
    const res = await secretaryCall(
      env,
      town,
      'POST',
      `/secretaries/${personId}/assessments/preview`,
      {
        year: 2025,
        lines: [{ part: 'partyBuilding', kind: 'gain', points: 4 }],
        incomeCreated: 50_000,
        insurancePremiums: 0,
      },
    );
    expect(res.statusCode, res.body).toBe(200);
    // Worked example 6: 20,000 × 184 / 365 = 10,082; + 200 + 5,000.
    expect(res.json().pay).toMatchObject({ daysInOffice: 184, baseSubsidy: 10_082, total: 15_282 });
    expect(await count('secretary_assessments')).toBe(before);
  });

  it('refuses a future year, a year out of office and a part below zero (422), writing nothing', async () => {
    const { personId } = await secretaryInOffice(env, town, await newVillage());
    const before = await count('secretary_assessments');
    const cases: [unknown, string][] = [
      [{ ...example, year: 2027 }, 'year'],
      [{ ...example, year: 2019 }, 'year'],
      [{ ...example, lines: [{ ...example.lines[1], points: 101 }] }, 'points'],
      [
        {
          ...example,
          lines: [
            { part: 'development', kind: 'loss', points: 60, reason: '甲' },
            { part: 'development', kind: 'loss', points: 41, reason: '乙' },
          ],
        },
        'lines',
      ],
      [{ ...example, lines: [{ ...example.lines[0], reason: '' }] }, 'reason'],
      [{ ...example, insurancePremiums: -1 }, 'insurancePremiums'],
      [{ ...example, incomeCreated: 1.5 }, 'incomeCreated'],
    ];
    for (const [body, field] of cases) {
      const res = await secretaryCall(
        env,
        town,
        'POST',
        `/secretaries/${personId}/assessments`,
        body,
      );
      expect(res.statusCode, res.body).toBe(422);
      expect(Object.keys(res.json().error.fields).join()).toContain(field);
    }
    expect(await count('secretary_assessments')).toBe(before);
  });

  it('replays a retried assessment and lets one of two racing assessments win', async () => {
    const { personId } = await secretaryInOffice(env, town, await newVillage());
    const url = `/secretaries/${personId}/assessments`;
    const first = await secretaryCall(env, town, 'POST', url, example, 'assess-retry-1');
    const retry = await secretaryCall(env, town, 'POST', url, example, 'assess-retry-1');
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());

    const year2024 = { ...example, year: 2024 };
    const district = s.a.users.district_admin.cookie;
    const raced = await Promise.all([
      secretaryCall(env, town, 'POST', url, year2024),
      secretaryCall(env, district, 'POST', url, { ...year2024, incomeCreated: 0 }),
    ]);
    expect(raced.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(raced.find((r) => r.statusCode === 409)!.json().error.code).toBe('assessment_exists');
    const rows = await queryRows<{ n: number }>(
      env.dbh.db,
      sql`select count(*)::int as n from secretary_assessments where person_id = ${personId}`,
    );
    expect(rows[0].n).toBe(2);
  });
});

describe('leaving office', () => {
  it('ends a term on re-election without an allowance, and computes a yearly one after 10 years', async () => {
    const villageId = await newVillage();
    const { personId, termId } = await secretaryInOffice(env, town, villageId, {
      from: '2015-03-01',
    });
    const reelected = await secretaryCall(env, town, 'POST', `/secretaries/terms/${termId}/end`, {
      to: '2020-02-29',
      leaving: false,
    });
    expect(reelected.statusCode, reelected.body).toBe(200);
    expect(reelected.json().terms[0]).toMatchObject({ to: '2020-02-29', allowance: null });
    expect(reelected.json().abilities).toMatchObject({ endTerm: false, addTerm: true });

    const second = await secretaryCall(env, town, 'POST', '/secretaries/terms', {
      personId,
      villageId,
      from: '2020-03-01',
      baseSubsidyPerYear: 20_000,
    });
    expect(second.statusCode).toBe(201);
    const secondId = second.json().terms[1].id;
    // Worked example 10: exactly ten continuous years on 2025-02-28.
    const left = await secretaryCall(env, town, 'POST', `/secretaries/terms/${secondId}/end`, {
      to: '2025-02-28',
      leaving: true,
    });
    expect(left.statusCode, left.body).toBe(200);
    expect(left.json().terms[1].allowance).toMatchObject({
      kind: 'yearly',
      amount: 6_000,
      firstYearAmount: 5_030,
      continuousFrom: '2015-03-01',
      continuous: { years: 10, days: 0 },
      parametersFromYear: null,
      yearlyAmountNow: null,
    });

    // The allowance follows the village's current secretary's base subsidy.
    await secretaryInOffice(env, town, villageId, {
      from: '2025-03-01',
      baseSubsidyPerYear: 22_000,
    });
    const now = await secretaryCall(env, town, 'GET', `/secretaries/${personId}`);
    expect(now.json().terms[1].allowance).toMatchObject({ amount: 6_000, yearlyAmountNow: 6_600 });
  });

  it('gives a one-off allowance one day short of 10 years', async () => {
    const { termId } = await secretaryInOffice(env, town, await newVillage(), {
      from: '2015-03-01',
    });
    const res = await secretaryCall(env, town, 'POST', `/secretaries/terms/${termId}/end`, {
      to: '2025-02-27',
      leaving: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    // Worked example 11.
    expect(res.json().terms[0].allowance).toMatchObject({
      kind: 'oneOff',
      countedHalfYears: 20,
      amount: 16_667,
      firstYearAmount: null,
    });
  });

  it('refuses a second end (409), an end in the future or before the start (422), and an end before an assessed year (409)', async () => {
    const { personId, termId } = await secretaryInOffice(env, town, await newVillage());
    const url = `/secretaries/terms/${termId}/end`;
    for (const to of ['2026-03-02', '2019-12-31']) {
      const res = await secretaryCall(env, town, 'POST', url, { to, leaving: true });
      expect(res.statusCode).toBe(422);
    }
    const missing = await secretaryCall(env, town, 'POST', url, { to: '2025-01-01' });
    expect(missing.statusCode).toBe(422);

    await secretaryCall(env, town, 'POST', `/secretaries/${personId}/assessments`, example);
    const early = await secretaryCall(env, town, 'POST', url, { to: '2024-06-30', leaving: true });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('assessed_after_end');

    const ended = await secretaryCall(env, town, 'POST', url, { to: '2025-12-31', leaving: true });
    expect(ended.statusCode).toBe(200);
    const again = await secretaryCall(env, town, 'POST', url, { to: '2025-12-31', leaving: true });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('term_ended');
  });
});

describe('parameters', () => {
  it('the city sets them from a year; later computations use them, earlier ones do not', async () => {
    const { personId } = await secretaryInOffice(env, town, await newVillage());
    const defaults = await secretaryCall(env, town, 'GET', '/secretaries/parameters?year=2025');
    expect(defaults.json()).toMatchObject({
      cityName: '上海市',
      parametersFromYear: null,
      parameters: { yuanPerPoint: 50, yearlyAllowancePercent: 30 },
      abilities: { configure: false },
    });
    const changed = { ...defaults.json().documentParameters, yuanPerPoint: 60 };
    const put = await secretaryCall(env, city, 'PUT', '/secretaries/parameters/2025', changed);
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ parametersFromYear: 2025, abilities: { configure: true } });
    expect(put.json().history).toHaveLength(1);

    const preview = (year: number) =>
      secretaryCall(env, town, 'POST', `/secretaries/${personId}/assessments/preview`, {
        ...example,
        year,
      });
    expect((await preview(2025)).json()).toMatchObject({
      parametersFromYear: 2025,
      pay: { pointsAdjustment: 360 },
    });
    expect((await preview(2024)).json()).toMatchObject({
      parametersFromYear: null,
      pay: { pointsAdjustment: 300 },
    });

    const bad = await secretaryCall(env, city, 'PUT', '/secretaries/parameters/2025', {
      ...changed,
      contributionAwardPercent: 101,
    });
    expect(bad.statusCode).toBe(422);
    const town403 = await secretaryCall(env, town, 'PUT', '/secretaries/parameters/2025', changed);
    expect(town403.statusCode).toBe(403);
    // Back to the documents' values for the other tests.
    await secretaryCall(
      env,
      city,
      'PUT',
      '/secretaries/parameters/2025',
      defaults.json().documentParameters,
    );
  });
});

describe('the list', () => {
  it('shows the scope’s secretaries with the year’s assessment, filtered by status and org', async () => {
    const villageId = await newVillage();
    const { personId } = await secretaryInOffice(env, town, villageId);
    await secretaryCall(env, town, 'POST', `/secretaries/${personId}/assessments`, example);
    const list = await secretaryCall(env, town, 'GET', `/secretaries?year=2025&orgId=${villageId}`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toMatchObject({
      total: 1,
      year: 2025,
      items: [{ person: { id: personId }, serving: true, assessment: { total: 39_729 } }],
    });
    const none = await secretaryCall(env, town, 'GET', `/secretaries?year=2024&orgId=${villageId}`);
    expect(none.json().items[0].assessment).toBeNull();
    const left = await secretaryCall(
      env,
      town,
      'GET',
      `/secretaries?status=left&orgId=${villageId}`,
    );
    expect(left.json().total).toBe(0);

    const villageB = s.b.users.village_admin.cookie;
    const other = await secretaryCall(env, villageB, 'GET', '/secretaries');
    expect(other.json().items.map((i: { person: { id: number } }) => i.person.id)).not.toContain(
      personId,
    );
    const outside = await secretaryCall(env, villageB, 'GET', `/secretaries?orgId=${villageId}`);
    expect(outside.statusCode).toBe(404);
  });
});

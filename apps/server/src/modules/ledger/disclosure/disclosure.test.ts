import type { FundUsesView, UnitTax, VillageDisclosure } from '@pairing/shared';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentXml, expectOfficialLayout } from '../../../../test/docx.ts';
import { createTestEnv, type TestEnv } from '../../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../../test/scenario.ts';
import { signedInUser } from '../../rounds/testing.ts';
import { fundUses, unitProfits } from '../schema.ts';
import { fund, signedPairing, storeRecord } from './test-support.ts';

let env: TestEnv;
let s: Scenario;
let pairingA: number;
let pairingB: number;

beforeAll(async () => {
  env = await createTestEnv();
  env.clock.set('2025-06-15T10:00:00+08:00');
  s = await createScenario(env, 'dsc');
  pairingA = await signedPairing(env, { city: s.shanghai, urban: s.a.unit, rural: s.a.village });
  pairingB = await signedPairing(env, { city: s.shanghai, urban: s.b.unit, rural: s.b.village });
});
afterAll(() => env.close());

const get = (url: string, cookie?: string) =>
  env.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

let keys = 0;
const addUse = (recordId: number, payload: unknown, cookie: string, key = `use-key-${++keys}`) =>
  env.app.inject({
    method: 'POST',
    url: `/api/records/${recordId}/uses`,
    headers: { cookie, 'idempotency-key': key },
    payload: payload as Record<string, unknown>,
  });

const useCount = async (recordId: number) =>
  (await env.dbh.db.select().from(fundUses).where(eq(fundUses.recordId, recordId))).length;

describe('村务公开 (public disclosure)', () => {
  it('shows counted funds by year with donor, project and uses, and nothing personal', async () => {
    const unitUser = s.a.users.unit_admin.id;
    const counted = await storeRecord(env, pairingA, unitUser, fund('2025-03-10', 80_000));
    await storeRecord(
      env,
      pairingA,
      unitUser,
      fund('2024-11-02', 20_000, {
        form: 'in_kind',
        source: 'district_pool',
        channel: 'government',
        projectIndex: null,
        purpose: '冬季慰问物资',
      }),
    );
    // Entered two days ago, unconfirmed: counts only from the 14th day.
    await storeRecord(env, pairingA, unitUser, fund('2025-06-13', 5_000), { state: 'pending' });
    await storeRecord(env, pairingA, unitUser, fund('2025-05-01', 7_000), { state: 'disputed' });
    const village = s.a.users.village_admin.cookie;
    expect(
      (
        await addUse(
          counted,
          { date: '2025-04-01', amount: 30_000, purpose: '活动室装修' },
          village,
        )
      ).statusCode,
    ).toBe(201);

    const res = await get(`/api/public/villages/${s.a.village.id}/disclosure`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as VillageDisclosure;
    expect(body.village).toEqual({ id: s.a.village.id, name: s.a.village.name });
    expect(body.town).toBe(s.a.town.name);
    expect(body.district).toBe(s.a.district.name);
    expect(body.asOf).toBe('2025-06-15');
    expect(body.years.map((y) => y.year)).toEqual([2025, 2024]);
    expect(body.years[0]).toMatchObject({ received: 80_000, used: 30_000, balance: 50_000 });
    expect(body.years[0].funds).toEqual([
      {
        date: '2025-03-10',
        amount: 80_000,
        form: 'cash',
        channel: 'charity',
        source: 'unit',
        donor: s.a.unit.name,
        project: '村级活动室改造',
        purpose: '村级活动室改造',
        uses: [{ date: '2025-04-01', amount: 30_000, purpose: '活动室装修' }],
        used: 30_000,
        balance: 50_000,
      },
    ]);
    expect(body.years[1].funds[0]).toMatchObject({
      donor: `${s.committee.name}统筹帮扶资金`,
      project: null,
      form: 'in_kind',
      channel: 'government',
    });
    // No people, phones, places, receipts or narratives.
    for (const text of [
      '王建国',
      '138',
      '党群服务中心',
      'SJ-2025',
      '联系电话',
      'narrative',
      'people',
    ])
      expect(res.body).not.toContain(text);
  });

  it('answers 404 for an org that is not a village, and for an unknown id', async () => {
    expect((await get(`/api/public/villages/${s.a.town.id}/disclosure`)).statusCode).toBe(404);
    expect((await get(`/api/public/villages/${s.a.unit.id}/disclosure`)).statusCode).toBe(404);
    expect((await get('/api/public/villages/999999999/disclosure')).statusCode).toBe(404);
    expect((await get('/api/public/villages/abc/disclosure')).statusCode).toBe(422);
  });

  it('shows a village without funds as an empty list', async () => {
    const res = await get(`/api/public/villages/${s.b.village.id}/disclosure`);
    expect(res.statusCode).toBe(200);
    expect(res.json().years).toEqual([]);
  });
});

describe('fund uses', () => {
  it('records uses up to the amount and refuses to overspend (409), storing nothing', async () => {
    const id = await storeRecord(
      env,
      pairingA,
      s.a.users.unit_admin.id,
      fund('2025-02-01', 10_000),
    );
    const village = s.a.users.village_admin.cookie;
    const first = await addUse(
      id,
      { date: '2025-02-10', amount: 6_000, purpose: '购置桌椅' },
      village,
    );
    expect(first.statusCode, first.body).toBe(201);
    const view = first.json() as FundUsesView;
    expect(view).toMatchObject({ recordId: id, amount: 10_000, used: 6_000, balance: 4_000 });
    expect(view.items).toEqual([
      { id: expect.any(Number), date: '2025-02-10', amount: 6_000, purpose: '购置桌椅' },
    ]);
    expect(view.abilities).toEqual({ addUse: true });

    // The town records for its village too.
    const town = await addUse(
      id,
      { date: '2025-03-01', amount: 3_000, purpose: '宣传栏' },
      s.a.users.town_admin.cookie,
    );
    expect(town.statusCode, town.body).toBe(201);

    const over = await addUse(id, { date: '2025-03-02', amount: 1_001, purpose: '超支' }, village);
    expect(over.statusCode).toBe(409);
    expect(over.json().error.code).toBe('overspent');
    expect(await useCount(id)).toBe(2);

    const exact = await addUse(id, { date: '2025-03-02', amount: 1_000, purpose: '余款' }, village);
    expect(exact.statusCode).toBe(201);
    expect(exact.json()).toMatchObject({ used: 10_000, balance: 0 });

    const list = await get(`/api/records/${id}/uses`, s.a.users.unit_admin.cookie);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ used: 10_000, balance: 0, abilities: { addUse: false } });
    expect(list.json().items.map((u: { purpose: string }) => u.purpose)).toEqual([
      '购置桌椅',
      '宣传栏',
      '余款',
    ]);
  });

  it('lets two concurrent uses together stay within the amount', async () => {
    const id = await storeRecord(
      env,
      pairingA,
      s.a.users.unit_admin.id,
      fund('2025-02-01', 10_000),
    );
    const village = s.a.users.village_admin.cookie;
    const answers = await Promise.all(
      [1, 2].map(() => addUse(id, { date: '2025-02-10', amount: 6_000, purpose: '并发' }, village)),
    );
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await useCount(id)).toBe(1);
  });

  it('refuses bad input with 422 and stores nothing', async () => {
    const id = await storeRecord(
      env,
      pairingA,
      s.a.users.unit_admin.id,
      fund('2025-02-01', 10_000),
    );
    const village = s.a.users.village_admin.cookie;
    const bad: Array<[unknown, string]> = [
      [{ date: '2025-02-30', amount: 100, purpose: '用途' }, 'date'],
      [{ date: '2025-02-10', amount: 0, purpose: '用途' }, 'amount'],
      [{ date: '2025-02-10', amount: 1.5, purpose: '用途' }, 'amount'],
      [{ date: '2025-02-10', amount: -5, purpose: '用途' }, 'amount'],
      [{ date: '2025-02-10', amount: 100, purpose: '  ' }, 'purpose'],
      [{ date: '2025-02-10', amount: 100, purpose: '用途\u0007' }, 'purpose'],
      [{ date: '2025-02-10', amount: 100, purpose: 'x'.repeat(201) }, 'purpose'],
      [{ date: '2025-02-10', amount: 100 }, 'purpose'],
      // Before the fund arrived, and after today.
      [{ date: '2025-01-31', amount: 100, purpose: '用途' }, 'date'],
      [{ date: '2025-06-16', amount: 100, purpose: '用途' }, 'date'],
    ];
    for (const [payload, field] of bad) {
      const res = await addUse(id, payload, village);
      expect(res.statusCode, JSON.stringify(payload)).toBe(422);
      expect(Object.keys(res.json().error.fields), JSON.stringify(payload)).toContain(field);
    }
    expect(await useCount(id)).toBe(0);
  });

  it('replays an idempotent retry instead of recording the use twice', async () => {
    const id = await storeRecord(
      env,
      pairingA,
      s.a.users.unit_admin.id,
      fund('2025-02-01', 10_000),
    );
    const village = s.a.users.village_admin.cookie;
    const payload = { date: '2025-02-10', amount: 2_000, purpose: '重试' };
    const first = await addUse(id, payload, village, 'retry-key-0001');
    const again = await addUse(id, payload, village, 'retry-key-0001');
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await useCount(id)).toBe(1);
  });

  it('refuses the unit (403), a disputed fund (409) and a record that is not a fund (404)', async () => {
    const id = await storeRecord(
      env,
      pairingA,
      s.a.users.unit_admin.id,
      fund('2025-02-01', 10_000),
    );
    const payload = { date: '2025-02-10', amount: 100, purpose: '用途' };
    expect((await addUse(id, payload, s.a.users.unit_admin.cookie)).statusCode).toBe(403);
    const disputed = await storeRecord(
      env,
      pairingA,
      s.a.users.unit_admin.id,
      fund('2025-02-01', 10_000),
      {
        state: 'disputed',
      },
    );
    const refused = await addUse(disputed, payload, s.a.users.village_admin.cookie);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('fund_not_open');
    const visit = await storeRecord(env, pairingA, s.a.users.unit_admin.id, {
      type: 'visit',
      date: '2025-02-01',
      place: '村委会',
      narrative: '走访',
      people: { rosterIds: [], others: [] },
      department: true,
    });
    expect((await addUse(visit, payload, s.a.users.village_admin.cookie)).statusCode).toBe(404);
    expect(
      (await get(`/api/records/${visit}/uses`, s.a.users.village_admin.cookie)).statusCode,
    ).toBe(404);
    // Side B's fund is outside the village's scope.
    const other = await storeRecord(
      env,
      pairingB,
      s.b.users.unit_admin.id,
      fund('2025-02-01', 10_000, { source: 'district_pool' }),
    );
    expect((await addUse(other, payload, s.a.users.village_admin.cookie)).statusCode).toBe(404);
  });
});

describe('donor letter', () => {
  it('answers a .docx to the donor with the year’s funds, each use, the balance and thanks', async () => {
    const pairing = await signedPairing(env, {
      city: s.shanghai,
      urban: s.a.unit,
      rural: s.a.village,
    });
    const id = await storeRecord(
      env,
      pairing,
      s.a.users.unit_admin.id,
      fund('2025-01-20', 66_000, { purpose: '路灯安装资金' }),
    );
    await storeRecord(env, pairing, s.a.users.unit_admin.id, fund('2024-12-20', 11_111));
    await addUse(
      id,
      { date: '2025-02-01', amount: 12_345, purpose: '采购太阳能路灯' },
      s.a.users.village_admin.cookie,
    );

    const res = await get(
      `/api/pairings/${pairing}/donor-letter?year=2025`,
      s.a.users.unit_admin.cookie,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const xml = await documentXml(res.rawPayload);
    expectOfficialLayout(xml);
    for (const text of [
      '结对帮扶资金使用情况反馈函',
      `${s.a.unit.name}：`,
      '路灯安装资金',
      '66,000',
      '采购太阳能路灯',
      '12,345',
      '结余53,655元',
      '衷心感谢贵单位',
    ])
      expect(xml).toContain(text);
    expect(xml).not.toContain('11,111');

    const empty = await get(
      `/api/pairings/${pairing}/donor-letter?year=2023`,
      s.a.users.village_admin.cookie,
    );
    expect(empty.statusCode).toBe(200);
    expect(await documentXml(empty.rawPayload)).toContain('没有经双方确认计入台账的帮扶资金');

    expect(
      (await get(`/api/pairings/${pairing}/donor-letter?year=1999`, s.a.users.unit_admin.cookie))
        .statusCode,
    ).toBe(422);
    expect(
      (await get(`/api/pairings/${pairing}/donor-letter`, s.a.users.unit_admin.cookie)).statusCode,
    ).toBe(422);
  });
});

describe('deductible cap (R-TAX-CAP)', () => {
  const put = (unitId: number, year: number | string, payload: unknown, cookie: string) =>
    env.app.inject({
      method: 'PUT',
      url: `/api/orgs/${unitId}/profits/${year}`,
      headers: { cookie },
      payload: payload as Record<string, unknown>,
    });

  it('sets an enterprise’s profit and answers donations through eligible channels against 12%', async () => {
    const unit = s.b.unit; // 企业
    const enteredBy = s.b.users.unit_admin.id;
    await storeRecord(env, pairingB, enteredBy, fund('2025-01-10', 50_000, { channel: 'charity' }));
    await storeRecord(
      env,
      pairingB,
      enteredBy,
      fund('2025-02-10', 30_000, { channel: 'government' }),
    );
    await storeRecord(env, pairingB, enteredBy, fund('2025-03-10', 20_000, { channel: 'direct' }));
    // Not the unit's own money, not this year, not counted yet: none of them count.
    await storeRecord(
      env,
      pairingB,
      enteredBy,
      fund('2025-03-11', 9_000, { source: 'district_pool' }),
    );
    await storeRecord(env, pairingB, enteredBy, fund('2024-12-31', 9_000));
    await storeRecord(env, pairingB, enteredBy, fund('2025-06-14', 9_000), { state: 'pending' });

    const res = await put(unit.id, 2025, { profit: 500_000 }, s.b.users.unit_admin.cookie);
    expect(res.statusCode, res.body).toBe(200);
    const tax = res.json() as UnitTax;
    expect(tax).toMatchObject({
      unit: { id: unit.id, name: unit.name, unitType: '企业' },
      year: 2025,
      enterprise: true,
      donations: { direct: 20_000, charity: 50_000, government: 30_000 },
      eligible: 80_000,
      pairing: null,
      profitVisible: true,
      profit: 500_000,
      cap: 60_000,
      deductible: 60_000,
      excess: 20_000,
      abilities: { setProfit: true },
    });

    const unitRead = await get(`/api/units/${unit.id}/tax?year=2025`, s.b.users.unit_admin.cookie);
    expect(unitRead.json()).toEqual(tax);

    // The village reads the pairing's donations but not the enterprise's profit.
    const village = await get(
      `/api/pairings/${pairingB}/tax?year=2025`,
      s.b.users.village_admin.cookie,
    );
    expect(village.statusCode).toBe(200);
    expect(village.json()).toMatchObject({
      eligible: 80_000,
      pairing: { id: pairingB, eligible: 80_000, direct: 20_000 },
      profitVisible: false,
      profit: null,
      cap: null,
      deductible: null,
      excess: null,
      abilities: { setProfit: false },
    });

    // A loss year: no cap, all excess; a district admin above the unit may enter it.
    const central = await signedInUser(env, 'dsc.central.admin', 'district_admin', s.central.id);
    const loss = await put(unit.id, 2025, { profit: -100_000 }, central.cookie);
    expect(loss.statusCode, loss.body).toBe(200);
    expect(loss.json()).toMatchObject({ profit: -100_000, cap: 0, deductible: 0, excess: 80_000 });
    const [stored] = await env.dbh.db
      .select()
      .from(unitProfits)
      .where(sql`${unitProfits.orgId} = ${unit.id}`);
    expect(stored.profit).toBe(-100_000);

    // Under the cap: all deductible.
    const big = await put(unit.id, 2025, { profit: 10_000_000 }, s.b.users.unit_admin.cookie);
    expect(big.json()).toMatchObject({ cap: 1_200_000, deductible: 80_000, excess: 0 });
  });

  it('refuses a unit that is not an enterprise (409) and bad input (422), storing nothing', async () => {
    const before = await env.dbh.db.select().from(unitProfits);
    const nonEnterprise = await put(
      s.a.unit.id,
      2025,
      { profit: 1_000 },
      s.a.users.unit_admin.cookie,
    );
    expect(nonEnterprise.statusCode).toBe(409);
    expect(nonEnterprise.json().error.code).toBe('not_enterprise');
    const cookie = s.b.users.unit_admin.cookie;
    for (const [year, payload] of [
      [2025, { profit: 1.5 }],
      [2025, { profit: '1000' }],
      [2025, { profit: 2e12 }],
      [2025, {}],
      [1999, { profit: 1_000 }],
      ['abcd', { profit: 1_000 }],
    ] as const) {
      expect(
        (await put(s.b.unit.id, year, payload, cookie)).statusCode,
        JSON.stringify(payload),
      ).toBe(422);
    }
    expect(await env.dbh.db.select().from(unitProfits)).toEqual(before);
    const tax = await get(`/api/units/${s.a.unit.id}/tax?year=2025`, s.a.users.unit_admin.cookie);
    expect(tax.json()).toMatchObject({
      enterprise: false,
      profit: null,
      cap: null,
      abilities: { setProfit: false },
    });
  });
});

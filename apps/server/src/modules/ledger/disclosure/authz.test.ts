import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callers,
  checkAuthz,
  only,
  type AuthzRoute,
  type Expectation,
} from '../../../../test/authz.ts';
import { createTestEnv, type TestEnv } from '../../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../../test/scenario.ts';
import { orgs } from '../../orgs/schema.ts';
import { fund, signedPairing, storeRecord } from './test-support.ts';

// Side A sits: city_admin 上海市, district_admin and inspector 金山区 (the village's district, not
// the unit's committee), town_admin 朱泾镇, unit_admin and member the unit, village_admin 民主村.
// Side B's pair (黄浦区's unit ↔ 青浦区's village) lies inside 上海市 only.

let env: TestEnv;
let s: Scenario;
let mine: number;
let theirs: number;
let myFund: number;
let theirFund: number;

beforeAll(async () => {
  env = await createTestEnv();
  env.clock.set('2025-06-15T10:00:00+08:00');
  s = await createScenario(env, 'dsz');
  // The unit must be an enterprise for its profit to be entered at all.
  await env.dbh.db.update(orgs).set({ unitType: '企业' }).where(eq(orgs.id, s.a.unit.id));
  mine = await signedPairing(env, { city: s.shanghai, urban: s.a.unit, rural: s.a.village });
  theirs = await signedPairing(env, { city: s.shanghai, urban: s.b.unit, rural: s.b.village });
  myFund = await storeRecord(env, mine, s.a.users.unit_admin.id, fund('2025-03-01', 1_000_000));
  theirFund = await storeRecord(
    env,
    theirs,
    s.b.users.unit_admin.id,
    fund('2025-03-01', 1_000_000),
  );
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
/** Side B's pair: only the city admin's scope holds it; a member may not read at all. */
const cityOnly = only({ city_admin: 200 }, 404);
cityOnly.member = 403;

const anyone: Expectation = { ...only({}, 200), anonymous: 200 };

let keys = 0;

/** Call a write as every caller with its own idempotency key, body or file. */
async function matrix(request: (cookie: string) => Promise<number>) {
  const actual = {} as Expectation;
  for (const caller of callers)
    actual[caller] = (await request(
      caller === 'anonymous' ? '' : s.actors[caller].cookie,
    )) as Expectation[typeof caller];
  return actual;
}

const addUse = (recordId: number) => (cookie: string) =>
  env.app
    .inject({
      method: 'POST',
      url: `/api/records/${recordId}/uses`,
      headers: { cookie, 'idempotency-key': `authz-use-${++keys}` },
      payload: { date: '2025-03-05', amount: 10, purpose: '权限测试' },
    })
    .then((r) => r.statusCode);

async function oneVisitWorkbook() {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('走访');
  sheet.addRow(['日期*', '地点', '负责部门参加*', '情况记述']);
  sheet.addRow(['2025-03-01', '村委', '是', '权限测试']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const importInto = (pairingId: number, file: Buffer) => (cookie: string) => {
  const boundary = '----authz';
  return env.app
    .inject({
      method: 'POST',
      url: `/api/pairings/${pairingId}/records/import`,
      headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\n`,
        ),
        file,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    })
    .then((r) => r.statusCode);
};

describe('authorization matrix of the disclosure and archive routes', () => {
  it('answers every read as the scope says; the public page to anyone', async () => {
    const routes: AuthzRoute[] = [
      { method: 'GET', url: `/api/public/villages/${s.a.village.id}/disclosure`, expect: anyone },
      { method: 'GET', url: `/api/public/villages/${s.b.village.id}/disclosure`, expect: anyone },
      { method: 'GET', url: `/api/records/${myFund}/uses`, expect: readers },
      { method: 'GET', url: `/api/records/${theirFund}/uses`, expect: cityOnly },
      { method: 'GET', url: `/api/pairings/${mine}/donor-letter?year=2025`, expect: readers },
      { method: 'GET', url: `/api/pairings/${theirs}/donor-letter?year=2025`, expect: cityOnly },
      { method: 'GET', url: `/api/pairings/${mine}/tax?year=2025`, expect: readers },
      { method: 'GET', url: `/api/pairings/${theirs}/tax?year=2025`, expect: cityOnly },
      // A unit's own figures: those whose scope holds the unit (金山区 holds the village only).
      {
        method: 'GET',
        url: `/api/units/${s.a.unit.id}/tax?year=2025`,
        expect: { ...only({ city_admin: 200, unit_admin: 200 }, 404), member: 403 },
      },
      { method: 'GET', url: `/api/units/${s.b.unit.id}/tax?year=2025`, expect: cityOnly },
      { method: 'GET', url: `/api/pairings/${mine}/archive.xlsx`, expect: readers },
      { method: 'GET', url: `/api/pairings/${theirs}/archive.xlsx`, expect: cityOnly },
      { method: 'GET', url: `/api/pairings/${mine}/archive.docx`, expect: readers },
      { method: 'GET', url: `/api/pairings/${theirs}/archive.docx`, expect: cityOnly },
      {
        method: 'PUT',
        url: `/api/orgs/${s.a.unit.id}/profits/2025`,
        body: { profit: 1_000_000 },
        // The city admin reads the unit but does not enter its profit; 金山区 does not hold it.
        expect: { ...only({ city_admin: 403, unit_admin: 200 }, 404), member: 403 },
      },
      {
        method: 'PUT',
        url: `/api/orgs/${s.b.unit.id}/profits/2025`,
        body: { profit: 1_000_000 },
        expect: { ...only({ city_admin: 403 }, 404), member: 403 },
      },
    ];
    await checkAuthz(env, s, routes);
  });

  it('lets only the village and its town record a fund’s uses', async () => {
    expect(await matrix(addUse(myFund))).toEqual(only({ village_admin: 201, town_admin: 201 }));
    expect(await matrix(addUse(theirFund))).toEqual({
      ...only({ city_admin: 403 }, 404),
      member: 403,
    });
  });

  it('lets either side import records, nobody else', async () => {
    const file = await oneVisitWorkbook();
    // 金山区 is above the village but is not the unit's district: not a side of this pair.
    expect(await matrix(importInto(mine, file))).toEqual(
      only({ unit_admin: 201, village_admin: 201, town_admin: 201 }),
    );
    // Roles that never record are refused before the pairing is looked up.
    expect(await matrix(importInto(theirs, file))).toEqual({
      ...only({ city_admin: 403, inspector: 403 }, 404),
      member: 403,
    });
  });

  it('shows the public nothing personal', async () => {
    const res = await env.app.inject({
      method: 'GET',
      url: `/api/public/villages/${s.a.village.id}/disclosure`,
    });
    const body = res.body;
    expect(res.json().years[0].funds).toHaveLength(1);
    for (const personal of [
      s.a.unit.contactName!,
      s.a.unit.contactPhone!,
      '王建国',
      '13800005678',
      '党群服务中心',
      'SJ-2025-001',
      'narrative',
      'people',
      'phone',
      'enteredBy',
      'receiptNo',
    ])
      expect(body).not.toContain(personal);
  });
});

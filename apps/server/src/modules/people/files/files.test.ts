// The registry's workbooks (issue 14 items 1 and 6): template, an all-or-nothing import with row
// errors that never show a number in full, idempotent replay, and exports that need a reason.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../../test/scenario.ts';
import { queryRows } from '../../../lib/rows.ts';
import { fakeIdNumber, insertPerson } from '../test-support.ts';
import { peopleWorkbook, sheetHeader, sheetRows, uploadPeople } from './test-support.ts';

let env: TestEnv;
let s: Scenario;
beforeAll(async () => {
  env = await createTestEnv();
  s = await createScenario(env, 'pfile');
});
afterAll(() => env.close());

const count = async () =>
  (await queryRows<{ n: number }>(env.dbh.db, sql`select count(*)::int as n from persons`))[0].n;

let serial = 800;
const row = (over: Partial<Record<number, string>> = {}) => {
  const cells = [
    '王大伟',
    '党员',
    '男',
    fakeIdNumber((serial += 1)),
    '13512345678',
    '困难党员',
    '',
    '',
  ];
  for (const [i, v] of Object.entries(over)) cells[Number(i)] = v!;
  return cells;
};

describe('people workbooks', () => {
  it('downloads a template that imports as filled in', async () => {
    const cookie = s.a.users.village_admin.cookie;
    const res = await env.app.inject({
      method: 'GET',
      url: `/api/orgs/${s.a.village.id}/people/template.xlsx`,
      headers: { cookie },
    });
    expect(res.statusCode).toBe(200);
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]).toEqual(sheetHeader);
    const other = await env.app.inject({
      method: 'GET',
      url: `/api/orgs/${s.b.village.id}/people/template.xlsx`,
      headers: { cookie },
    });
    expect(other.statusCode).toBe(404);
  });

  it('imports every row, replays a retry, refuses the key with another file', async () => {
    const cookie = s.a.users.town_admin.cookie;
    const file = await peopleWorkbook([
      row(),
      row({ 1: '群众', 2: '女', 4: '', 5: '困难群众、离退休' }),
      row({ 6: s.b.unit.name, 5: '' }),
    ]);
    const before = await count();
    const res = await uploadPeople(env, s.a.village.id, cookie, file, 'pfile-ok-1');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ imported: 3 });
    expect(await count()).toBe(before + 3);
    const list = await env.app.inject({
      method: 'GET',
      url: `/api/people?orgId=${s.a.village.id}&tag=retired`,
      headers: { cookie },
    });
    expect(list.json().items[0]).toMatchObject({
      kind: 'resident',
      gender: 'female',
      phoneMasked: null,
    });
    const seenByUnit = await env.app.inject({
      method: 'GET',
      url: `/api/people`,
      headers: { cookie: s.b.users.unit_admin.cookie },
    });
    expect(seenByUnit.json().total).toBe(1);

    const again = await uploadPeople(env, s.a.village.id, cookie, file, 'pfile-ok-1');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(await count()).toBe(before + 3);
    const otherFile = await peopleWorkbook([row()]);
    const misuse = await uploadPeople(env, s.a.village.id, cookie, otherFile, 'pfile-ok-1');
    expect(misuse.statusCode).toBe(422);
    expect(await count()).toBe(before + 3);
  });

  it('answers every row error, masked, and stores nothing', async () => {
    const cookie = s.a.users.village_admin.cookie;
    const registered = fakeIdNumber(880);
    await insertPerson(env, { orgId: s.a.unit.id, idNumber: registered });
    const badCheck = `${fakeIdNumber(881).slice(0, 17)}${fakeIdNumber(881).endsWith('1') ? '2' : '1'}`;
    const twice = fakeIdNumber(882);
    const file = await peopleWorkbook([
      row(),
      row({ 3: badCheck }),
      row({ 3: twice }),
      row({ 3: twice }),
      row({ 3: registered }),
      row({ 5: '困难党员、神仙' }),
      row({ 1: '干部', 4: '12345' }),
      row({ 6: '不存在的村' }),
    ]);
    const before = await count();
    const res = await uploadPeople(env, s.a.village.id, cookie, file, 'pfile-bad-1');
    expect(res.statusCode).toBe(422);
    const { error } = res.json();
    expect(error.code).toBe('import_rejected');
    const cells = error.rows.map((e: { row: number; column: string }) => `${e.row}:${e.column}`);
    expect(cells).toEqual([
      '3:身份证号',
      '5:身份证号',
      '6:身份证号',
      '7:身份标签',
      '8:类别',
      '8:电话',
      '9:双重登记组织',
    ]);
    expect(error.rows[1].message).toBe('与第 4 行的身份证号重复');
    expect(error.rows[2].message).toContain(
      `${registered.slice(0, 6)}********${registered.slice(-4)}`,
    );
    expect(error.rows[2].message).toContain(s.a.unit.name);
    for (const n of [badCheck, twice, registered]) expect(res.body).not.toContain(n);
    expect(await count()).toBe(before);
  });

  it('refuses a file without a required column, and one of 5,001 rows', async () => {
    const cookie = s.a.users.village_admin.cookie;
    const missing = await peopleWorkbook([row().slice(0, 3)], sheetHeader.slice(0, 3));
    const res = await uploadPeople(env, s.a.village.id, cookie, missing, 'pfile-missing');
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'bad_header' });
    expect(res.json().error.message).toContain('身份证号');

    const many = await peopleWorkbook(Array.from({ length: 5001 }, () => row()));
    const big = await uploadPeople(env, s.a.village.id, cookie, many, 'pfile-big');
    expect(big.statusCode).toBe(422);
    expect(big.json().error.code).toBe('workbook_too_large');
    expect(big.json().error.message).toContain('5,000');
  });

  it('exports with a reason, masked unless full numbers are asked for and allowed', async () => {
    const idNumber = fakeIdNumber(890);
    await insertPerson(env, {
      orgId: s.a.village.id,
      idNumber,
      phone: '13344445555',
      name: '导出测试',
    });
    const exportAs = (cookie: string, body: unknown) =>
      env.app.inject({
        method: 'POST',
        url: '/api/people/export',
        headers: { cookie },
        payload: body as object,
      });
    const filter = { q: '导出测试' };

    const noReason = await exportAs(s.a.users.village_admin.cookie, { filter });
    expect(noReason.statusCode).toBe(422);

    const masked = await exportAs(s.a.users.inspector.cookie, { reason: '季度核查名册', filter });
    expect(masked.statusCode).toBe(200);
    const maskedRows = await sheetRows(masked.rawPayload);
    expect(maskedRows).toHaveLength(2);
    expect(maskedRows[1]).toContain(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`);
    expect(maskedRows[1]).toContain('133****5555');

    const refused = await exportAs(s.a.users.inspector.cookie, {
      reason: '季度核查名册',
      full: true,
      filter,
    });
    expect(refused.statusCode).toBe(403);

    const full = await exportAs(s.a.users.village_admin.cookie, {
      reason: '报送民政部门',
      full: true,
      filter,
    });
    expect(full.statusCode).toBe(200);
    expect((await sheetRows(full.rawPayload))[1]).toEqual(
      expect.arrayContaining([idNumber, '13344445555', s.a.village.name]),
    );

    const audits = await queryRows<{ text: string; after: { count: number; full: boolean } }>(
      env.dbh.db,
      sql`select after::text as text, after from audit_log where action = 'people.exported' order by id`,
    );
    expect(audits.map((a) => [a.after.count, a.after.full])).toEqual([
      [1, false],
      [1, true],
    ]);
    expect(audits[1].text).toContain('报送民政部门');
    for (const a of audits) expect(a.text).not.toContain(idNumber);
  });
});

// The care archive (R-CARE, R-DOUBLE-PAIR): opening, correcting and closing a case, help entries,
// the adopting organization (双结对), who sees what, refusals, replays, races and the export.
import ExcelJS from 'exceljs';
import { desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { queryRows } from '../../lib/rows.ts';
import { auditLog } from '../audit/schema.ts';
import { insertPerson } from '../people/test-support.ts';
import { careCall, caseInput, help, openedCase } from './test-support.ts';

let env: TestEnv;
let s: Scenario;
const cookie = (side: 'a' | 'b', role: keyof Scenario['a']['users']) => s[side].users[role].cookie;

beforeAll(async () => {
  env = await createTestEnv();
  s = await createScenario(env, 'care');
});
afterAll(() => env.close());

const helpCount = async (caseId: number) =>
  (
    await queryRows<{ n: number }>(
      env.dbh.db,
      sql`select count(*)::int as n from care_help where case_id = ${caseId}`,
    )
  )[0]!.n;

describe('care cases', () => {
  it('opens, helps, adopts (双结对), closes and reopens', async () => {
    const village = cookie('a', 'village_admin');
    const opened = await openedCase(env, village, s.a.village.id);
    expect(opened).toMatchObject({
      kind: 'member',
      difficulties: ['illness', 'lowIncome'],
      state: 'open',
      openedOn: '2024-01-02',
      carer: null,
      helpCount: 0,
      abilities: { update: true, close: true, adopt: true, addHelp: true },
    });
    expect(opened.person.orgId).toBe(s.a.village.id);
    expect(opened.person.idNumberMasked).toMatch(/^110101\*{8}\d{3}[\dX]$/);
    const id = opened.id;

    const material = await careCall(env, village, 'POST', `/care/cases/${id}/help`, {
      ...help({ kind: 'material', amount: 800, text: '送米面油', givenByOrgId: s.a.village.id }),
    });
    expect(material.statusCode, material.body).toBe(201);
    expect(material.json().case.help[0]).toMatchObject({
      kind: 'material',
      amount: 800,
      givenByOrg: { id: s.a.village.id },
      givenByName: '王建国',
    });
    // The town above the village keeps the case too.
    const town = await careCall(
      env,
      cookie('a', 'town_admin'),
      'POST',
      `/care/cases/${id}/help`,
      help({ kind: 'employment', text: '推荐到镇合作社务工', date: '2026-02-21' }),
    );
    expect(town.statusCode, town.body).toBe(201);

    // The unit sees nothing of the case until it adopts the person.
    const unit = cookie('a', 'unit_admin');
    expect((await careCall(env, unit, 'GET', `/care/cases/${id}`)).statusCode).toBe(404);
    const adopt = await careCall(env, village, 'PUT', `/care/cases/${id}/carer`, {
      carerOrgId: s.a.unit.id,
      since: '2025-07-01',
    });
    expect(adopt.statusCode, adopt.body).toBe(200);
    expect(adopt.json().case.carer).toEqual({ id: s.a.unit.id, name: s.a.unit.name });

    const seen = await careCall(env, unit, 'GET', `/care/cases/${id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().case.abilities).toEqual({
      update: false,
      close: false,
      adopt: false,
      addHelp: true,
    });
    const list = await careCall(env, unit, 'GET', '/care/cases');
    expect(list.json().items.map((c: { id: number }) => c.id)).toContain(id);
    const byUnit = await careCall(
      env,
      unit,
      'POST',
      `/care/cases/${id}/help`,
      help({ givenByOrgId: s.a.unit.id, givenByName: '' }),
    );
    expect(byUnit.statusCode, byUnit.body).toBe(201);
    expect(byUnit.json().case.helpCount).toBe(3);
    const unitCloses = await careCall(env, unit, 'POST', `/care/cases/${id}/close`, {
      closedOn: '2026-02-25',
      reason: '已脱困',
    });
    expect(unitCloses.statusCode).toBe(403);

    const update = await careCall(env, village, 'PUT', `/care/cases/${id}`, {
      kind: 'retiredMember',
      difficulties: ['elderly'],
      description: '独居老党员',
      openedOn: '2024-01-01',
    });
    expect(update.statusCode, update.body).toBe(200);
    expect(update.json().case).toMatchObject({ kind: 'retiredMember', difficulties: ['elderly'] });

    const close = await careCall(env, village, 'POST', `/care/cases/${id}/close`, {
      closedOn: '2026-02-25',
      reason: '已脱困',
    });
    expect(close.statusCode, close.body).toBe(200);
    expect(close.json().case).toMatchObject({
      state: 'closed',
      closedOn: '2026-02-25',
      closeReason: '已脱困',
      abilities: { update: false, close: false, adopt: false, addHelp: false },
    });
    const after = await careCall(env, village, 'POST', `/care/cases/${id}/help`, help());
    expect(after.statusCode).toBe(409);
    expect(after.json().error.code).toBe('case_closed');
    expect(await helpCount(id)).toBe(3);

    const again = await careCall(
      env,
      village,
      'POST',
      '/care/cases',
      caseInput(close.json().case.person.id),
    );
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().case.id).not.toBe(id);
  });

  it('keeps the audit masked: ids and codes, no free text, masked names', async () => {
    const village = cookie('a', 'village_admin');
    const opened = await openedCase(env, village, s.a.village.id);
    const res = await careCall(
      env,
      village,
      'POST',
      `/care/cases/${opened.id}/help`,
      help({ text: '谈心谈话，了解家中困难' }),
    );
    expect(res.statusCode).toBe(201);
    const [entry] = await env.dbh.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'care.helpAdded'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry).toMatchObject({ entity: 'care_case', entityId: String(opened.id) });
    expect(entry!.scopePath).toBe(s.a.village.path);
    expect(entry!.after).toMatchObject({
      kind: 'thought',
      givenByName: '王**',
      text: { chars: 11 },
    });
    expect(JSON.stringify(entry!.after)).not.toContain('谈心');
  });

  it('refuses bad input with 422 and changes nothing', async () => {
    const village = cookie('a', 'village_admin');
    const resident = await insertPerson(env, { orgId: s.a.village.id, kind: 'resident' });
    const member = await insertPerson(env, { orgId: s.a.village.id });
    const count = async () =>
      (
        await queryRows<{ n: number }>(env.dbh.db, sql`select count(*)::int as n from care_cases`)
      )[0]!.n;
    const before = await count();
    const refusals = [
      { ...caseInput(resident), kind: 'member' },
      { ...caseInput(member), openedOn: '2026-03-02' },
      { ...caseInput(member), difficulties: [] },
      { ...caseInput(member), difficulties: ['illness', 'illness'] },
      { ...caseInput(member), difficulties: ['hunger'] },
      { ...caseInput(member), description: '家中\u0007困难' },
      { ...caseInput(member), openedOn: '2024-02-30' },
    ];
    for (const body of refusals) {
      const res = await careCall(env, village, 'POST', '/care/cases', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
    }
    expect(await count()).toBe(before);

    const opened = await openedCase(env, village, s.a.village.id);
    const badHelp = [
      help({ kind: 'material' }),
      help({ amount: 100 }),
      help({ givenByName: '' }),
      help({ date: '2023-12-31' }),
      help({ date: '2026-03-02' }),
      help({ text: '' }),
      help({ kind: 'material', amount: -5 }),
      help({ givenByOrgId: 987654321 }),
      help({ festival: 'springFestival' }),
      help({ festival: 'springFestival', festivalYear: 2026, date: '2026-01-17' }),
      help({ festival: 'julyFirst', festivalYear: 2025, date: '2025-07-17' }),
    ];
    for (const body of badHelp) {
      const res = await careCall(env, village, 'POST', `/care/cases/${opened.id}/help`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
    }
    expect(await helpCount(opened.id)).toBe(0);
    const adoptSelf = await careCall(env, village, 'PUT', `/care/cases/${opened.id}/carer`, {
      carerOrgId: s.a.village.id,
      since: '2025-01-01',
    });
    expect(adoptSelf.statusCode).toBe(422);
    const halfAdopt = await careCall(env, village, 'PUT', `/care/cases/${opened.id}/carer`, {
      carerOrgId: s.a.unit.id,
      since: null,
    });
    expect(halfAdopt.statusCode).toBe(422);
    const closeEarly = await careCall(env, village, 'POST', `/care/cases/${opened.id}/close`, {
      closedOn: '2023-01-01',
      reason: '已脱困',
    });
    expect(closeEarly.statusCode).toBe(422);
    const got = await careCall(env, village, 'GET', `/care/cases/${opened.id}`);
    expect(got.json().case).toMatchObject({ state: 'open', carer: null });
  });

  it('refuses a second open case (409) and a person outside the scope (404)', async () => {
    const village = cookie('a', 'village_admin');
    const opened = await openedCase(env, village, s.a.village.id);
    const twice = await careCall(env, village, 'POST', '/care/cases', caseInput(opened.person.id));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('case_open');
    const outsider = await insertPerson(env, { orgId: s.b.village.id });
    const outside = await careCall(env, village, 'POST', '/care/cases', caseInput(outsider));
    expect(outside.statusCode).toBe(404);
    const unknown = await careCall(env, village, 'POST', '/care/cases', caseInput(987654321));
    expect(unknown.statusCode).toBe(404);
  });

  it('replays an idempotent open and help entry', async () => {
    const village = cookie('a', 'village_admin');
    const person = await insertPerson(env, { orgId: s.a.village.id });
    const first = await careCall(
      env,
      village,
      'POST',
      '/care/cases',
      caseInput(person),
      'care-open-1',
    );
    const second = await careCall(
      env,
      village,
      'POST',
      '/care/cases',
      caseInput(person),
      'care-open-1',
    );
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotency-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    const id = first.json().case.id;
    const h1 = await careCall(
      env,
      village,
      'POST',
      `/care/cases/${id}/help`,
      help(),
      'care-help-1',
    );
    const h2 = await careCall(
      env,
      village,
      'POST',
      `/care/cases/${id}/help`,
      help(),
      'care-help-1',
    );
    expect([h1.statusCode, h2.statusCode]).toEqual([201, 201]);
    expect(h2.json()).toEqual(h1.json());
    expect(await helpCount(id)).toBe(1);
    const other = await careCall(
      env,
      village,
      'POST',
      `/care/cases/${id}/help`,
      help({ text: '另一次' }),
      'care-help-1',
    );
    expect(other.statusCode).toBe(422);
  });

  it('lets one of two racing writers win', async () => {
    const village = cookie('a', 'village_admin');
    const town = cookie('a', 'town_admin');
    const person = await insertPerson(env, { orgId: s.a.village.id });
    const opens = await Promise.all([
      careCall(env, village, 'POST', '/care/cases', caseInput(person)),
      careCall(env, town, 'POST', '/care/cases', caseInput(person)),
    ]);
    expect(opens.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const id = opens.find((r) => r.statusCode === 201)!.json().case.id;
    const visit = help({ festival: 'springFestival', festivalYear: 2026, date: '2026-02-10' });
    const visits = await Promise.all([
      careCall(env, village, 'POST', `/care/cases/${id}/help`, visit),
      careCall(env, town, 'POST', `/care/cases/${id}/help`, visit),
    ]);
    expect(visits.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(visits.find((r) => r.statusCode === 409)!.json().error.code).toBe('visit_recorded');
    expect(await helpCount(id)).toBe(1);
  });

  it('shows a village its own people and a district only its districts', async () => {
    const a = await openedCase(env, cookie('a', 'village_admin'), s.a.village.id);
    const b = await openedCase(env, cookie('b', 'village_admin'), s.b.village.id);
    const ids = async (
      side: 'a' | 'b',
      role: 'village_admin' | 'town_admin' | 'district_admin' | 'city_admin' | 'inspector',
    ) =>
      (await careCall(env, cookie(side, role), 'GET', '/care/cases?pageSize=100'))
        .json()
        .items.map((c: { id: number }) => c.id);
    for (const role of ['village_admin', 'town_admin', 'district_admin', 'inspector'] as const) {
      expect(await ids('a', role)).toContain(a.id);
      expect(await ids('a', role)).not.toContain(b.id);
      expect(await ids('b', role)).toContain(b.id);
      expect(await ids('b', role)).not.toContain(a.id);
    }
    // 上海市 holds both sides; 嘉兴市 neither.
    expect(await ids('a', 'city_admin')).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await ids('b', 'city_admin')).toEqual([]);
    const filtered = await careCall(
      env,
      cookie('a', 'city_admin'),
      'GET',
      `/care/cases?orgId=${s.b.district.id}&pageSize=100`,
    );
    expect(filtered.json().items.map((c: { id: number }) => c.id)).not.toContain(a.id);
    const byName = await careCall(
      env,
      cookie('a', 'village_admin'),
      'GET',
      `/care/cases?q=${encodeURIComponent(a.person.name)}`,
    );
    expect(byName.json().items.map((c: { id: number }) => c.id)).toEqual([a.id]);
  });

  it('exports the cases in scope, masked, with a reason, audited', async () => {
    const village = cookie('a', 'village_admin');
    const opened = await openedCase(env, village, s.a.village.id);
    await careCall(env, village, 'POST', `/care/cases/${opened.id}/help`, help());
    const noReason = await careCall(env, village, 'POST', '/care/cases/export.xlsx', {});
    expect(noReason.statusCode).toBe(422);
    const res = await careCall(env, village, 'POST', '/care/cases/export.xlsx', {
      reason: '年度帮扶档案归档',
      state: 'open',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cases = book.getWorksheet('帮扶对象')!;
    const rows = cases.getSheetValues().slice(2) as unknown[][];
    const mine = rows.find((r) => r[1] === opened.id)!;
    expect(mine[2]).toBe(opened.person.name);
    expect(mine[5]).toBe(opened.person.idNumberMasked);
    expect(String(mine[6])).toContain('****');
    // Only the village's own people: none of side B.
    expect(rows.every((r) => r[7] === s.a.village.name)).toBe(true);
    expect(book.getWorksheet('帮扶记录')!.rowCount).toBeGreaterThan(1);
    const [entry] = await env.dbh.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'care.exported'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry!.after).toMatchObject({
      reason: '年度帮扶档案归档',
      filters: { state: 'open' },
      cases: rows.length,
    });
  });
});

import { evaluate } from '@pairing/policy';
import { sql } from 'drizzle-orm';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { queryRows } from '../../lib/rows.ts';
import { ledgerCall, moveClock, rosterOf, signedPairing } from './test-support.ts';

let env: TestEnv;
let s: Scenario;
let unit: string;
let village: string;
let town: string;

const START = '2026-03-01T09:00:00+08:00';

beforeAll(async () => {
  env = await createTestEnv();
  s = await createScenario(env, 'lrec');
  unit = s.a.users.unit_admin.cookie;
  village = s.a.users.village_admin.cookie;
  town = s.a.users.town_admin.cookie;
});
afterAll(() => env.close());
afterEach(() => moveClock(env, START));

const call = (
  cookie: string,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: unknown,
  key?: string,
) => ledgerCall(env, cookie, method, url, payload, key);

async function ok(cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  const res = await call(cookie, method, url, payload);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
}

const visit = (rosterIds: number[], date = '2026-02-20') => ({
  type: 'visit',
  date,
  place: '村委会',
  narrative: '走访困难户',
  people: { rosterIds, others: ['刘村长'] },
  department: true,
});
const activity = (category: string, date = '2026-02-21', extra = {}) => ({
  type: 'activity',
  date,
  place: '党群服务站',
  narrative: '联合开展活动',
  people: { rosterIds: [], others: [] },
  category,
  ...extra,
});
const fund = (amount: number, date = '2026-02-22', projectIndex: number | null = 0) => ({
  type: 'fund',
  date,
  form: 'cash',
  amount,
  source: 'unit',
  purpose: '活动室改造',
  projectIndex,
  channel: 'direct',
  receiptNo: 'SJ-001',
});
const report = (quarter: string, date = '2026-01-08') => ({
  type: 'report',
  date,
  quarter,
  body: '本季度工作情况如下……',
});
const progress = (projectIndex = 0) => ({
  type: 'progress',
  date: '2026-02-23',
  narrative: '主体完工',
  projectIndex,
  milestone: '主体结构完工',
  percent: 60,
  indicatorValue: 80,
});

async function recordsOf(pairingId: number) {
  return (await ok(unit, 'GET', `/pairings/${pairingId}/records?pageSize=100`)) as {
    total: number;
    items: Array<{ id: number; state: string }>;
  };
}

const auditCount = async () =>
  (await queryRows<{ n: number }>(env.dbh.db, sql`select count(*)::int as n from audit_log`))[0].n;

const storedStatus = async (pairingId: number) =>
  (
    await queryRows<{ at: string; status: unknown }>(
      env.dbh.db,
      sql`select pc.at::text as at, ps.status::jsonb || jsonb_build_object('at', pc.at::text)
          as status
        from pairing_compliance pc join pairing_status ps on ps.pairing_id = pc.pairing_id
        where pc.pairing_id = ${pairingId}`,
    )
  )[0];

describe('recording and confirming', () => {
  it('records a visit, the village confirms it and it counts', async () => {
    const p = await signedPairing(env, s);
    const [principal, , lead] = await rosterOf(env, p.id);
    const record = await ok(unit, 'POST', `/pairings/${p.id}/records`, visit([principal, lead]));
    expect(record).toMatchObject({
      side: 'urban',
      state: 'pending',
      countsFrom: '2026-03-15',
      counts: false,
      enteredBy: expect.any(String),
      abilities: { confirm: false, object: false, withdraw: true, settle: false, attach: true },
    });
    expect(record.participants).toEqual([
      { rosterId: principal, name: '王建国', role: 'principal' },
      { rosterId: lead, name: '张华', role: 'lead' },
      { rosterId: null, name: '刘村长', role: null },
    ]);

    const seen = await ok(village, 'GET', `/records/${record.id}`);
    expect(seen.abilities).toMatchObject({ confirm: true, object: true, withdraw: false });
    const awaiting = await ok(village, 'GET', '/records/awaiting');
    expect(awaiting.items.map((r: { id: number }) => r.id)).toContain(record.id);

    const confirmed = await ok(village, 'POST', `/records/${record.id}/confirm`);
    expect(confirmed).toMatchObject({ state: 'confirmed', countsFrom: '2026-03-01', counts: true });
    expect(confirmed.confirmedAt).toBe(new Date(START).toISOString());
    const after = await ok(village, 'GET', '/records/awaiting');
    expect(after.items.map((r: { id: number }) => r.id)).not.toContain(record.id);

    const ledger = await ok(unit, 'GET', `/pairings/${p.id}/ledger`);
    expect(ledger.pairing).toMatchObject({
      termStart: '2025-07-01',
      termEnd: '2028-06-30',
      weakVillage: true,
    });
    expect(ledger.events).toEqual([
      {
        id: `r${record.id}`,
        type: 'visit',
        date: '2026-02-20',
        people: [`p${principal}`, `p${lead}`],
        department: true,
      },
    ]);
    // The stored status is today's, refreshed by the confirmation, and the engine's own.
    const stored = await storedStatus(p.id);
    expect(stored.at).toBe('2026-03-01');
    expect(stored.status).toEqual(evaluate(ledger, '2026-03-01'));
    expect(await ok(unit, 'GET', `/pairings/${p.id}/compliance`)).toEqual(stored.status);
  });

  it('records each type with what it needs, and stores only what applies', async () => {
    const p = await signedPairing(env, s);
    const lesson = await ok(
      unit,
      'POST',
      `/pairings/${p.id}/records`,
      activity('party_lesson', '2026-02-21', { categoryLabel: '忽略' }),
    );
    expect(lesson.content).not.toHaveProperty('categoryLabel');
    const other = await ok(
      unit,
      'POST',
      `/pairings/${p.id}/records`,
      activity('other', '2026-02-21', { categoryLabel: '植树' }),
    );
    expect(other.content.categoryLabel).toBe('植树');
    await ok(unit, 'POST', `/pairings/${p.id}/records`, fund(50_000));
    await ok(unit, 'POST', `/pairings/${p.id}/records`, fund(8_000, '2026-02-22', null));
    await ok(unit, 'POST', `/pairings/${p.id}/records`, report('2025Q4'));
    const prog = await ok(village, 'POST', `/pairings/${p.id}/records`, progress(1));
    expect(prog.side).toBe('rural');
    const acceptance = await ok(village, 'POST', `/pairings/${p.id}/records`, {
      type: 'acceptance',
      date: '2026-02-24',
      narrative: '镇验收',
      projectIndex: 0,
      indicatorValue: 120,
      passed: true,
    });
    expect(acceptance.state).toBe('pending');
    expect((await recordsOf(p.id)).total).toBe(7);
    const funds = await ok(unit, 'GET', `/pairings/${p.id}/records?type=fund`);
    expect(funds.total).toBe(2);

    // 14 days on, every pending record counts; the `other` activity, progress and acceptance
    // are no engine events.
    const ledger = await ok(unit, 'GET', `/pairings/${p.id}/ledger?at=2026-03-15`);
    expect(ledger.events.map((e: { type: string }) => e.type).sort()).toEqual([
      'activity',
      'fund',
      'fund',
      'report',
    ]);
    expect(ledger.events.find((e: { type: string }) => e.type === 'report').period).toBe('2025Q4');
  });

  it('leaves progress and acceptance to the village and its town (403)', async () => {
    const p = await signedPairing(env, s);
    const res = await call(unit, 'POST', `/pairings/${p.id}/records`, progress());
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
    expect((await call(town, 'POST', `/pairings/${p.id}/records`, progress())).statusCode).toBe(
      201,
    );
  });

  it('takes one report per quarter and side (409), again once withdrawn', async () => {
    const p = await signedPairing(env, s);
    const first = await ok(unit, 'POST', `/pairings/${p.id}/records`, report('2025Q4'));
    const again = await call(unit, 'POST', `/pairings/${p.id}/records`, report('2025Q4'));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('report_exists');
    await ok(village, 'POST', `/pairings/${p.id}/records`, report('2025Q4'));
    await ok(unit, 'POST', `/records/${first.id}/withdraw`);
    await ok(unit, 'POST', `/pairings/${p.id}/records`, report('2025Q4'));
  });

  it('drafts the quarter’s report from its counted and pending records', async () => {
    const p = await signedPairing(env, s);
    const [principal] = await rosterOf(env, p.id);
    await ok(unit, 'POST', `/pairings/${p.id}/records`, visit([principal], '2026-01-15'));
    await ok(unit, 'POST', `/pairings/${p.id}/records`, activity('symposium', '2026-02-02'));
    await ok(unit, 'POST', `/pairings/${p.id}/records`, fund(30_000, '2026-02-10'));
    await ok(village, 'POST', `/pairings/${p.id}/records`, progress());
    const withdrawn = await ok(
      unit,
      'POST',
      `/pairings/${p.id}/records`,
      fund(99_999, '2026-02-11'),
    );
    await ok(unit, 'POST', `/records/${withdrawn.id}/withdraw`);
    const draft = await ok(village, 'GET', `/pairings/${p.id}/report-draft?quarter=2026Q1`);
    expect(draft.quarter).toBe('2026Q1');
    expect(draft.body).toContain('2026年第1季度');
    expect(draft.body).toContain('本季度走访 1 次');
    expect(draft.body).toContain('王建国（主要领导）');
    expect(draft.body).toContain('座谈会');
    expect(draft.body).toContain('30,000 元');
    expect(draft.body).not.toContain('99,999');
    expect(draft.body).toContain('进度 60%');
    expect(draft.body).toContain('待对方确认');
    const inspector = await call(
      s.a.users.inspector.cookie,
      'GET',
      `/pairings/${p.id}/report-draft?quarter=2026Q1`,
    );
    expect(inspector.statusCode).toBe(403);
  });
});

describe('refusals', () => {
  it('lets only the other side confirm, once', async () => {
    const p = await signedPairing(env, s);
    const r = await ok(unit, 'POST', `/pairings/${p.id}/records`, fund(1000));
    for (const [cookie, status] of [
      [unit, 403],
      [s.a.users.district_admin.cookie, 403],
      [s.a.users.inspector.cookie, 403],
      [s.a.users.city_admin.cookie, 403],
    ] as const) {
      const res = await call(cookie, 'POST', `/records/${r.id}/confirm`);
      expect(res.statusCode, res.body).toBe(status);
    }
    await ok(village, 'POST', `/records/${r.id}/confirm`);
    const twice = await call(town, 'POST', `/records/${r.id}/confirm`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('record_not_pending');
    const object = await call(village, 'POST', `/records/${r.id}/object`, { reason: '迟了' });
    expect(object.json().error.code).toBe('record_not_pending');
    const withdraw = await call(unit, 'POST', `/records/${r.id}/withdraw`);
    expect(withdraw.json().error.code).toBe('record_not_pending');
  });

  it('stops a disputed record counting until the town settles it; the unit may not', async () => {
    const p = await signedPairing(env, s);
    const r = await ok(village, 'POST', `/pairings/${p.id}/records`, activity('joint_meeting'));
    const own = await call(village, 'POST', `/records/${r.id}/object`, { reason: '不实' });
    expect(own.statusCode).toBe(403);
    const objected = await ok(unit, 'POST', `/records/${r.id}/object`, { reason: '未参加' });
    expect(objected).toMatchObject({ state: 'disputed', countsFrom: null, counts: false });
    expect(objected.objection).toMatchObject({ reason: '未参加', by: expect.any(String) });
    const ledger = await ok(unit, 'GET', `/pairings/${p.id}/ledger?at=2026-12-31`);
    expect(ledger.events).toEqual([]);

    const townQueue = await ok(town, 'GET', '/records/awaiting');
    expect(townQueue.items.map((x: { id: number }) => x.id)).toContain(r.id);
    expect(townQueue.items.find((x: { id: number }) => x.id === r.id).abilities.settle).toBe(true);

    for (const cookie of [unit, village, s.a.users.inspector.cookie]) {
      const res = await call(cookie, 'POST', `/records/${r.id}/settle`, {
        decision: 'count',
        note: '',
      });
      expect(res.statusCode).toBe(403);
    }
    const withdraw = await call(village, 'POST', `/records/${r.id}/withdraw`);
    expect(withdraw.json().error.code).toBe('record_not_pending');

    await moveClock(env, '2026-03-05T10:00:00+08:00');
    const upheld = await ok(town, 'POST', `/records/${r.id}/settle`, {
      decision: 'count',
      note: '经核实确有此次活动',
    });
    expect(upheld).toMatchObject({
      state: 'upheld',
      countsFrom: '2026-03-05',
      counts: true,
      settlement: { decision: 'count', note: '经核实确有此次活动' },
    });
    const again = await call(town, 'POST', `/records/${r.id}/settle`, {
      decision: 'reject',
      note: '',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('record_not_disputed');
    const at4 = await ok(unit, 'GET', `/pairings/${p.id}/ledger?at=2026-03-04`);
    const at5 = await ok(unit, 'GET', `/pairings/${p.id}/ledger?at=2026-03-05`);
    expect(at4.events).toEqual([]);
    expect(at5.events.map((e: { id: string }) => e.id)).toEqual([`r${r.id}`]);
  });

  it('lets the district settle and reject; a rejected record never counts', async () => {
    const p = await signedPairing(env, s);
    const r = await ok(unit, 'POST', `/pairings/${p.id}/records`, fund(2000));
    const pending = await call(town, 'POST', `/records/${r.id}/settle`, {
      decision: 'count',
      note: '',
    });
    expect(pending.statusCode).toBe(409);
    await ok(village, 'POST', `/records/${r.id}/object`, { reason: '未收到' });
    const rejected = await ok(s.a.users.district_admin.cookie, 'POST', `/records/${r.id}/settle`, {
      decision: 'reject',
      note: '无收据',
    });
    expect(rejected).toMatchObject({ state: 'rejected', countsFrom: null });
    expect((await ok(unit, 'GET', `/pairings/${p.id}/ledger?at=2028-06-30`)).events).toEqual([]);
  });

  it('lets only the entering side withdraw, before it counts', async () => {
    const p = await signedPairing(env, s);
    const r = await ok(unit, 'POST', `/pairings/${p.id}/records`, fund(3000));
    expect((await call(village, 'POST', `/records/${r.id}/withdraw`)).statusCode).toBe(403);
    const withdrawn = await ok(unit, 'POST', `/records/${r.id}/withdraw`);
    expect(withdrawn).toMatchObject({ state: 'withdrawn', countsFrom: null });
    expect((await call(unit, 'POST', `/records/${r.id}/withdraw`)).statusCode).toBe(409);
  });

  it('refuses recording to readers without a side, and the roster to the village', async () => {
    const p = await signedPairing(env, s);
    for (const role of ['city_admin', 'district_admin', 'inspector', 'member'] as const) {
      const res = await call(s.a.users[role].cookie, 'POST', `/pairings/${p.id}/records`, fund(1));
      expect(res.statusCode, role).toBe(403);
    }
    const roster = { name: '钱进', post: '书记', role: 'principal', from: '2025-07-01' };
    expect((await call(village, 'POST', `/pairings/${p.id}/roster`, roster)).statusCode).toBe(403);
    expect(
      (await call(town, 'PUT', `/pairings/${p.id}/department`, { responsibleDepartment: '办公室' }))
        .statusCode,
    ).toBe(403);
    const other = await signedPairing(env, s, { side: 'b' });
    expect((await call(unit, 'POST', `/pairings/${other.id}/records`, fund(1))).statusCode).toBe(
      404,
    );
  });
});

describe('the 14 days', () => {
  it('counts an unconfirmed record from the 14th day after entry, by `at`', async () => {
    const p = await signedPairing(env, s);
    const r = await ok(
      unit,
      'POST',
      `/pairings/${p.id}/records`,
      activity('culture_sports', '2026-02-25'),
    );
    const before = await ok(unit, 'GET', `/pairings/${p.id}/ledger?at=2026-03-14`);
    const from = await ok(unit, 'GET', `/pairings/${p.id}/ledger?at=2026-03-15`);
    expect(before.events).toEqual([]);
    expect(from.events).toEqual([
      { id: `r${r.id}`, type: 'activity', date: '2026-02-25', category: 'culture_sports' },
    ]);
    for (const [at, ledger] of [
      ['2026-03-14', before],
      ['2026-03-15', from],
    ] as const) {
      expect(await ok(unit, 'GET', `/pairings/${p.id}/compliance?at=${at}`)).toEqual(
        evaluate(ledger, at),
      );
    }
  });

  it('counts it once the clock has moved 14 days: no objection or withdrawal then (409)', async () => {
    const p = await signedPairing(env, s);
    const r = await ok(unit, 'POST', `/pairings/${p.id}/records`, fund(5000, '2026-02-28'));
    await moveClock(env, '2026-03-14T23:59:00+08:00');
    expect((await ok(village, 'GET', `/records/${r.id}`)).counts).toBe(false);
    await moveClock(env, '2026-03-15T00:01:00+08:00');
    const counted = await ok(village, 'GET', `/records/${r.id}`);
    expect(counted).toMatchObject({ counts: true, abilities: { object: false, confirm: true } });
    const object = await call(village, 'POST', `/records/${r.id}/object`, { reason: '太晚' });
    expect(object.statusCode).toBe(409);
    expect(object.json().error.code).toBe('record_counts');
    const withdraw = await call(unit, 'POST', `/records/${r.id}/withdraw`);
    expect(withdraw.json().error.code).toBe('record_counts');
    // Confirming it later keeps the day it started to count.
    await moveClock(env, '2026-03-20T10:00:00+08:00');
    expect((await ok(village, 'POST', `/records/${r.id}/confirm`)).countsFrom).toBe('2026-03-15');
  });
});

describe('bad input (422, nothing changed)', () => {
  it('refuses each bad record with the field named, leaving records and audit as they were', async () => {
    const p = await signedPairing(env, s);
    const [principal] = await rosterOf(env, p.id);
    const other = await signedPairing(env, s);
    const [foreign] = await rosterOf(env, other.id);
    const cases: Array<[string, unknown, string]> = [
      ['after today', fund(1, '2026-03-02'), 'date'],
      ['before the term', fund(1, '2025-06-30'), 'date'],
      ['no such day', fund(1, '2026-02-30'), 'date'],
      ['roster of another pairing', visit([principal, foreign]), 'people.rosterIds'],
      ['no such roster entry', visit([987_654]), 'people.rosterIds'],
      ['the same person twice', visit([principal, principal]), 'people.rosterIds'],
      ['project beyond the agreement', fund(1, '2026-02-01', 2), 'projectIndex'],
      ['other without its label', activity('other'), 'categoryLabel'],
      ['unknown category', activity('picnic'), 'category'],
      ['report quarter before the term', report('2025Q2', '2025-07-05'), 'quarter'],
      ['report before its quarter', report('2026Q2', '2026-03-01'), 'date'],
      ['bad quarter', report('2026Q5'), 'quarter'],
      ['control character', { ...fund(1), purpose: '修路\u0007' }, 'purpose'],
      ['newline in a line', { ...visit([]), place: '村委会\n二楼' }, 'place'],
      ['control in narrative', { ...visit([]), narrative: '走访\u001b[31m' }, 'narrative'],
      ['negative amount', fund(-5), 'amount'],
      ['zero amount', fund(0), 'amount'],
      ['fractional amount', fund(1.5), 'amount'],
      ['huge amount', fund(2_000_000_000), 'amount'],
      ['percent over 100', { ...progress(), percent: 101 }, 'percent'],
      ['negative indicator', { ...progress(), indicatorValue: -1 }, 'indicatorValue'],
      ['project index out of range', { ...progress(), projectIndex: 50 }, 'projectIndex'],
      ['empty report', { ...report('2025Q4'), body: '   ' }, 'body'],
      [
        'too many others',
        { ...visit([]), people: { rosterIds: [], others: Array(101).fill('某') } },
        'people.others',
      ],
    ];
    const records = (await recordsOf(p.id)).total;
    const audits = await auditCount();
    for (const [what, body, field] of cases) {
      const cookie = (body as { type: string }).type === 'progress' ? village : unit;
      const res = await call(cookie, 'POST', `/pairings/${p.id}/records`, body);
      expect(res.statusCode, `${what}: ${res.body}`).toBe(422);
      expect(Object.keys(res.json().error.fields), what).toContain(field);
    }
    const unknown = await call(unit, 'POST', `/pairings/${p.id}/records`, {
      type: 'party',
      date: '2026-02-01',
    });
    expect(unknown.statusCode).toBe(422);
    const noKey = await env.app.inject({
      method: 'POST',
      url: `/api/pairings/${p.id}/records`,
      headers: { cookie: unit },
      payload: fund(1),
    });
    expect(noKey.statusCode).toBe(422);
    expect(noKey.json().error.fields).toHaveProperty('Idempotency-Key');
    expect((await recordsOf(p.id)).total).toBe(records);
    expect(await auditCount()).toBe(audits);
  });

  it('refuses bad roster entries, objections and settlements', async () => {
    const p = await signedPairing(env, s);
    const audits = await auditCount();
    const bad: Array<[string, string, unknown, string]> = [
      [
        'POST',
        `/pairings/${p.id}/roster`,
        { name: '钱进', post: '书记', role: 'chief', from: '2025-07-01' },
        'role',
      ],
      [
        'POST',
        `/pairings/${p.id}/roster`,
        { name: '', post: '书记', role: 'lead', from: '2025-07-01' },
        'name',
      ],
      [
        'POST',
        `/pairings/${p.id}/roster`,
        { name: '钱\u0000进', post: '书记', role: 'lead', from: '2025-07-01' },
        'name',
      ],
      [
        'POST',
        `/pairings/${p.id}/roster`,
        { name: '钱进', post: '书记', role: 'lead', from: '2025-07-01', to: '2025-06-01' },
        'to',
      ],
      [
        'PUT',
        `/pairings/${p.id}/department`,
        { responsibleDepartment: 'x'.repeat(61) },
        'responsibleDepartment',
      ],
    ];
    for (const [method, url, body, field] of bad) {
      const res = await call(unit, method as 'POST', url, body);
      expect(res.statusCode, res.body).toBe(422);
      expect(Object.keys(res.json().error.fields)).toContain(field);
    }
    const r = await ok(unit, 'POST', `/pairings/${p.id}/records`, fund(100));
    const afterCreate = await auditCount();
    expect(afterCreate).toBe(audits + 1);
    const objection = await call(village, 'POST', `/records/${r.id}/object`, { reason: ' ' });
    expect(objection.statusCode).toBe(422);
    await ok(village, 'POST', `/records/${r.id}/object`, { reason: '金额不符' });
    const settle = await call(town, 'POST', `/records/${r.id}/settle`, {
      decision: 'maybe',
      note: '',
    });
    expect(settle.statusCode).toBe(422);
    expect((await ok(unit, 'GET', `/records/${r.id}`)).state).toBe('disputed');
    expect(await auditCount()).toBe(afterCreate + 1);
  });
});

describe('roster and department', () => {
  it('adds entries idempotently, ends them with dates, names the department', async () => {
    const p = await signedPairing(env, s);
    const entry = { name: '孙丽', post: '副局长', role: 'lead', from: '2025-09-01' };
    const first = await call(unit, 'POST', `/pairings/${p.id}/roster`, entry, 'roster-key-1');
    expect(first.statusCode, first.body).toBe(201);
    const replay = await call(unit, 'POST', `/pairings/${p.id}/roster`, entry, 'roster-key-1');
    expect(replay.statusCode).toBe(201);
    expect(replay.json()).toEqual(first.json());
    const id = first.json().id;

    const early = await call(unit, 'POST', `/pairings/${p.id}/roster/${id}/end`, {
      to: '2025-08-31',
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.fields).toHaveProperty('to');
    const ended = await ok(unit, 'POST', `/pairings/${p.id}/roster/${id}/end`, {
      to: '2026-01-31',
    });
    expect(ended).toEqual({ ...entry, id, to: '2026-01-31' });
    const twice = await call(unit, 'POST', `/pairings/${p.id}/roster/${id}/end`, {
      to: '2026-02-01',
    });
    expect(twice.json().error.code).toBe('roster_entry_ended');
    const elsewhere = await signedPairing(env, s);
    expect(
      (await call(unit, 'POST', `/pairings/${elsewhere.id}/roster/${id}/end`, { to: '2026-02-01' }))
        .statusCode,
    ).toBe(404);
    await ok(unit, 'POST', `/pairings/${p.id}/roster`, {
      ...entry,
      name: '周涛',
      from: '2026-02-01',
    });

    expect(
      await ok(unit, 'PUT', `/pairings/${p.id}/department`, {
        responsibleDepartment: '组织人事处',
      }),
    ).toEqual({ responsibleDepartment: '组织人事处' });
    const view = await ok(village, 'GET', `/pairings/${p.id}`);
    expect(view.responsibleDepartment).toBe('组织人事处');
    expect(view.roster.map((r: { name: string; to: string | null }) => [r.name, r.to])).toEqual([
      ['孙丽', '2026-01-31'],
      ['周涛', null],
    ]);
    // Roster names are personal: the audit keeps them masked.
    const audit = await queryRows<{ after: { name: string } }>(
      env.dbh.db,
      sql`select after from audit_log where entity = 'pairing_roster' and entity_id = ${String(id)}`,
    );
    expect(audit.map((a) => a.after.name)).toEqual(['孙*', '孙*']);
    // The engine's people are the entries in office by the day.
    const people = async (at: string) =>
      (await ok(unit, 'GET', `/pairings/${p.id}/ledger?at=${at}`)).pairing.people.length;
    expect([
      await people('2025-08-31'),
      await people('2025-09-01'),
      await people('2026-02-01'),
    ]).toEqual([0, 1, 2]);
  });
});

describe('pairings', () => {
  it('lists the pairings in scope with their filters, summary and abilities', async () => {
    const a = await signedPairing(env, s);
    const b = await signedPairing(env, s, { side: 'b' });
    await ok(unit, 'POST', `/pairings/${a.id}/records`, fund(10_000));
    const ids = async (cookie: string, query = '') =>
      (
        (await ok(cookie, 'GET', `/pairings?pageSize=100${query}`)).items as Array<{ id: number }>
      ).map((x) => x.id);
    const city = s.a.users.city_admin.cookie;
    expect(await ids(city)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await ids(unit)).toContain(a.id);
    expect(await ids(unit)).not.toContain(b.id);
    expect(await ids(village)).not.toContain(b.id);
    expect(await ids(city, `&district=${s.b.district.id}`)).toContain(b.id);
    expect(await ids(city, `&district=${s.b.district.id}`)).not.toContain(a.id);
    expect(await ids(city, `&town=${s.a.town.id}`)).toContain(a.id);
    expect(await ids(city, `&committee=${s.committee.id}`)).toContain(a.id);
    expect(await ids(city, `&committee=${s.committee.id}`)).not.toContain(b.id);
    expect(await ids(city, `&unit=${s.b.unit.id}`)).toEqual(expect.arrayContaining([b.id]));
    expect(await ids(city, `&village=${s.a.village.id}`)).not.toContain(b.id);
    expect(await ids(city, '&weak=true')).toContain(a.id);
    expect(await ids(city, '&weak=false')).toContain(b.id);
    expect(
      await ids(city, `&roundId=${(await ok(city, 'GET', `/pairings/${b.id}`)).roundId}`),
    ).toEqual([b.id]);
    // Only `a` has a stored status (its record refreshed it).
    expect(await ids(city, '&rule=R-VISIT-LEAD&status=due')).toContain(a.id);
    expect(await ids(city, '&rule=R-VISIT-LEAD&status=due')).not.toContain(b.id);
    expect(await ids(city, '&rule=R-NO-SUCH&status=met')).toEqual([]);

    const page = await ok(unit, 'GET', `/pairings?pageSize=100`);
    const row = page.items.find((x: { id: number }) => x.id === a.id);
    expect(row).toMatchObject({
      packId: 'sh-2010',
      roundName: expect.stringContaining('测试轮次'),
      urbanOrg: { id: s.a.unit.id },
      ruralOrg: { id: s.a.village.id, weakVillage: true },
      town: { id: s.a.town.id, name: s.a.town.name },
      district: { id: s.a.district.id, name: s.a.district.name },
      mySide: 'urban',
      openRecords: 1,
      compliance: { at: '2026-03-01' },
      abilities: { record: true, manageRoster: true, export: true },
    });
    const mine = await ok(s.a.users.inspector.cookie, 'GET', `/pairings?pageSize=100`);
    expect(mine.items.find((x: { id: number }) => x.id === a.id)).toMatchObject({
      mySide: null,
      abilities: { record: false, manageRoster: false },
    });
    const bad = await call(city, 'GET', '/pairings?rule=visit');
    expect(bad.statusCode).toBe(422);
  });

  it('shows the archive with projects, commitments and a status computed when none is stored', async () => {
    const p = await signedPairing(env, s);
    const view = await ok(village, 'GET', `/pairings/${p.id}`);
    expect(view).toMatchObject({
      agreementId: p.id,
      mySide: 'rural',
      compliance: null,
      responsibleDepartment: '',
    });
    expect(view.projects.map((x: { index: number; title: string }) => [x.index, x.title])).toEqual([
      [0, '村级活动室改造'],
      [1, '道路硬化'],
    ]);
    expect(view.status).toEqual(await ok(village, 'GET', `/pairings/${p.id}/compliance`));
    expect(
      (await call(unit, 'GET', `/pairings/${(await signedPairing(env, s, { side: 'b' })).id}`))
        .statusCode,
    ).toBe(404);
  });
});

describe('idempotency and races', () => {
  it('replays a create with the same key: one row, the same answer', async () => {
    const p = await signedPairing(env, s);
    const body = fund(7777);
    const first = await call(unit, 'POST', `/pairings/${p.id}/records`, body, 'same-key-0001');
    const second = await call(unit, 'POST', `/pairings/${p.id}/records`, body, 'same-key-0001');
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotency-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    const [x, y] = await Promise.all([
      call(unit, 'POST', `/pairings/${p.id}/records`, body, 'same-key-0002'),
      call(unit, 'POST', `/pairings/${p.id}/records`, body, 'same-key-0002'),
    ]);
    expect([x.statusCode, y.statusCode]).toEqual([201, 201]);
    expect(x.json()).toEqual(y.json());
    expect((await recordsOf(p.id)).total).toBe(2);
    const other = await call(unit, 'POST', `/pairings/${p.id}/records`, fund(1), 'same-key-0001');
    expect(other.statusCode).toBe(422);
  });

  it('stores a status that holds both sides’ concurrent changes; one of two confirmations wins', async () => {
    const p = await signedPairing(env, s);
    const [principal] = await rosterOf(env, p.id);
    const [u, v] = await Promise.all([
      ok(unit, 'POST', `/pairings/${p.id}/records`, visit([principal], '2026-02-10')),
      // sh-2010 counts funds to a weak village (R-WEAK-FUNDS); the village may record one it got.
      ok(village, 'POST', `/pairings/${p.id}/records`, fund(3000, '2026-02-11')),
    ]);
    expect((await recordsOf(p.id)).total).toBe(2);
    const [cu, cv] = await Promise.all([
      call(village, 'POST', `/records/${u.id}/confirm`),
      call(unit, 'POST', `/records/${v.id}/confirm`),
    ]);
    expect([cu.statusCode, cv.statusCode]).toEqual([200, 200]);
    const stored = await storedStatus(p.id);
    const evidence = JSON.stringify(stored.status);
    expect(evidence).toContain(`"r${u.id}"`);
    expect(evidence).toContain(`"r${v.id}"`);
    expect(stored.status).toEqual(await ok(unit, 'GET', `/pairings/${p.id}/compliance`));

    const w = await ok(unit, 'POST', `/pairings/${p.id}/records`, fund(500));
    const both = await Promise.all([
      call(village, 'POST', `/records/${w.id}/confirm`),
      call(town, 'POST', `/records/${w.id}/confirm`),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const audits = await queryRows<{ n: number }>(
      env.dbh.db,
      sql`select count(*)::int as n from audit_log
        where entity = 'ledger_record' and entity_id = ${String(w.id)} and action = 'ledger.record.confirm'`,
    );
    expect(audits[0].n).toBe(1);
  });
});

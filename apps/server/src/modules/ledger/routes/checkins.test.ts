import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RecordInput } from '@pairing/shared';
import { login } from '../../../../test/fixtures.ts';
import { createTestEnv, type TestEnv } from '../../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../../test/scenario.ts';
import { auditLog } from '../../audit/schema.ts';
import { addRecord } from '../checkin/test-support.ts';
import { checkinCodes, checkins, ledgerRecords, pairingRoster } from '../schema.ts';
import { rosterOf, signedPairing } from '../test-support.ts';

let env: TestEnv;
let s: Scenario;
let pairingA: number;
let pairingB: number;
const roster: Record<string, number> = {};
const today = '2026-03-10';
const morning = '2026-03-10T10:00:00+08:00';

beforeAll(async () => {
  env = await createTestEnv();
  env.clock.set(morning);
  s = await createScenario(env, 'cki');
  pairingA = (await signedPairing(env, s)).id;
  pairingB = (await signedPairing(env, s, { side: 'b' })).id;
  [roster.zhang, roster.li, roster.wang] = await rosterOf(env, pairingA, [
    { name: '张三', post: '主任', role: 'principal' },
    { name: '李四', post: '分管副主任', role: 'lead' },
    { name: '王五', post: '副主任', role: 'team' },
  ]);
  [roster.other] = await rosterOf(env, pairingB, [
    { name: '赵六', post: '主任', role: 'principal' },
  ]);
  // 王五 left the roster before the day of the events below.
  await env.dbh.db
    .update(pairingRoster)
    .set({ toDate: '2026-01-31' })
    .where(eq(pairingRoster.id, roster.wang));
});
afterAll(() => env.close());

beforeEach(() => env.clock.set(morning));

const unit = () => s.a.users.unit_admin;

const activity = (side: 'urban' | 'rural' = 'urban', content?: Partial<RecordInput>) =>
  addRecord(env, pairingA, {
    side,
    enteredBy: (side === 'urban' ? unit() : s.a.users.village_admin).id,
    date: today,
    content,
  });

async function open(recordId: number, cookie = unit().cookie) {
  return env.app.inject({
    method: 'POST',
    url: `/api/records/${recordId}/checkin-code`,
    headers: { cookie },
  });
}

async function token(recordId: number) {
  const res = await open(recordId);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().token as string;
}

const view = (t: string) => env.app.inject({ method: 'GET', url: `/api/public/checkins/${t}` });
const checkIn = (t: string, payload: unknown, remoteAddress?: string) =>
  env.app.inject({
    method: 'POST',
    url: `/api/public/checkins/${t}`,
    payload: payload as Record<string, unknown>,
    ...(remoteAddress ? { remoteAddress } : {}),
  });

async function recordRow(id: number) {
  const [row] = await env.dbh.db.select().from(ledgerRecords).where(eq(ledgerRecords.id, id));
  return row;
}
const peopleOf = async (id: number) =>
  ((await recordRow(id)).content as Extract<RecordInput, { people: unknown }>).people;

describe('check-in by QR code', () => {
  it('opens a code, shows the event and roster names, and adds who checks in to the record', async () => {
    const recordId = await activity();
    const res = await open(recordId);
    expect(res.statusCode, res.body).toBe(201);
    const code = res.json();
    expect(code.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(code.url).toBe(`/checkin/${code.token}`);
    // Six hours after opening at 10:00, before the end of the day.
    expect(code.expiresAt).toBe(new Date('2026-03-10T16:00:00+08:00').toISOString());
    const [stored] = await env.dbh.db
      .select()
      .from(checkinCodes)
      .where(eq(checkinCodes.recordId, recordId));
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.tokenHash).not.toContain(code.token);

    const shown = await view(code.token);
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toEqual({
      type: 'activity',
      date: today,
      place: '村委会会议室',
      category: 'joint_meeting',
      categoryLabel: null,
      urbanName: s.a.unit.name,
      ruralName: s.a.village.name,
      // 王五 left the roster before the day; no posts, roles or phones.
      roster: [
        { id: roster.zhang, name: '张三' },
        { id: roster.li, name: '李四' },
      ],
      expiresAt: code.expiresAt,
    });

    const picked = await checkIn(code.token, { rosterId: roster.zhang });
    expect(picked.statusCode, picked.body).toBe(200);
    expect(picked.json()).toEqual({ rosterId: roster.zhang, name: '张三', already: false });
    const typed = await checkIn(code.token, { name: '  孙七 ' });
    expect(typed.json()).toEqual({ rosterId: null, name: '孙七', already: false });

    const row = await recordRow(recordId);
    expect(row.rosterIds).toEqual([roster.zhang]);
    expect(await peopleOf(recordId)).toEqual({ rosterIds: [roster.zhang], others: ['孙七'] });

    // The record as everyone reads it lists both among its people.
    const read = await env.app.inject({
      method: 'GET',
      url: `/api/records/${recordId}`,
      headers: { cookie: s.a.users.village_admin.cookie },
    });
    expect(read.json().participants).toEqual([
      { rosterId: roster.zhang, name: '张三', role: 'principal' },
      { rosterId: null, name: '孙七', role: null },
    ]);

    const list = await env.app.inject({
      method: 'GET',
      url: `/api/records/${recordId}/checkins`,
      headers: { cookie: unit().cookie },
    });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toMatchObject({
      openUntil: code.expiresAt,
      checkins: [
        { rosterId: roster.zhang, name: '张三' },
        { rosterId: null, name: '孙七' },
      ],
      abilities: { open: true },
    });

    const audits = await env.dbh.db
      .select()
      .from(auditLog)
      .where(
        sql`${auditLog.entity} = 'ledger_record' and ${auditLog.entityId} = ${String(recordId)}`,
      )
      .orderBy(auditLog.id);
    expect(audits.map((a) => a.action)).toEqual([
      'ledger.checkin.open',
      'ledger.checkin.add',
      'ledger.checkin.add',
    ]);
    expect(audits[0].actorId).toBe(unit().id);
    expect(audits[1].after).toMatchObject({ rosterId: roster.zhang, name: '张*' });
    expect(audits[2].after).toMatchObject({ rosterId: null, name: '孙*' });
    expect(JSON.stringify(audits)).not.toContain('孙七');
  });

  it('checks the same person in once: a second check-in answers `already` and changes nothing', async () => {
    const recordId = await activity('urban', {
      people: { rosterIds: [roster.li], others: ['周八'] },
    } as Partial<RecordInput>);
    const t = await token(recordId);
    expect((await checkIn(t, { rosterId: roster.zhang })).json().already).toBe(false);
    expect((await checkIn(t, { rosterId: roster.zhang })).json()).toEqual({
      rosterId: roster.zhang,
      name: '张三',
      already: true,
    });
    expect((await checkIn(t, { name: '吴九' })).json().already).toBe(false);
    expect((await checkIn(t, { name: '吴九' })).json().already).toBe(true);
    // Someone the organizer had already listed checks in: kept once.
    expect((await checkIn(t, { rosterId: roster.li })).json().already).toBe(false);
    expect((await checkIn(t, { name: '周八' })).json().already).toBe(false);

    expect(await peopleOf(recordId)).toEqual({
      rosterIds: [roster.li, roster.zhang],
      others: ['周八', '吴九'],
    });
    expect((await recordRow(recordId)).rosterIds).toEqual([roster.li, roster.zhang]);
    const rows = await env.dbh.db.select().from(checkins).where(eq(checkins.recordId, recordId));
    expect(rows).toHaveLength(4);
  });

  it('keeps every one of simultaneous check-ins, each person once', async () => {
    const recordId = await activity();
    const t = await token(recordId);
    const answers = await Promise.all([
      checkIn(t, { rosterId: roster.zhang }),
      checkIn(t, { rosterId: roster.li }),
      checkIn(t, { name: '钱一' }),
      checkIn(t, { name: '孙二' }),
      checkIn(t, { rosterId: roster.zhang }),
      checkIn(t, { name: '钱一' }),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(answers.filter((a) => a.json().already)).toHaveLength(2);
    const people = await peopleOf(recordId);
    expect([...people.rosterIds].sort()).toEqual([roster.zhang, roster.li].sort());
    expect([...people.others].sort()).toEqual(['孙二', '钱一'].sort());
    expect([...(await recordRow(recordId)).rosterIds].sort()).toEqual(people.rosterIds.sort());
  });

  it('answers 404 once the code has expired, and a new code replaces the old one', async () => {
    const recordId = await activity();
    const first = await token(recordId);
    const second = await token(recordId);
    expect((await view(first)).statusCode).toBe(404);
    expect((await checkIn(first, { name: '郑十' })).statusCode).toBe(404);
    expect((await view(second)).statusCode).toBe(200);

    env.clock.set('2026-03-10T16:00:01+08:00');
    const expired = await view(second);
    expect(expired.statusCode).toBe(404);
    expect(expired.json().error.code).toBe('not_found');
    expect((await checkIn(second, { rosterId: roster.zhang })).statusCode).toBe(404);
    expect(await peopleOf(recordId)).toEqual({ rosterIds: [], others: [] });

    // Opened late in the evening, a code ends with the day. (Hours pass: sign in again each time.)
    env.clock.set('2026-03-10T22:30:00+08:00');
    const late = await open(recordId, await login(env, unit().username));
    expect(late.json().expiresAt).toBe(new Date('2026-03-11T00:00:00+08:00').toISOString());
    env.clock.set('2026-03-11T00:00:00+08:00');
    expect((await view(late.json().token)).statusCode).toBe(404);
    // The next day no code can be opened for it.
    const refused = await open(recordId, await login(env, unit().username));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('checkin_day_over');
  });

  it('answers 404 for a token nobody issued', async () => {
    expect((await view('x'.repeat(43))).statusCode).toBe(404);
    expect((await checkIn('not-a-token', { name: '郑十' })).statusCode).toBe(404);
  });

  it('binds a code to its record: it never adds to another record', async () => {
    const recordA = await activity();
    const recordB = await activity();
    const t = await token(recordA);
    const aimed = await checkIn(t, { rosterId: roster.zhang, recordId: recordB });
    expect(aimed.statusCode).toBe(422);
    expect((await checkIn(t, { rosterId: roster.zhang })).statusCode).toBe(200);
    expect(await peopleOf(recordA)).toEqual({ rosterIds: [roster.zhang], others: [] });
    expect(await peopleOf(recordB)).toEqual({ rosterIds: [], others: [] });
    expect((await recordRow(recordB)).rosterIds).toEqual([]);
  });

  it("refuses another pairing's roster entry and one not in office that day (422)", async () => {
    const recordId = await activity();
    const t = await token(recordId);
    for (const rosterId of [roster.other, roster.wang, 999_999]) {
      const res = await checkIn(t, { rosterId });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error.fields).toHaveProperty('rosterId');
    }
    expect(await peopleOf(recordId)).toEqual({ rosterIds: [], others: [] });
    expect(await env.dbh.db.select().from(checkins).where(eq(checkins.recordId, recordId))).toEqual(
      [],
    );
  });

  it('refuses bad input and control characters (422) and changes nothing', async () => {
    const recordId = await activity();
    const t = await token(recordId);
    const bad: unknown[] = [
      {},
      { rosterId: roster.zhang, name: '张三' },
      { name: '' },
      { name: '   ' },
      { name: '长'.repeat(41) },
      { name: 42 },
      { rosterId: 'abc' },
      { rosterId: -1 },
      { name: '张\u0007三' },
      { name: '张三\n' + '李四' },
      { name: '\u001b[31m红' },
      [],
    ];
    for (const payload of bad) {
      const res = await checkIn(t, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(422);
      expect(res.json().error.code).toBe('validation_failed');
    }
    const control = await checkIn(t, { name: '张\u0007三' });
    expect(control.json().error.fields.name).toContain('控制字符');
    expect(await peopleOf(recordId)).toEqual({ rosterIds: [], others: [] });
  });

  it('takes JSON only, so a form on another site cannot post a check-in (415)', async () => {
    const recordId = await activity();
    const t = await token(recordId);
    for (const [type, body] of [
      ['text/plain', '{"name":"钱一"}'],
      ['application/x-www-form-urlencoded', 'name=%E9%92%B1%E4%B8%80'],
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\n钱一\r\n--x--\r\n',
      ],
    ]) {
      const res = await env.app.inject({
        method: 'POST',
        url: `/api/public/checkins/${t}`,
        headers: { 'content-type': type },
        payload: body,
      });
      expect(res.statusCode, type).toBe(415);
    }
    expect(await peopleOf(recordId)).toEqual({ rosterIds: [], others: [] });
  });

  it('closes check-in once the record no longer takes people (409)', async () => {
    const recordId = await activity();
    const t = await token(recordId);
    await env.dbh.db
      .update(ledgerRecords)
      .set({ state: 'confirmed', countsFrom: today })
      .where(eq(ledgerRecords.id, recordId));
    for (const res of [await view(t), await checkIn(t, { name: '钱一' })]) {
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('checkin_closed');
    }
    expect(await peopleOf(recordId)).toEqual({ rosterIds: [], others: [] });
    const reopen = await open(recordId);
    expect(reopen.statusCode).toBe(409);
  });

  it('opens codes only for visits and activities of the day, by the side that entered them', async () => {
    const visit = await activity('rural', {
      type: 'visit',
      department: true,
      category: undefined,
    } as Partial<RecordInput>);
    expect((await open(visit, s.a.users.village_admin.cookie)).statusCode).toBe(201);
    expect((await open(visit, s.a.users.town_admin.cookie)).statusCode).toBe(201);
    expect((await open(visit)).statusCode).toBe(403);

    const fund = await activity('urban', {
      type: 'fund',
      form: 'cash',
      amount: 1000,
      source: 'unit',
      purpose: '慰问',
      projectIndex: null,
      channel: 'direct',
      receiptNo: '',
    } as Partial<RecordInput>);
    const refused = await open(fund);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('checkin_not_applicable');

    const yesterday = await addRecord(env, pairingA, {
      side: 'urban',
      enteredBy: unit().id,
      date: '2026-03-09',
    });
    expect((await open(yesterday)).json().error.code).toBe('checkin_day_over');
  });

  it('limits check-ins per source address (429)', async () => {
    const recordId = await activity();
    const t = await token(recordId);
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) {
      statuses.push((await checkIn(t, { name: '钱一' }, '10.9.9.9')).statusCode);
    }
    expect(statuses.slice(0, 60).every((code) => code === 200)).toBe(true);
    expect(statuses[60]).toBe(429);
    expect((await checkIn(t, { name: '钱一' }, '10.9.9.10')).statusCode).toBe(200);
  });
});

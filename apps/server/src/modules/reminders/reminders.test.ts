import { and, eq, sql } from 'drizzle-orm';
import { notificationView } from '@pairing/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../db/client.ts';
import { withDatabase } from '../../../test/global-setup.ts';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { openRound, submit } from '../rounds/testing.ts';
import { deadlineWindow } from './due.ts';
import { notifications } from './schema.ts';
import { inAppSender, loggingSender, sendersFromConfig, type Notification } from './sender.ts';
import { runReminders } from './service.ts';

let env: TestEnv;
let sc: Scenario;

beforeAll(async () => {
  env = await createTestEnv();
  env.clock.set('2026-03-02T09:00:00+08:00');
  sc = await createScenario(env, 'rem');
});
afterAll(() => env.close());

const ofOrg = async (orgId: number, kind: string) =>
  env.dbh.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.orgId, orgId), eq(notifications.kind, kind)));

describe('deadline windows', () => {
  it('opens 7 days before, switches to the 1-day reminder, closes after the deadline day', () => {
    const at = (iso: string) => deadlineWindow('2026-04-30', new Date(iso));
    expect(at('2026-04-22T23:59:00+08:00')).toBeNull();
    expect(at('2026-04-23T00:00:00+08:00')).toBe('d7');
    expect(at('2026-04-28T23:59:00+08:00')).toBe('d7');
    expect(at('2026-04-29T00:00:00+08:00')).toBe('d1');
    expect(at('2026-04-30T23:59:00+08:00')).toBe('d1');
    expect(at('2026-05-01T00:00:00+08:00')).toBeNull();
  });
});

describe('runReminders', () => {
  it('reminds at 7 days and 1 day before the intention deadline, once each, never early', async () => {
    const roundId = await openRound(env, sc.actors.city_admin.cookie, {
      name: '截止提醒轮次',
      intentionDeadline: '2026-04-30',
    });
    // 金山区 has uncovered villages (民主村): it is a recipient; the central 黄浦区 is not.
    const district = sc.a.district.id;
    const deadline = async () =>
      (await ofOrg(district, 'deadline.intention')).filter((n) => n.body.includes('截止提醒轮次'));

    env.clock.set('2026-04-22T10:00:00+08:00');
    await runReminders(env);
    expect(await deadline()).toHaveLength(0);

    env.clock.set('2026-04-23T08:00:00+08:00');
    await runReminders(env);
    await runReminders(env);
    env.clock.set('2026-04-25T08:00:00+08:00');
    await runReminders(env);
    const week = await deadline();
    expect(week).toHaveLength(1);
    expect(week[0].title).toContain('2026-04-30');
    expect(week[0].link).toBe(`/rounds/${roundId}`);

    env.clock.set('2026-04-29T08:00:00+08:00');
    await runReminders(env);
    await runReminders(env);
    expect(await deadline()).toHaveLength(2);

    env.clock.set('2026-05-01T08:00:00+08:00');
    await runReminders(env);
    expect(await deadline()).toHaveLength(2);
    expect(
      (await ofOrg(sc.central.id, 'deadline.intention')).filter((n) =>
        n.body.includes('截止提醒轮次'),
      ),
    ).toHaveLength(0);
  });

  it('reminds the rural side of a pending intention and the side holding the agreement pen', async () => {
    env.clock.set('2026-03-02T09:00:00+08:00');
    const roundId = await openRound(env, sc.actors.city_admin.cookie, { name: '确认提醒轮次' });
    const sent = await submit(env, sc.b.users.unit_admin.cookie, roundId, {
      ruralOrgId: sc.b.village.id,
    });
    expect(sent.statusCode).toBe(201);
    const intentionId = sent.json().intention.id as number;

    const received: Notification[] = [];
    const recorder = { name: 'record', send: async (n: Notification) => void received.push(n) };
    await runReminders(env, [inAppSender, recorder]);
    await runReminders(env, [inAppSender, recorder]);
    const pending = (await ofOrg(sc.b.village.id, 'confirm.intention')).filter((n) =>
      n.body.includes('确认提醒轮次'),
    );
    expect(pending).toHaveLength(1);
    expect(
      received.filter((n) => n.orgId === sc.b.village.id && n.kind === 'confirm.intention'),
    ).toHaveLength(1);

    const accepted = await env.app.inject({
      method: 'POST',
      url: `/api/intentions/${intentionId}/accept`,
      headers: { cookie: sc.b.users.village_admin.cookie },
    });
    expect(accepted.statusCode).toBe(200);
    const agreementId = accepted.json().agreementId as number;
    await runReminders(env);
    await runReminders(env);
    const pen = (await ofOrg(sc.b.unit.id, 'confirm.agreement')).filter(
      (n) => n.link === `/agreements/${agreementId}`,
    );
    expect(pen).toHaveLength(1);
    expect(await ofOrg(sc.b.village.id, 'confirm.agreement')).toHaveLength(0);

    // The pen passes to the rural side: it is reminded once.
    const handed = await env.app.inject({
      method: 'POST',
      url: `/api/agreements/${agreementId}/hand-over`,
      headers: { cookie: sc.b.users.unit_admin.cookie },
    });
    expect(handed.statusCode).toBe(200);
    await runReminders(env);
    await runReminders(env);
    expect(
      (await ofOrg(sc.b.village.id, 'confirm.agreement')).filter(
        (n) => n.link === `/agreements/${agreementId}`,
      ),
    ).toHaveLength(1);
  });

  it('sends each reminder once when two processes run at the same time', async () => {
    env.clock.set('2026-03-02T09:00:00+08:00');
    const roundId = await openRound(env, sc.actors.city_admin.cookie, { name: '并发提醒轮次' });
    const sent = await submit(env, sc.a.users.unit_admin.cookie, roundId, {
      ruralOrgId: sc.a.village.id,
    });
    expect(sent.statusCode).toBe(201);
    let other: DbHandle = env.dbh;
    if (env.dbh.kind === 'postgres') {
      const { rows } = await env.dbh.query<{ db: string }>('select current_database() as db');
      other = await openDb({
        url: withDatabase(process.env.DATABASE_URL!, rows[0].db),
        poolSize: 4,
      });
    }
    try {
      const before = await env.dbh.db.$count(notifications);
      const runs = await Promise.all([
        runReminders(env),
        runReminders({ dbh: other, clock: env.clock }),
      ]);
      const after = await env.dbh.db.$count(notifications);
      expect(runs[0].sent + runs[1].sent).toBe(after - before);
      const dupes = await env.dbh.query<{ n: number }>(
        `select count(*)::int as n from (select org_id, title, body, link from notifications
          group by org_id, title, body, link having count(*) > 1) d`,
      );
      expect(dupes.rows[0].n).toBe(0);
      expect(
        (await ofOrg(sc.a.village.id, 'confirm.intention')).filter((n) =>
          n.body.includes('并发提醒轮次'),
        ),
      ).toHaveLength(1);
    } finally {
      if (other !== env.dbh) await other.close();
    }
  });

  it('plugs senders in by name and refuses unknown ones', () => {
    expect(sendersFromConfig(undefined).map((s) => s.name)).toEqual(['in_app']);
    expect(sendersFromConfig('in_app, log').map((s) => s.name)).toEqual(['in_app', 'log']);
    expect(() => sendersFromConfig('carrier-pigeon')).toThrow(/carrier-pigeon/);
  });

  it('the logging adapter receives the reminders without writing notifications', async () => {
    env.clock.set('2026-03-02T09:00:00+08:00');
    const roundId = await openRound(env, sc.actors.city_admin.cookie, { name: '日志提醒轮次' });
    await submit(env, sc.b.users.unit_admin.cookie, roundId, { ruralOrgId: sc.b.town.id });
    const lines: string[] = [];
    const before = await env.dbh.db.$count(notifications);
    const { sent } = await runReminders(env, [loggingSender((l) => lines.push(l))]);
    expect(sent).toBeGreaterThan(0);
    expect(lines).toHaveLength(sent);
    expect(lines.some((l) => l.includes(`org=${sc.b.town.id}`))).toBe(true);
    expect(await env.dbh.db.$count(notifications)).toBe(before);
    const claims = await env.dbh.db.execute(sql`select count(*)::int as n from reminders_sent`);
    expect((claims as unknown as { rows: Array<{ n: number }> }).rows[0].n).toBeGreaterThan(0);
  });
});

describe('notification routes', () => {
  const seed = async (orgId: number, title: string, kind = 'test') => {
    const [row] = await env.dbh.db
      .insert(notifications)
      .values({ orgId, kind, title, body: '正文', link: null, createdAt: env.clock.now() })
      .returning();
    return row.id;
  };
  const as = (cookie: string, method: 'GET' | 'POST', url: string) =>
    env.app.inject({ method, url, headers: { cookie } });

  it('lists, counts and marks the own organization’s notifications only', async () => {
    const cookie = sc.b.users.district_admin.cookie;
    await as(cookie, 'POST', '/api/notifications/read-all');
    const first = await seed(sc.b.district.id, '提醒一');
    await seed(sc.b.district.id, '提醒二');
    const foreign = await seed(sc.a.district.id, '别处的提醒');

    const page = (
      await as(cookie, 'GET', '/api/notifications?unread=true&page=1&pageSize=5')
    ).json();
    expect(page.unread).toBe(2);
    expect(page.total).toBe(2);
    expect(page.items.map((n: { title: string }) => n.title)).toEqual(['提醒二', '提醒一']);
    expect(Object.keys(page.items[0]).sort()).toEqual(Object.keys(notificationView.shape).sort());
    expect(new Date(page.items[0].createdAt).toISOString()).toBe(page.items[0].createdAt);
    expect((await as(cookie, 'GET', '/api/notifications/unread-count')).json()).toEqual({
      unread: 2,
    });

    expect((await as(cookie, 'POST', `/api/notifications/${foreign}/read`)).statusCode).toBe(404);
    const read = await as(cookie, 'POST', `/api/notifications/${first}/read`);
    expect(read.statusCode).toBe(200);
    const { readAt } = read.json().notification;
    expect(new Date(readAt).toISOString()).toBe(readAt);
    expect((await as(cookie, 'GET', '/api/notifications/unread-count')).json().unread).toBe(1);
    const all = (await as(cookie, 'GET', '/api/notifications')).json();
    expect(all.total).toBeGreaterThanOrEqual(2);
    expect(all.unread).toBe(1);

    expect((await as(cookie, 'POST', '/api/notifications/read-all')).json()).toEqual({
      updated: 1,
    });
    expect((await as(cookie, 'GET', '/api/notifications/unread-count')).json().unread).toBe(0);
    const [untouched] = await env.dbh.db
      .select()
      .from(notifications)
      .where(eq(notifications.id, foreign));
    expect(untouched.readAt).toBeNull();
  });

  it('does not show a member the agreement and ledger reminders it cannot open', async () => {
    const unitId = sc.b.unit.id;
    const agreement = await seed(unitId, '协议轮到本方', 'confirm.agreement');
    await seed(unitId, '台账到期', 'duty.due');
    await seed(unitId, '签订截止', 'deadline.signing');
    const member = sc.b.users.member.cookie;
    const admin = sc.b.users.unit_admin.cookie;
    const titles = async (cookie: string) =>
      (await as(cookie, 'GET', '/api/notifications?pageSize=100'))
        .json()
        .items.map((n: { title: string }) => n.title);
    expect(await titles(admin)).toEqual(
      expect.arrayContaining(['协议轮到本方', '台账到期', '签订截止']),
    );
    const shown = await titles(member);
    expect(shown).not.toContain('协议轮到本方');
    expect(shown).not.toContain('台账到期');
    expect(shown).not.toContain('签订截止');
    const memberCount = (await as(member, 'GET', '/api/notifications/unread-count')).json();
    const adminCount = (await as(admin, 'GET', '/api/notifications/unread-count')).json();
    expect(adminCount.unread - memberCount.unread).toBeGreaterThanOrEqual(3);
    expect((await as(member, 'POST', `/api/notifications/${agreement}/read`)).statusCode).toBe(404);
    await as(member, 'POST', '/api/notifications/read-all');
    const [untouched] = await env.dbh.db
      .select()
      .from(notifications)
      .where(eq(notifications.id, agreement));
    expect(untouched.readAt).toBeNull();
  });

  it('rejects bad input with 422 and changes nothing', async () => {
    const cookie = sc.b.users.town_admin.cookie;
    const id = await seed(sc.b.town.id, '待读');
    for (const url of [
      '/api/notifications?page=0',
      '/api/notifications?page=abc',
      '/api/notifications?pageSize=101',
      '/api/notifications?unread=maybe',
    ])
      expect((await as(cookie, 'GET', url)).statusCode, url).toBe(422);
    for (const url of [
      '/api/notifications/abc/read',
      '/api/notifications/0/read',
      '/api/notifications/1.5/read',
    ])
      expect((await as(cookie, 'POST', url)).statusCode, url).toBe(422);
    expect((await as(cookie, 'POST', '/api/notifications/999999999/read')).statusCode).toBe(404);
    const [row] = await env.dbh.db.select().from(notifications).where(eq(notifications.id, id));
    expect(row.readAt).toBeNull();
  });
});

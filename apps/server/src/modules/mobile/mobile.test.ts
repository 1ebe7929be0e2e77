// Mobile Party members (R-MOBILE-EIGHT, R-MOBILE-QUERY, R-MOBILE-REPORT): registration, flow-out,
// receipt or query back, queries with deadlines, the yearly duties across the year boundary, the
// races, the registry's visibility fragment and the two documents.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentXml, expectOfficialLayout } from '../../../test/docx.ts';
import { login } from '../../../test/fixtures.ts';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario, type ScenarioUser } from '../../../test/scenario.ts';
import { keyringOf } from '../../lib/personal-crypto.ts';
import { queryRows } from '../../lib/rows.ts';
import { readPeople } from '../people/read.ts';
import { insertPerson } from '../people/test-support.ts';
import { receivedMemberVisible } from './read-for-people.ts';
import {
  communityWithAdmin,
  mobileCall,
  newKey,
  nextCertificate,
  registered,
  sendBody,
  sent,
} from './test-support.ts';

let env: TestEnv;
let s: Scenario;
let communityId: number;
let community: ScenarioUser;
let home: ScenarioUser;

const count = async (table: 'mobile_members' | 'mobile_queries' | 'mobile_duty_records') =>
  (
    await queryRows<{ n: number }>(env.dbh.db, sql.raw(`select count(*)::int as n from ${table}`))
  )[0].n;

/**
 * Move the clock and sign `username` in afresh there: a session used far from where it was made
 * is ended as idle, so the scenario's sessions stay unused while the clock is moved.
 */
async function signedInAt(at: string, username: string) {
  env.clock.set(at);
  return login(env, username);
}
const clockStart = '2026-03-01T09:00:00+08:00';

beforeAll(async () => {
  env = await createTestEnv();
  s = await createScenario(env, 'mob');
  const c = await communityWithAdmin(env, s.b.town, 'mob.community');
  communityId = c.community.id;
  community = c.admin;
  home = s.a.users.village_admin;
});
afterAll(() => env.close());

describe('registration (登记持证)', () => {
  it('registers a Party member of the village with his certificate, masked, and audits it', async () => {
    const personId = await insertPerson(env, {
      orgId: s.a.village.id,
      name: '张流动',
      idNumber: '110101199003078515',
    });
    const res = await mobileCall(env, home.cookie, 'POST', '/mobile', {
      personId,
      certificateNumber: 'ld-2026-0001',
      reason: 'work',
      destination: '上海市青浦区',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { member } = res.json();
    expect(member).toMatchObject({
      certificateNumber: 'LD-2026-0001',
      state: 'registered',
      outflowOrg: { id: s.a.village.id },
      inflowOrg: null,
      person: { name: '张流动', idNumberMasked: '110101********8515' },
      abilities: { send: true, receive: false, record: false },
    });
    expect(res.body).not.toContain('199003078515');
    const [audit] = await queryRows<{ after: Record<string, unknown> }>(
      env.dbh.db,
      sql`select after from audit_log where action = 'mobile.registered' and entity_id = ${String(member.id)}`,
    );
    expect(audit.after).toMatchObject({ memberId: member.id, certificateNumber: 'LD-2026-0001' });
    expect(JSON.stringify(audit.after)).not.toContain('张流动');
  });

  it('refuses bad input with 422 and changes nothing', async () => {
    const before = await count('mobile_members');
    const resident = await insertPerson(env, { orgId: s.a.village.id, kind: 'resident' });
    const member = await insertPerson(env, { orgId: s.a.village.id });
    for (const [body, field] of [
      [{ personId: member, certificateNumber: '甲乙', reason: 'work' }, 'certificateNumber'],
      [{ personId: member, certificateNumber: 'LD-9001', reason: 'travel' }, 'reason'],
      [{ personId: resident, certificateNumber: 'LD-9002', reason: 'work' }, 'personId'],
    ] as const) {
      const res = await mobileCall(env, home.cookie, 'POST', '/mobile', body);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error.fields).toHaveProperty(field);
    }
    expect(await count('mobile_members')).toBe(before);
  });

  it('gives a certificate number once and a person one flow at a time', async () => {
    const first = await insertPerson(env, { orgId: s.a.village.id });
    const second = await insertPerson(env, { orgId: s.a.village.id });
    const body = (personId: number, certificateNumber: string) => ({
      personId,
      certificateNumber,
      reason: 'study',
    });
    const ok = await mobileCall(env, home.cookie, 'POST', '/mobile', body(first, 'LD-7001'));
    expect(ok.statusCode).toBe(201);
    const taken = await mobileCall(env, home.cookie, 'POST', '/mobile', body(second, 'LD-7001'));
    expect([taken.statusCode, taken.json().error.code]).toEqual([409, 'certificate_taken']);
    const twice = await mobileCall(env, home.cookie, 'POST', '/mobile', body(first, 'LD-7002'));
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'already_mobile']);
  });

  it('replays a retried registration instead of registering twice', async () => {
    const personId = await insertPerson(env, { orgId: s.a.village.id });
    const body = { personId, certificateNumber: nextCertificate(), reason: 'work' };
    const key = newKey();
    const first = await mobileCall(env, home.cookie, 'POST', '/mobile', body, key);
    const again = await mobileCall(env, home.cookie, 'POST', '/mobile', body, key);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.json().member.id).toBe(first.json().member.id);
  });
});

describe('flow-out and receipt', () => {
  it('sends with training and agreement before leaving, to an org that exists', async () => {
    // The village finds the community in another district by name, outside its own scope.
    const [{ name }] = await queryRows<{ name: string }>(
      env.dbh.db,
      sql`select name from org_directory where id = ${communityId}`,
    );
    const found = await mobileCall(
      env,
      home.cookie,
      'GET',
      `/mobile/destinations?q=${encodeURIComponent(name)}`,
    );
    expect(found.json().items.map((o: { id: number }) => o.id)).toContain(communityId);
    const id = await registered(env, home.cookie, s.a.village.id);
    const late = await mobileCall(env, home.cookie, 'POST', `/mobile/${id}/send`, {
      ...sendBody(communityId, '2025-03-01'),
      trainedOn: '2025-03-02',
    });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.fields).toHaveProperty('trainedOn');
    const nowhere = await mobileCall(env, home.cookie, 'POST', `/mobile/${id}/send`, {
      ...sendBody(communityId),
      inflowOrgId: 99_999_999,
    });
    expect(nowhere.statusCode).toBe(422);
    const ok = await mobileCall(
      env,
      home.cookie,
      'POST',
      `/mobile/${id}/send`,
      sendBody(communityId),
    );
    expect(ok.json().member).toMatchObject({ state: 'sent', inflowOrg: { id: communityId } });
    const again = await mobileCall(
      env,
      home.cookie,
      'POST',
      `/mobile/${id}/send`,
      sendBody(communityId),
    );
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'mobile_already_sent']);
  });

  it('shows the inflow side only the notice until it receives him, then the file', async () => {
    const personId = await insertPerson(env, { orgId: s.a.village.id, name: '李外出' });
    const reg = await mobileCall(env, home.cookie, 'POST', '/mobile', {
      personId,
      certificateNumber: 'LD-NOTICE-1',
      reason: 'business',
    });
    const id = reg.json().member.id as number;
    await mobileCall(env, home.cookie, 'POST', `/mobile/${id}/send`, sendBody(communityId));

    const incoming = await mobileCall(env, community.cookie, 'GET', '/mobile/incoming');
    const notice = incoming.json().items.find((n: { id: number }) => n.id === id);
    expect(notice).toMatchObject({
      name: '李外出',
      certificateNumber: 'LD-NOTICE-1',
      state: 'sent',
      abilities: { receive: true, askAsInflow: true },
    });
    expect(notice).not.toHaveProperty('person');
    expect((await mobileCall(env, community.cookie, 'GET', `/mobile/${id}`)).statusCode).toBe(404);
    const inflowList = await mobileCall(env, community.cookie, 'GET', '/mobile?side=inflow');
    expect(inflowList.json().items.map((m: { id: number }) => m.id)).not.toContain(id);

    const received = await mobileCall(env, community.cookie, 'POST', `/mobile/${id}/receive`);
    expect(received.json().member).toMatchObject({ state: 'received' });
    const file = await mobileCall(env, community.cookie, 'GET', `/mobile/${id}`);
    expect(file.statusCode).toBe(200);
    expect(file.json().member.person.name).toBe('李外出');
    const after = await mobileCall(env, community.cookie, 'GET', '/mobile?side=inflow');
    expect(after.json().items.map((m: { id: number }) => m.id)).toContain(id);
    const gone = await mobileCall(env, community.cookie, 'GET', '/mobile/incoming');
    expect(gone.json().items.map((n: { id: number }) => n.id)).not.toContain(id);

    // Home again: the inflow side no longer sees him; a new flow may be registered.
    const back = await mobileCall(env, home.cookie, 'POST', `/mobile/${id}/return`, {
      returnedOn: '2026-02-01',
    });
    expect(back.json().member).toMatchObject({ state: 'returned', returnedOn: '2026-02-01' });
    expect((await mobileCall(env, community.cookie, 'GET', `/mobile/${id}`)).statusCode).toBe(404);
    const again = await mobileCall(env, home.cookie, 'POST', '/mobile', {
      personId,
      certificateNumber: 'LD-NOTICE-2',
      reason: 'work',
    });
    expect(again.statusCode).toBe(201);
  });

  it('lets one of two simultaneous receipts win', async () => {
    const id = await sent(env, home.cookie, s.a.village.id, communityId);
    const results = await Promise.all([
      mobileCall(env, community.cookie, 'POST', `/mobile/${id}/receive`),
      mobileCall(env, s.b.users.town_admin.cookie, 'POST', `/mobile/${id}/receive`),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe(
      'mobile_already_received',
    );
    const [audits] = await queryRows<{ n: number }>(
      env.dbh.db,
      sql`select count(*)::int as n from audit_log where action = 'mobile.received' and entity_id = ${String(id)}`,
    );
    expect(audits.n).toBe(1);
  });
});

describe('queries (R-MOBILE-QUERY)', () => {
  it('queries back, answers once, names asker and answerer in the audit', async () => {
    const id = await sent(env, home.cookie, s.a.village.id, communityId);
    const asked = await mobileCall(env, community.cookie, 'POST', `/mobile/${id}/queries`, {
      fromSide: 'inflow',
      question: '请介绍该党员在村里的表现和组织关系情况',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const query = asked.json().query;
    // Asked 2026-03-01 (China time): 15 days to answer.
    expect(query).toMatchObject({ deadline: '2026-03-16', answer: null, overdue: false });
    expect(query.abilities.answer).toBe(false);
    const incoming = await mobileCall(env, community.cookie, 'GET', '/mobile/incoming');
    expect(incoming.json().items.find((n: { id: number }) => n.id === id).state).toBe('queried');

    const file = await mobileCall(env, home.cookie, 'GET', `/mobile/${id}`);
    expect(file.json().queries[0]).toMatchObject({ id: query.id, abilities: { answer: true } });
    const answer = { answer: '该党员表现良好，组织关系在本村党支部' };
    const [one, two] = await Promise.all([
      mobileCall(env, home.cookie, 'POST', `/mobile/queries/${query.id}/answer`, answer),
      mobileCall(
        env,
        s.a.users.town_admin.cookie,
        'POST',
        `/mobile/queries/${query.id}/answer`,
        answer,
      ),
    ]);
    expect([one.statusCode, two.statusCode].sort()).toEqual([200, 409]);
    const answered = [one, two].find((r) => r.statusCode === 200)!.json().query;
    expect(answered).toMatchObject({ answer: answer.answer, overdue: false });
    expect([one, two].find((r) => r.statusCode === 409)!.json().error.code).toBe('query_answered');

    const [audit] = await queryRows<{ after: Record<string, unknown> }>(
      env.dbh.db,
      sql`select after from audit_log where action = 'mobile.answered' and entity_id = ${String(query.id)}`,
    );
    expect(audit.after).toMatchObject({ askedBy: 'mob.community', fromSide: 'inflow' });
    expect(['mob.a.village_admin', 'mob.a.town_admin']).toContain(audit.after.answeredBy);

    // Answered, the inflow side receives him.
    const received = await mobileCall(env, community.cookie, 'POST', `/mobile/${id}/receive`);
    expect(received.statusCode).toBe(200);
  });

  it('shows an unanswered query overdue after its deadline day', async () => {
    const id = await sent(env, home.cookie, s.a.village.id, communityId);
    const asked = await mobileCall(env, community.cookie, 'POST', `/mobile/${id}/queries`, {
      fromSide: 'inflow',
      question: '请说明该党员外出原因',
      deadline: '2026-03-05',
    });
    expect(asked.json().query.deadline).toBe('2026-03-05');
    const overdueOn = async (at: string) => {
      const cookie = await signedInAt(at, home.username);
      const file = await mobileCall(env, cookie, 'GET', `/mobile/${id}`);
      return file.json().queries[0].overdue as boolean;
    };
    try {
      expect(await overdueOn('2026-03-05T23:00:00+08:00')).toBe(false);
      expect(await overdueOn('2026-03-06T00:30:00+08:00')).toBe(true);
    } finally {
      env.clock.set(clockStart);
    }
    for (const deadline of ['2026-02-28', '2026-06-30']) {
      const bad = await mobileCall(env, community.cookie, 'POST', `/mobile/${id}/queries`, {
        fromSide: 'inflow',
        question: '期限不对',
        deadline,
      });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().error.fields).toHaveProperty('deadline');
    }
  });
});

describe('the 八个一 of a year (R-MOBILE-REPORT)', () => {
  it('gives each duty its status across the year boundary', async () => {
    const id = await sent(env, home.cookie, s.a.village.id, communityId, '2024-03-01');
    const cookie = await signedInAt('2025-01-10T10:00:00+08:00', home.username);
    try {
      const record = (body: object) =>
        mobileCall(env, cookie, 'POST', `/mobile/${id}/duties`, body);
      expect(
        (await record({ year: 2024, duty: 'reportH1', date: '2024-06-20', content: '务工情况' }))
          .statusCode,
      ).toBe(201);
      // 2024's 腊月 runs 2024-12-31 … 2025-01-28: a symposium on 9 January counts for 2024.
      const symposium = await record({ year: 2024, duty: 'symposium', date: '2025-01-09' });
      expect(symposium.json().duty).toMatchObject({
        status: 'done',
        from: '2024-12-31',
        to: '2025-01-28',
      });
      const statuses = async (year: number) => {
        const file = await mobileCall(env, cookie, 'GET', `/mobile/${id}?year=${year}`);
        return Object.fromEntries(
          file.json().duties.map((d: { duty: string; status: string }) => [d.duty, d.status]),
        );
      };
      expect(await statuses(2024)).toEqual({
        reportH1: 'done',
        reportH2: 'overdue',
        goodDeed: 'overdue',
        letter: 'overdue',
        symposium: 'done',
      });
      expect(await statuses(2025)).toEqual({
        reportH1: 'due',
        reportH2: 'notYet',
        goodDeed: 'due',
        letter: 'due',
        symposium: 'notYet',
      });
      // A late second-half report is recorded, and counts as late.
      await record({ year: 2024, duty: 'reportH2', date: '2025-01-10' });
      expect((await statuses(2024)).reportH2).toBe('late');

      const overdue = await mobileCall(env, cookie, 'GET', '/mobile?year=2024&status=overdue');
      expect(overdue.json().items.map((m: { id: number }) => m.id)).toContain(id);
      const notYet = await mobileCall(env, cookie, 'GET', '/mobile?year=2024&status=notYet');
      expect(notYet.json().items.map((m: { id: number }) => m.id)).not.toContain(id);
    } finally {
      env.clock.set(clockStart);
    }
  });

  it('refuses a duty twice, out of its period or in the future', async () => {
    const id = await sent(env, home.cookie, s.a.village.id, communityId, '2024-03-01');
    const record = (body: object) =>
      mobileCall(env, home.cookie, 'POST', `/mobile/${id}/duties`, body);
    const before = await count('mobile_duty_records');
    for (const body of [
      { year: 2024, duty: 'symposium', date: '2024-12-30' },
      { year: 2025, duty: 'goodDeed', date: '2026-01-05' },
      { year: 2026, duty: 'reportH1', date: '2026-03-02' },
      { year: 2025, duty: 'speech', date: '2025-03-02' },
    ]) {
      const res = await record(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
    }
    expect(await count('mobile_duty_records')).toBe(before);
    const body = { year: 2025, duty: 'letter', date: '2025-06-25' };
    const both = await Promise.all([record(body), record(body)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it('answers the symposium window of a year from the lunar calendar', async () => {
    const res = await mobileCall(env, home.cookie, 'GET', '/mobile/symposium-window?year=2025');
    expect(res.json()).toEqual({ year: 2025, from: '2026-01-19', to: '2026-02-16' });
  });
});

describe('what the registry sees through mobile members', () => {
  it('lets an org see a person it received, not before and not after he returns', async () => {
    const personId = await insertPerson(env, { orgId: s.a.village.id });
    const reg = await mobileCall(env, home.cookie, 'POST', '/mobile', {
      personId,
      certificateNumber: nextCertificate(),
      reason: 'work',
    });
    const id = reg.json().member.id as number;
    const visible = async () =>
      (
        await readPeople(
          env.dbh.db,
          keyringOf(env.config),
          [personId],
          receivedMemberVisible({ path: await pathOf(communityId) }),
        )
      ).length === 1;
    // And through the registry's own route, where the port is wired (modules/index.ts).
    const opened = async () =>
      (await mobileCall(env, community.cookie, 'GET', `/people/${personId}`)).statusCode;
    await mobileCall(env, home.cookie, 'POST', `/mobile/${id}/send`, sendBody(communityId));
    expect(await visible()).toBe(false);
    expect(await opened()).toBe(404);
    await mobileCall(env, community.cookie, 'POST', `/mobile/${id}/receive`);
    expect(await visible()).toBe(true);
    expect(await opened()).toBe(200);
    await mobileCall(env, home.cookie, 'POST', `/mobile/${id}/return`, {
      returnedOn: '2026-02-01',
    });
    expect(await visible()).toBe(false);
    expect(await opened()).toBe(404);
  });
});

async function pathOf(orgId: number) {
  const [org] = await queryRows<{ path: string }>(
    env.dbh.db,
    sql`select path from org_directory where id = ${orgId}`,
  );
  return org.path;
}

describe('documents', () => {
  it('writes the 流出党员管理协议书 for one member in the official layout', async () => {
    const personId = await insertPerson(env, { orgId: s.a.village.id, name: '王协议' });
    const reg = await mobileCall(env, home.cookie, 'POST', '/mobile', {
      personId,
      certificateNumber: 'LD-DOC-1',
      reason: 'business',
      destination: '浙江省嘉兴市',
    });
    const res = await mobileCall(
      env,
      home.cookie,
      'GET',
      `/mobile/${reg.json().member.id}/agreement.docx`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const xml = await documentXml(res.rawPayload);
    expectOfficialLayout(xml);
    for (const text of [
      '流出党员管理协议书',
      '王协议',
      'LD-DOC-1',
      s.a.village.name,
      '半年一汇报',
      '好事一件实',
      '腊月一座谈',
      '管理一协议',
      '经商',
    ])
      expect(xml).toContain(text);
  });

  it('writes one letter per member away, before 七一, for the town and its villages', async () => {
    const name = '赵来信';
    const personId = await insertPerson(env, { orgId: s.a.village.id, name });
    const reg = await mobileCall(env, home.cookie, 'POST', '/mobile', {
      personId,
      certificateNumber: 'LD-LETTER-1',
      reason: 'work',
    });
    const notYetAway = await registered(env, home.cookie, s.a.village.id, '钱未走');
    expect(notYetAway).toBeGreaterThan(0);
    await mobileCall(
      env,
      home.cookie,
      'POST',
      `/mobile/${reg.json().member.id}/send`,
      sendBody(communityId),
    );
    const res = await mobileCall(
      env,
      s.a.users.town_admin.cookie,
      'GET',
      `/orgs/${s.a.town.id}/mobile-letter.docx?year=2026`,
    );
    expect(res.statusCode).toBe(200);
    const xml = await documentXml(res.rawPayload);
    // GB/T 9704 as the agreement, without headings (so without 黑体).
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:line="560" w:lineRule="exact"');
    expect(xml).toContain(`${name}同志：`);
    expect(xml).toContain('LD-LETTER-1');
    expect(xml).toContain('中国共产党成立105周年');
    expect(xml).toContain(`${s.a.town.name}党组织`);
    expect(xml).not.toContain('钱未走');
    // One page per letter: every letter after the first starts a new page.
    const letters = xml.split('致流动党员的一封信').length - 1;
    expect(letters).toBeGreaterThan(1);
    expect(xml.split('<w:pageBreakBefore/>').length - 1).toBe(letters - 1);
  });
});

import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { AgreementContent } from '@pairing/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, login } from '../../../test/fixtures.ts';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { documentXml, expectOfficialLayout } from '../../../test/docx.ts';
import { createScenario, type Scenario, type ScenarioUser } from '../../../test/scenario.ts';
import { auditLog } from '../audit/schema.ts';
import { rounds } from '../rounds/schema.ts';
import { createDraftAgreement } from './commands/create-draft.ts';
import { checkableProject, openPair, signable } from './test-support.ts';

let env: TestEnv;
let s: Scenario;
/** district_admin of 市级机关工委: signs for the committee's units (甲方). */
let committeeAdmin: ScenarioUser;

beforeAll(async () => {
  env = await createTestEnv();
  env.clock.set(base);
  s = await createScenario(env, 'ag');
  await createUser(env, {
    username: 'ag.committee',
    role: 'district_admin',
    orgId: s.committee.id,
  });
  committeeAdmin = {
    id: 0,
    username: 'ag.committee',
    role: 'district_admin',
    orgId: s.committee.id,
    cookie: await login(env, 'ag.committee'),
  };
});
afterAll(() => env.close());

type Method = 'GET' | 'POST' | 'PUT';
const api = (user: ScenarioUser | null, method: Method, url: string, payload?: unknown) =>
  env.app.inject({
    method,
    url,
    headers: user ? { cookie: user.cookie } : {},
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });

const weakPair = (state?: 'signing' | 'balancing' | 'in_force', signingDeadline?: string) =>
  openPair(env, {
    city: s.shanghai,
    urban: s.a.unit,
    rural: s.a.village,
    state,
    signingDeadline,
  });

async function read(id: number, user = s.a.users.unit_admin) {
  const res = await api(user, 'GET', `/api/agreements/${id}`);
  expect(res.statusCode).toBe(200);
  return res.json();
}

async function save(user: ScenarioUser, id: number, version: number, content: AgreementContent) {
  return api(user, 'PUT', `/api/agreements/${id}`, { version, content });
}

/** Make the agreement signable (urban side holds the pen) and return its new version. */
async function prepare(id: number, amount?: number) {
  const a = await read(id);
  const res = await save(s.a.users.unit_admin, id, a.version, signable(a.content, amount));
  expect(res.statusCode).toBe(200);
  return res.json().version as number;
}

const base = '2010-06-15T10:00:00+08:00';

/** Move the clock for `body`; sessions would idle out, so the given users sign in again. */
async function travel(when: string, travellers: ScenarioUser[], body: () => Promise<void>) {
  const cookies = travellers.map((u) => u.cookie);
  env.clock.set(when);
  try {
    for (const u of travellers) u.cookie = await login(env, u.username);
    await body();
  } finally {
    travellers.forEach((u, i) => (u.cookie = cookies[i]));
    env.clock.set(base);
  }
}

const sign = (user: ScenarioUser, id: number, version: number) =>
  api(user, 'POST', `/api/agreements/${id}/sign`, { version });

describe('abilities on every presented agreement', () => {
  it('follow the side, the pen and the signatures, in the view, the list and the answers', async () => {
    const { agreementId } = await weakPair();
    const unit = s.a.users.unit_admin;
    const village = s.a.users.village_admin;
    expect((await read(agreementId, unit)).abilities).toEqual({
      edit: true,
      handOver: true,
      sign: true,
      amend: false,
    });
    expect((await read(agreementId, village)).abilities).toEqual({
      edit: false,
      handOver: false,
      sign: true,
      amend: false,
    });
    expect((await read(agreementId, s.a.users.city_admin)).abilities).toEqual({
      edit: false,
      handOver: false,
      sign: false,
      amend: false,
    });
    const list = await api(unit, 'GET', '/api/agreements?pageSize=100');
    const listed = list.json().items.find((a: { id: number }) => a.id === agreementId);
    expect(listed.abilities).toMatchObject({ edit: true, handOver: true });

    const version = await prepare(agreementId);
    const handed = await api(unit, 'POST', `/api/agreements/${agreementId}/hand-over`);
    expect(handed.json().abilities).toMatchObject({ edit: false, handOver: false, sign: true });
    expect((await read(agreementId, village)).abilities).toMatchObject({ edit: true });
    const signed = await sign(unit, agreementId, version);
    expect(signed.json().abilities).toMatchObject({ sign: false });
    const done = await sign(village, agreementId, version);
    expect(done.json().abilities).toEqual({
      edit: false,
      handOver: false,
      sign: false,
      amend: true,
    });
  });
});

describe('draft from the pack template', () => {
  it('fills term, prorated weak-village funds, visits and contacts (R-TERM, R-WEAK-FUNDS)', async () => {
    const { agreementId } = await weakPair();
    const a = await read(agreementId);
    expect(a).toMatchObject({
      status: 'draft',
      pen: 'urban',
      version: 1,
      mySide: 'urban',
      termStart: '2010-07-01',
      termEnd: '2013-07-31',
      urbanOrg: { name: '上海市农业农村委员会' },
      ruralOrg: { name: '民主村村委会', weakVillage: true },
    });
    // 2010: 184 of 365 days, 2013: 212 of 365 days, rounded half up.
    expect(a.content.yearlyFunds).toEqual([
      { year: 2010, amount: 10_082 },
      { year: 2011, amount: 20_000 },
      { year: 2012, amount: 20_000 },
      { year: 2013, amount: 11_616 },
    ]);
    expect(a.content.visitPlan.map((v: { leadVisits: number }) => v.leadVisits)).toEqual([
      2, 2, 2, 2,
    ]);
    expect(a.content.contacts.urban).toMatchObject({ name: '王建国', phone: '13800005678' });
    expect(a.signingIssues).toEqual([
      { ruleId: 'R-PROJECT', path: 'projects', required: 1, actual: 0 },
    ]);
    const asCity = await read(agreementId, s.a.users.city_admin);
    expect(asCity.mySide).toBeNull();
    expect(asCity.content.contacts.urban.phone).toBe('138****5678');
  });

  it('starts a village that is not weak at zero funds and is idempotent per intention', async () => {
    const pair = await openPair(env, { city: s.shanghai, urban: s.a.unit, rural: s.b.village });
    const a = await read(pair.agreementId);
    expect(a.content.yearlyFunds.map((f: { amount: number }) => f.amount)).toEqual([0, 0, 0, 0]);
    const again = await env.dbh.db.transaction((tx) =>
      createDraftAgreement(tx, { intentionId: pair.intentionId }),
    );
    expect(again).toEqual({ agreementId: pair.agreementId, created: false });
  });
});

describe('editing in turn with versions', () => {
  it('lets only the pen holder save, refuses stale versions and keeps every version', async () => {
    const { agreementId: id } = await weakPair();
    const v1 = (await read(id)).content as AgreementContent;
    const v2 = signable(v1);
    v2.yearlyFunds[1].amount = 25_000;

    const first = await save(s.a.users.unit_admin, id, 1, v2);
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);

    const stale = await save(s.a.users.unit_admin, id, 1, v1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');

    const notTurn = await save(s.a.users.village_admin, id, 2, v1);
    expect(notTurn.statusCode).toBe(409);
    expect(notTurn.json().error.code).toBe('not_your_turn');

    expect(
      (await api(s.a.users.unit_admin, 'POST', `/api/agreements/${id}/hand-over`)).statusCode,
    ).toBe(200);
    expect((await save(s.a.users.unit_admin, id, 2, v1)).json().error.code).toBe('not_your_turn');
    const handBack = await api(s.a.users.unit_admin, 'POST', `/api/agreements/${id}/hand-over`);
    expect(handBack.statusCode).toBe(409);

    const v3 = {
      ...v2,
      commitments: [...v2.commitments, { side: 'rural' as const, text: '提供项目用地' }],
    };
    const ruralSave = await save(s.a.users.village_admin, id, 2, v3);
    expect(ruralSave.statusCode).toBe(200);
    expect(ruralSave.json()).toMatchObject({ version: 3, pen: 'rural' });

    const versions = await api(s.a.users.town_admin, 'GET', `/api/agreements/${id}/versions`);
    expect(
      versions
        .json()
        .items.map((v: { version: number; side: string | null }) => [v.version, v.side]),
    ).toEqual([
      [1, null],
      [2, 'urban'],
      [3, 'rural'],
    ]);

    const diff = await api(s.a.users.inspector, 'GET', `/api/agreements/${id}/diff?from=1&to=3`);
    expect(diff.statusCode).toBe(200);
    const changes = diff.json().changes;
    expect(changes).toEqual(
      expect.arrayContaining([
        { type: 'added', path: 'projects.0', after: checkableProject(2010) },
        { type: 'changed', path: 'yearlyFunds.1.amount', before: 20_000, after: 25_000 },
        {
          type: 'added',
          path: `commitments.${v1.commitments.length}`,
          after: { side: 'rural', text: '提供项目用地' },
        },
      ]),
    );
    const back = await api(s.a.users.inspector, 'GET', `/api/agreements/${id}/diff?from=3&to=1`);
    expect(back.json().changes).toContainEqual({
      type: 'removed',
      path: 'projects.0',
      before: checkableProject(2010),
    });
    expect(
      (await api(s.a.users.inspector, 'GET', `/api/agreements/${id}/diff?from=1&to=9`)).statusCode,
    ).toBe(404);
    expect(
      (await api(s.a.users.inspector, 'GET', `/api/agreements/${id}/diff?from=x&to=1`)).statusCode,
    ).toBe(422);

    const [audit] = await env.dbh.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'agreement.save'))
      .limit(1);
    expect(audit).toMatchObject({ entity: 'agreement', actorName: s.a.users.unit_admin.username });
  });

  it('lets exactly one of two concurrent saves of the same version through', async () => {
    const { agreementId: id } = await weakPair();
    const { content } = await read(id);
    const results = await Promise.all([
      save(s.a.users.unit_admin, id, 1, signable(content, 30_000)),
      save(committeeAdmin, id, 1, signable(content, 40_000)),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const versions = await api(s.a.users.unit_admin, 'GET', `/api/agreements/${id}/versions`);
    expect(versions.json().items).toHaveLength(2);
    expect((await read(id)).version).toBe(2);
  });

  it('rejects bad input on every write with field messages and changes nothing', async () => {
    const { agreementId: id } = await weakPair();
    const { content } = await read(id);
    const cases: [Method, string, unknown, string][] = [
      ['PUT', `/api/agreements/${id}`, { version: 1 }, 'content'],
      ['PUT', `/api/agreements/${id}`, { content }, 'version'],
      [
        'PUT',
        `/api/agreements/${id}`,
        {
          version: 1,
          content: { ...content, projects: [{ ...checkableProject(2011), budget: -1 }] },
        },
        'content.projects.0.budget',
      ],
      [
        'PUT',
        `/api/agreements/${id}`,
        {
          version: 1,
          content: { ...content, projects: [{ ...checkableProject(2011), title: ' ' }] },
        },
        'content.projects.0.title',
      ],
      [
        'PUT',
        `/api/agreements/${id}`,
        {
          version: 1,
          content: {
            ...content,
            yearlyFunds: [
              { year: 2011, amount: 1 },
              { year: 2011, amount: 2 },
            ],
          },
        },
        'content.yearlyFunds',
      ],
      [
        'PUT',
        `/api/agreements/${id}`,
        { version: 1, content: { ...content, projects: [checkableProject(2015)] } },
        'projects.0.year',
      ],
      [
        'PUT',
        `/api/agreements/${id}`,
        {
          version: 1,
          content: {
            ...content,
            contacts: { ...content.contacts, rural: { name: 'x', title: '', phone: 'abc' } },
          },
        },
        'content.contacts.rural.phone',
      ],
      ['POST', `/api/agreements/${id}/sign`, {}, 'version'],
      ['POST', `/api/agreements/${id}/sign`, { version: 'x' }, 'version'],
      ['POST', '/api/agreements/abc/sign', { version: 1 }, 'id'],
      ['POST', '/api/agreements/abc/hand-over', undefined, 'id'],
      ['POST', '/api/agreements/0/amendments', undefined, 'id'],
      ['GET', '/api/agreements?status=void', undefined, 'status'],
      ['GET', '/api/agreements?page=0', undefined, 'page'],
    ];
    for (const [method, url, body, field] of cases) {
      const res = await api(s.a.users.unit_admin, method, url, body);
      expect(res.statusCode, `${method} ${url} ${field}`).toBe(422);
      expect(Object.keys(res.json().error.fields), field).toContain(field);
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const after = await read(id);
    expect(after.version).toBe(1);
    expect(after.content).toEqual(content);
  });
});

describe('signing rules (R-WEAK-FUNDS, R-PROJECT)', () => {
  it('needs the prorated yearly minimum in every year of a weak village', async () => {
    const { agreementId: id } = await weakPair();
    const a = await read(id);
    const short = signable(a.content);
    short.yearlyFunds[0].amount = 10_081;
    short.yearlyFunds[2].amount = 19_999;
    const v = (await save(s.a.users.unit_admin, id, 1, short)).json().version;
    const refused = await sign(s.a.users.unit_admin, id, v);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('signing_rules_failed');
    expect(Object.keys(refused.json().error.fields).sort()).toEqual([
      'yearlyFunds.2010',
      'yearlyFunds.2012',
    ]);
    expect(refused.json().error.fields['yearlyFunds.2010']).toContain('10082');

    const exact = signable(a.content);
    const v2 = (await save(s.a.users.unit_admin, id, v, exact)).json().version;
    expect((await sign(s.a.users.unit_admin, id, v2)).statusCode).toBe(200);
  });

  it('asks no funds of a village that is not weak but still a checkable project', async () => {
    const { agreementId: id } = await openPair(env, {
      city: s.shanghai,
      urban: s.a.unit,
      rural: s.b.village,
    });
    const a = await read(id);
    const noIndicator = {
      ...a.content,
      projects: [{ ...checkableProject(2011), indicator: null }],
    };
    const v = (await save(s.a.users.unit_admin, id, 1, noIndicator)).json().version;
    const refused = await sign(s.a.users.unit_admin, id, v);
    expect(refused.statusCode).toBe(422);
    expect(Object.keys(refused.json().error.fields)).toEqual(['projects']);
    const v2 = (await save(s.a.users.unit_admin, id, v, signable(a.content))).json().version;
    expect((await sign(s.a.users.unit_admin, id, v2)).statusCode).toBe(200);
    expect((await sign(s.b.users.village_admin, id, v2)).statusCode).toBe(200);
    expect((await read(id)).status).toBe('signed');
  });
});

describe('signatures', () => {
  it('takes one authorized user per side, in either order, and notifies the board', async () => {
    const { agreementId: id, roundId } = await weakPair();
    const v = await prepare(id);
    const heard: string[] = [];
    const stop = await env.dbh.listen('board', (payload) => heard.push(payload));

    for (const outsider of [
      s.b.users.unit_admin,
      s.b.users.village_admin,
      s.b.users.district_admin,
    ]) {
      expect((await sign(outsider, id, v)).statusCode).toBe(404);
    }
    for (const noSide of [
      s.a.users.city_admin,
      s.a.users.district_admin,
      s.a.users.inspector,
      s.a.users.member,
    ]) {
      expect((await sign(noSide, id, v)).statusCode).toBe(403);
    }
    expect((await sign(s.a.users.village_admin, id, v - 1)).json().error.code).toBe(
      'stale_version',
    );

    const rural = await sign(s.a.users.village_admin, id, v);
    expect(rural.statusCode).toBe(200);
    expect(rural.json()).toMatchObject({
      status: 'draft',
      urbanSignature: null,
      ruralSignature: { name: s.a.users.village_admin.username, at: '2010-06-15T02:00:00.000Z' },
    });
    expect((await sign(s.a.users.town_admin, id, v)).json().error.code).toBe('already_signed');

    const urban = await sign(committeeAdmin, id, v);
    expect(urban.statusCode).toBe(200);
    expect(urban.json()).toMatchObject({
      status: 'signed',
      signedAt: '2010-06-15T02:00:00.000Z',
      urbanSignature: { name: 'ag.committee' },
    });
    await expect.poll(() => heard, { timeout: 2000 }).toContain(String(roundId));
    await stop();

    const actions = await env.dbh.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, String(id)));
    expect(actions.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'agreement.create',
        'agreement.save',
        'agreement.sign',
        'agreement.sign_complete',
      ]),
    );
  });

  it('withdraws a signature when the other side changes the text', async () => {
    const { agreementId: id } = await weakPair();
    const v = await prepare(id);
    expect((await sign(s.a.users.town_admin, id, v)).statusCode).toBe(200);
    const a = await read(id);
    const edited = await save(s.a.users.unit_admin, id, v, signable(a.content, 30_000));
    expect(edited.statusCode).toBe(200);
    expect(edited.json().ruralSignature).toBeNull();
    expect((await sign(s.a.users.unit_admin, id, v + 1)).json().status).toBe('draft');
  });

  it('refuses signing outside the signing phase and after the deadline (R-DEADLINE-SIGN)', async () => {
    const early = await weakPair('balancing');
    const v = await prepare(early.agreementId);
    // The abilities say so before anyone tries: the page shows 签署 disabled, with the reason.
    expect((await read(early.agreementId, s.a.users.unit_admin)).abilities.sign).toBe(false);
    const refused = await sign(s.a.users.unit_admin, early.agreementId, v);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('round_not_signing');

    const { unit_admin: unit, village_admin: village } = s.a.users;
    await travel('2010-07-01T23:50:00+08:00', [unit, village], async () => {
      const late = await weakPair('signing', '2010-07-01');
      const v2 = await prepare(late.agreementId);
      expect((await sign(unit, late.agreementId, v2)).statusCode).toBe(200);
      env.clock.advance(15 * 60_000);
      const after = await sign(village, late.agreementId, v2);
      expect(after.statusCode).toBe(409);
      expect(after.json().error.code).toBe('signing_deadline_passed');
      expect((await read(late.agreementId)).status).toBe('draft');
    });
  });
});

describe('signed agreements and amendments', () => {
  async function signedPair() {
    const pair = await weakPair();
    const v = await prepare(pair.agreementId);
    expect((await sign(s.a.users.unit_admin, pair.agreementId, v)).statusCode).toBe(200);
    expect((await sign(s.a.users.village_admin, pair.agreementId, v)).statusCode).toBe(200);
    return { ...pair, version: v };
  }

  it('refuses every change to a signed agreement', async () => {
    const { agreementId: id, version } = await signedPair();
    const before = await read(id);
    const attempts = [
      await save(s.a.users.unit_admin, id, version, before.content),
      await save(s.a.users.village_admin, id, version, before.content),
      await api(s.a.users.unit_admin, 'POST', `/api/agreements/${id}/hand-over`),
      await sign(s.a.users.town_admin, id, version),
    ];
    for (const res of attempts) {
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('agreement_signed');
    }
    expect(await read(id)).toEqual(before);
  });

  it('changes a signed agreement only through an amendment, signed the same way', async () => {
    const { agreementId: id, roundId } = await signedPair();
    const original = await read(id);
    const draft = await weakPair();
    const notSigned = await api(
      s.a.users.unit_admin,
      'POST',
      `/api/agreements/${draft.agreementId}/amendments`,
    );
    expect(notSigned.json().error.code).toBe('agreement_not_signed');

    const created = await api(s.a.users.village_admin, 'POST', `/api/agreements/${id}/amendments`);
    expect(created.statusCode).toBe(201);
    const amendment = created.json();
    expect(amendment).toMatchObject({ amendsId: id, status: 'draft', version: 1, pen: 'rural' });
    expect(amendment.content).toEqual(original.content);
    const second = await api(s.a.users.unit_admin, 'POST', `/api/agreements/${id}/amendments`);
    expect(second.json().error.code).toBe('amendment_open');

    // In force: amendments are still signed, with the same rules, after the signing deadline.
    await env.dbh.db.update(rounds).set({ state: 'in_force' }).where(eq(rounds.id, roundId));
    env.clock.set('2011-03-01T10:00:00+08:00');
    const relogin = async (u: ScenarioUser) => ({ ...u, cookie: await login(env, u.username) });
    const village = await relogin(s.a.users.village_admin);
    const unit = await relogin(s.a.users.unit_admin);
    const changed = {
      ...amendment.content,
      yearlyFunds: amendment.content.yearlyFunds.map((f: { year: number; amount: number }) => ({
        ...f,
        amount: f.year === 2011 ? 15_000 : f.amount,
      })),
    };
    const v2 = (await save(village, amendment.id, 1, changed)).json().version;
    expect((await sign(village, amendment.id, v2)).json().error.code).toBe('signing_rules_failed');
    changed.yearlyFunds[1].amount = 50_000;
    const v3 = (await save(village, amendment.id, v2, changed)).json().version;
    expect((await sign(village, amendment.id, v3)).statusCode).toBe(200);
    expect((await sign(unit, amendment.id, v3)).json().status).toBe('signed');

    expect(await read(id, unit)).toEqual(original);
    const list = await api(unit, 'GET', `/api/agreements?roundId=${roundId}&status=signed`);
    expect(
      list
        .json()
        .items.map((a: { id: number }) => a.id)
        .sort(),
    ).toEqual([id, amendment.id].sort());

    await env.dbh.db.update(rounds).set({ state: 'closed' }).where(eq(rounds.id, roundId));
    const closed = await api(unit, 'POST', `/api/agreements/${amendment.id}/amendments`);
    expect(closed.json().error.code).toBe('round_not_in_force');
    env.clock.set(base);
  });

  it('renders the 协议书 .docx with parties, amounts, fonts, A4 and page numbers', async () => {
    const { agreementId: id } = await signedPair();
    const res = await api(s.a.users.unit_admin, 'GET', `/api/agreements/${id}/document.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const { value: text } = await mammoth.extractRawText({ buffer: res.rawPayload });
    for (const expected of [
      '城乡党组织结对帮扶协议书',
      '甲方（帮扶方）：上海市农业农村委员会',
      '乙方（受援方）：民主村村委会（经济薄弱村）',
      '本协议期限自2010年7月1日起至2013年7月31日止',
      '村级活动室改造',
      '60,000',
      '10,082',
      '20,000',
      '11,616',
      '61,698',
      `授权签署人：${s.a.users.unit_admin.username}`,
      '签署日期：2010年6月15日',
      '13800005678',
    ]) {
      expect(text).toContain(expected);
    }
    expectOfficialLayout(await documentXml(res.rawPayload));
    const zip = await JSZip.loadAsync(res.rawPayload);
    const footers = Object.keys(zip.files).filter((f) => /word\/footer\d*\.xml/.test(f));
    const footer = await zip.file(footers[0])!.async('string');
    expect(footer).toMatch(/PAGE/);

    const masked = await api(s.a.users.city_admin, 'GET', `/api/agreements/${id}/document.docx`);
    const { value: cityText } = await mammoth.extractRawText({ buffer: masked.rawPayload });
    expect(cityText).not.toContain('13800005678');
  });

  it('publishes the commitment of signed agreements only, without phone numbers', async () => {
    const draft = await weakPair();
    expect(
      (await api(null, 'GET', `/api/public/agreements/${draft.agreementId}/commitment`)).statusCode,
    ).toBe(404);
    const { agreementId: id } = await signedPair();
    const res = await api(null, 'GET', `/api/public/agreements/${id}/commitment`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      urbanOrg: { name: '上海市农业农村委员会' },
      ruralOrg: { name: '民主村村委会', weakVillage: true },
      signedAt: '2010-06-15T02:00:00.000Z',
      projects: [checkableProject(2010)],
    });
    expect(res.body).not.toMatch(/1380000|5678|phone/);
    expect((await api(null, 'GET', '/api/public/agreements/abc/commitment')).statusCode).toBe(422);
  });
});

describe('lists', () => {
  it('shows agreements where either party is in scope, filtered and paged', async () => {
    const mine = await weakPair();
    const other = await openPair(env, { city: s.shanghai, urban: s.b.unit, rural: s.b.village });
    const ids = (res: { json(): { items: { id: number }[] } }) => res.json().items.map((a) => a.id);

    const forUnitA = await api(s.a.users.unit_admin, 'GET', '/api/agreements?pageSize=100');
    expect(ids(forUnitA)).toContain(mine.agreementId);
    expect(ids(forUnitA)).not.toContain(other.agreementId);
    const forVillageB = await api(s.b.users.village_admin, 'GET', '/api/agreements?pageSize=100');
    expect(ids(forVillageB)).toContain(other.agreementId);
    expect(ids(forVillageB)).not.toContain(mine.agreementId);
    const forCity = await api(
      s.a.users.city_admin,
      'GET',
      `/api/agreements?roundId=${other.roundId}`,
    );
    expect(ids(forCity)).toEqual([other.agreementId]);
    expect(
      (await api(s.b.users.city_admin, 'GET', `/api/agreements?roundId=${other.roundId}`)).json(),
    ).toMatchObject({ items: [], total: 0 });

    const page1 = await api(s.a.users.city_admin, 'GET', '/api/agreements?pageSize=2&page=1');
    const page2 = await api(s.a.users.city_admin, 'GET', '/api/agreements?pageSize=2&page=2');
    expect(page1.json().total).toBeGreaterThan(2);
    expect(ids(page1)).toHaveLength(2);
    expect(ids(page2).some((x: number) => ids(page1).includes(x))).toBe(false);
    const drafts = await api(
      s.a.users.city_admin,
      'GET',
      '/api/agreements?status=draft&pageSize=100',
    );
    expect(drafts.json().items.every((a: { status: string }) => a.status === 'draft')).toBe(true);

    expect(
      (await api(s.b.users.unit_admin, 'GET', `/api/agreements/${mine.agreementId}`)).statusCode,
    ).toBe(404);
  });
});

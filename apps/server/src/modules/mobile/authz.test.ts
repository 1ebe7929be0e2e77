// Authorization matrix of every mobile-member route. Side A's actors sit above the member's home
// village (民主村, the outflow side; 上海市's city admin is above both sides); side B's actors and
// a 社区居委会 admin under 朱家角镇 are the inflow side, which sees the member's file only once it
// has received him (404 before). Writes give each caller its own member, so one caller's success
// does not change what the next one meets.
import type { Role } from '@pairing/shared';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { only, type Status } from '../../../test/authz.ts';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario, type ScenarioUser } from '../../../test/scenario.ts';
import { insertPerson } from '../people/test-support.ts';
import {
  checkMatrix,
  communityWithAdmin,
  inflowActors,
  mobileCall,
  nextCertificate,
  perRole,
  registered,
  sendBody,
  sent,
  type Caller,
  type MatrixRow,
} from './test-support.ts';

let env: TestEnv;
let s: Scenario;
let communityId: number;
let communityAdmin: ScenarioUser;
let inflow: Record<Role, ScenarioUser>;

beforeAll(async () => {
  env = await createTestEnv();
  s = await createScenario(env, 'mauth');
  const c = await communityWithAdmin(env, s.b.town, 'mauth.community');
  communityId = c.community.id;
  communityAdmin = c.admin;
  inflow = inflowActors(s, communityAdmin);
});
afterAll(() => env.close());

const village = () => s.a.village.id;
const homeAdmin = () => s.a.users.village_admin.cookie;

describe('mobile members: authorization (outflow side and the city above both)', () => {
  it('lets the home side and those above it act, the unit not see, the member not enter', async () => {
    const member = await sent(env, homeAdmin(), village(), communityId);
    const fresh = await perRole(() => registered(env, homeAdmin(), village()));
    const away = await perRole(() => sent(env, homeAdmin(), village(), communityId));
    const toReceive = await sent(env, homeAdmin(), village(), communityId);
    const asked = await perRole(async () => {
      const id = await sent(env, homeAdmin(), village(), communityId);
      const res = await mobileCall(env, communityAdmin.cookie, 'POST', `/mobile/${id}/queries`, {
        fromSide: 'inflow',
        question: '请介绍该党员的表现',
      });
      return res.json().query.id as number;
    });
    const people = await perRole(() => insertPerson(env, { orgId: village() }));
    const years = { city_admin: 0, district_admin: 1, town_admin: 2, unit_admin: 3 } as Record<
      string,
      number
    >;
    const yearOf = (caller: Caller) => 2025 - (years[caller] ?? 4);

    const readers = only(
      {
        city_admin: 200,
        district_admin: 200,
        town_admin: 200,
        unit_admin: 200,
        village_admin: 200,
        inspector: 200,
      },
      403,
    );
    const fileReaders = only({
      city_admin: 200,
      district_admin: 200,
      town_admin: 200,
      unit_admin: 404,
      village_admin: 200,
      inspector: 200,
    });
    const homeWriters = (status: Status) =>
      only({
        city_admin: status,
        district_admin: status,
        town_admin: status,
        unit_admin: 404,
        village_admin: status,
      });
    const rows: MatrixRow[] = [
      { name: 'list', method: 'GET', url: () => '/mobile', expect: readers },
      { name: 'incoming', method: 'GET', url: () => '/mobile/incoming', expect: readers },
      {
        name: 'symposium window',
        method: 'GET',
        url: () => '/mobile/symposium-window?year=2025',
        expect: only({}, 200),
      },
      { name: 'file', method: 'GET', url: () => `/mobile/${member}`, expect: fileReaders },
      {
        name: 'destinations',
        method: 'GET',
        url: () => `/mobile/destinations?q=${encodeURIComponent('居委会')}`,
        expect: only({
          city_admin: 200,
          district_admin: 200,
          town_admin: 200,
          unit_admin: 200,
          village_admin: 200,
        }),
      },
      {
        name: 'agreement.docx',
        method: 'GET',
        url: () => `/mobile/${member}/agreement.docx`,
        expect: fileReaders,
      },
      {
        name: 'letter.docx',
        method: 'GET',
        url: () => `/orgs/${village()}/mobile-letter.docx?year=2025`,
        expect: homeWriters(200),
      },
      {
        name: 'register',
        method: 'POST',
        url: () => '/mobile',
        body: (caller) => ({
          personId: people[caller as Role] ?? people.member,
          certificateNumber: nextCertificate(),
          reason: 'business',
        }),
        expect: homeWriters(201),
      },
      {
        name: 'send',
        method: 'POST',
        url: (caller) => `/mobile/${fresh[caller as Role] ?? fresh.member}/send`,
        body: () => sendBody(communityId),
        expect: homeWriters(200),
      },
      {
        name: 'record duty',
        method: 'POST',
        url: () => `/mobile/${member}/duties`,
        body: (caller) => ({
          year: yearOf(caller),
          duty: 'goodDeed',
          date: `${yearOf(caller)}-05-01`,
        }),
        expect: homeWriters(201),
      },
      {
        name: 'ask as outflow',
        method: 'POST',
        url: () => `/mobile/${member}/queries`,
        body: () => ({ fromSide: 'outflow', question: '请告知该党员是否已报到' }),
        expect: homeWriters(201),
      },
      {
        name: 'answer the inflow',
        method: 'POST',
        url: (caller) => `/mobile/queries/${asked[caller as Role] ?? asked.member}/answer`,
        body: () => ({ answer: '该党员表现良好' }),
        expect: homeWriters(200),
      },
      {
        // Only the city is above the inflow community too; the home side may not receive.
        name: 'receive',
        method: 'POST',
        url: () => `/mobile/${toReceive}/receive`,
        expect: only({ city_admin: 200, unit_admin: 404 }),
      },
      {
        name: 'return home',
        method: 'POST',
        url: (caller) => `/mobile/${away[caller as Role] ?? away.member}/return`,
        body: () => ({ returnedOn: '2026-01-10' }),
        expect: homeWriters(200),
      },
    ];
    await checkMatrix(env, s.a.users, rows);
  });
});

describe('mobile members: authorization (inflow side, before and after receipt)', () => {
  const inflowSide = (status: Status, otherwise: Status = 404) =>
    only(
      {
        city_admin: otherwise,
        district_admin: status,
        town_admin: status,
        unit_admin: otherwise,
        village_admin: status,
        inspector: 403,
      },
      403,
    );

  it('shows the inflow side a notice, not the file, until it receives him', async () => {
    const awaiting = await sent(env, homeAdmin(), village(), communityId);
    const toReceive = await perRole(() => sent(env, homeAdmin(), village(), communityId));
    const notFoundYet = only({
      city_admin: 404,
      district_admin: 404,
      town_admin: 404,
      unit_admin: 404,
      village_admin: 404,
      inspector: 404,
    });
    await checkMatrix(env, inflow, [
      { name: 'file before', method: 'GET', url: () => `/mobile/${awaiting}`, expect: notFoundYet },
      {
        name: 'agreement before',
        method: 'GET',
        url: () => `/mobile/${awaiting}/agreement.docx`,
        expect: notFoundYet,
      },
      {
        name: 'query back',
        method: 'POST',
        url: () => `/mobile/${awaiting}/queries`,
        body: () => ({ fromSide: 'inflow', question: '请提供该党员的组织关系情况' }),
        expect: inflowSide(201),
      },
      {
        name: 'ask as the outflow side',
        method: 'POST',
        url: () => `/mobile/${awaiting}/queries`,
        body: () => ({ fromSide: 'outflow', question: '冒充流出方' }),
        expect: inflowSide(403),
      },
      {
        name: 'receive',
        method: 'POST',
        url: (caller) => `/mobile/${toReceive[caller as Role] ?? toReceive.member}/receive`,
        expect: inflowSide(200),
      },
    ]);
  });

  it('shows the file once received, and keeps the home side’s acts the home side’s', async () => {
    const received = await sent(env, homeAdmin(), village(), communityId);
    const res = await mobileCall(env, communityAdmin.cookie, 'POST', `/mobile/${received}/receive`);
    if (res.statusCode !== 200) throw new Error(res.body);
    const asked = await perRole(async () => {
      const q = await mobileCall(env, homeAdmin(), 'POST', `/mobile/${received}/queries`, {
        fromSide: 'outflow',
        question: '请告知该党员参加组织生活的情况',
      });
      return q.json().query.id as number;
    });
    await checkMatrix(env, inflow, [
      {
        name: 'file after',
        method: 'GET',
        url: () => `/mobile/${received}`,
        expect: { ...inflowSide(200), inspector: 200 },
      },
      {
        name: 'record duty',
        method: 'POST',
        url: () => `/mobile/${received}/duties`,
        body: () => ({ year: 2025, duty: 'goodDeed', date: '2025-05-01' }),
        expect: inflowSide(403),
      },
      {
        name: 'send again',
        method: 'POST',
        url: () => `/mobile/${received}/send`,
        body: () => sendBody(communityId),
        expect: inflowSide(403),
      },
      {
        name: 'return home',
        method: 'POST',
        url: () => `/mobile/${received}/return`,
        body: () => ({ returnedOn: '2026-01-10' }),
        expect: inflowSide(403),
      },
      {
        name: 'answer the outflow',
        method: 'POST',
        url: (caller) => `/mobile/queries/${asked[caller as Role] ?? asked.member}/answer`,
        body: () => ({ answer: '按时参加组织生活' }),
        expect: inflowSide(200),
      },
      {
        name: 'letter of another org',
        method: 'GET',
        url: () => `/orgs/${village()}/mobile-letter.docx`,
        expect: inflowSide(404),
      },
    ]);
  });
});

// The registry's routes (issue 14 item 1): register, refuse a second registration of an ID number
// (also when two arrive at once), bad input changes nothing, a retried create replays, dual
// registration, reveal and account links audited without the numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { createUser } from '../../../test/fixtures.ts';
import { queryRows } from '../../lib/rows.ts';
import { fakeIdNumber } from './test-support.ts';

let env: TestEnv;
let s: Scenario;
beforeAll(async () => {
  env = await createTestEnv();
  s = await createScenario(env, 'preg');
});
afterAll(() => env.close());

let serial = 700;
const input = (over: Record<string, unknown> = {}) => ({
  kind: 'member',
  name: '张建华',
  gender: 'male',
  idNumber: fakeIdNumber((serial += 1)),
  phone: '13600002222',
  tags: ['poorMember'],
  ...over,
});

const call = (
  cookie: string,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: unknown,
  key?: string,
) =>
  env.app.inject({
    method,
    url: `/api${url}`,
    headers: { cookie, ...(key ? { 'idempotency-key': key } : {}) },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

const count = async () =>
  (await queryRows<{ n: number }>(env.dbh.db, sql`select count(*)::int as n from persons`))[0].n;

describe('people registry', () => {
  it('registers a person masked, birth year from the ID number, audited masked', async () => {
    const body = input({ idNumber: '110101199003078515', secondOrgId: s.b.unit.id });
    const res = await call(
      s.a.users.village_admin.cookie,
      'POST',
      `/orgs/${s.a.village.id}/people`,
      body,
      'preg-create-1',
    );
    expect(res.statusCode, res.body).toBe(201);
    const { person } = res.json();
    expect(person).toMatchObject({
      name: '张建华',
      birthYear: 1990,
      orgId: s.a.village.id,
      secondOrgId: s.b.unit.id,
      idNumberMasked: '110101********8515',
      phoneMasked: '136****2222',
      abilities: { update: true, reveal: true, linkAccount: true },
    });
    const [audit] = await queryRows<{ after: unknown }>(
      env.dbh.db,
      sql`select after from audit_log where action = 'person.created' and entity_id = ${String(person.id)}`,
    );
    expect(JSON.stringify(audit.after)).toContain('110101********8515');
    expect(JSON.stringify(audit.after)).not.toContain('110101199003078515');

    // Dual registration: the unit where he works sees him, but does not edit him.
    const seen = await call(s.b.users.unit_admin.cookie, 'GET', `/people/${person.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().person.abilities).toEqual({
      update: false,
      reveal: true,
      linkAccount: false,
    });
    const edit = await call(s.b.users.unit_admin.cookie, 'PUT', `/people/${person.id}`, body);
    expect(edit.statusCode).toBe(403);

    // Replayed with the same key: the same answer, no second person.
    const before = await count();
    const again = await call(
      s.a.users.village_admin.cookie,
      'POST',
      `/orgs/${s.a.village.id}/people`,
      body,
      'preg-create-1',
    );
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.json().person.id).toBe(person.id);
    expect(await count()).toBe(before);

    // Another key, the same number: 409 naming where, masked.
    const dup = await call(
      s.a.users.town_admin.cookie,
      'POST',
      `/orgs/${s.a.village.id}/people`,
      body,
      'preg-create-2',
    );
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('person_exists');
    expect(dup.json().error.message).toContain('110101********8515');
    expect(dup.json().error.message).toContain(s.a.village.name);
    expect(dup.body).not.toContain('110101199003078515');

    // Found by the whole number (its blind index), not by a part of it.
    const byId = await call(s.a.users.town_admin.cookie, 'GET', '/people?q=110101199003078515');
    expect(byId.json().items.map((p: { id: number }) => p.id)).toEqual([person.id]);
    const byPart = await call(s.a.users.town_admin.cookie, 'GET', '/people?q=19900307');
    expect(byPart.json().total).toBe(0);
  });

  it('refuses bad input with 422 and changes nothing', async () => {
    const before = await count();
    const cookie = s.a.users.village_admin.cookie;
    const url = `/orgs/${s.a.village.id}/people`;
    const bad = [
      input({ idNumber: '110101199003078514' }),
      input({ phone: '1234' }),
      input({ name: '   ' }),
      input({ tags: ['nobody'] }),
      input({ secondOrgId: s.a.village.id }),
      input({ secondOrgId: s.a.district.id }),
    ];
    for (const [i, body] of bad.entries()) {
      const res = await call(cookie, 'POST', url, body, `preg-bad-${i}`);
      expect(res.statusCode, res.body).toBe(422);
    }
    const district = await call(
      s.a.users.district_admin.cookie,
      'POST',
      `/orgs/${s.a.district.id}/people`,
      input(),
      'preg-bad-district',
    );
    expect(district.statusCode).toBe(422);
    expect(await count()).toBe(before);
  });

  it('two creates of one ID number at once: one 201, one 409', async () => {
    const body = input();
    const [one, two] = await Promise.all(
      ['x', 'y'].map((k) =>
        call(
          s.a.users.village_admin.cookie,
          'POST',
          `/orgs/${s.a.village.id}/people`,
          body,
          `preg-race-${k}`,
        ),
      ),
    );
    expect([one.statusCode, two.statusCode].sort()).toEqual([201, 409]);
    const loser = one.statusCode === 409 ? one : two;
    expect(loser.json().error.code).toBe('person_exists');
  });

  it('updates at home, reseals, and refuses a number registered to another', async () => {
    const cookie = s.a.users.town_admin.cookie;
    const url = `/orgs/${s.a.village.id}/people`;
    const first = (await call(cookie, 'POST', url, input(), 'preg-upd-1')).json().person;
    const otherBody = input();
    await call(cookie, 'POST', url, otherBody, 'preg-upd-2');
    const moved = await call(cookie, 'PUT', `/people/${first.id}`, {
      ...input(),
      idNumber: otherBody.idNumber,
    });
    expect(moved.statusCode).toBe(409);
    const ok = await call(cookie, 'PUT', `/people/${first.id}`, {
      ...input(),
      name: '李四',
      phone: null,
      tags: ['retired', 'retired'],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().person).toMatchObject({ name: '李四', phoneMasked: null, tags: ['retired'] });
    // Numbers left out stay as stored.
    const withPhone = await call(cookie, 'PUT', `/people/${first.id}`, {
      ...input({ phone: '13511112222' }),
      idNumber: undefined,
    });
    expect(withPhone.json().person.idNumberMasked).toBe(ok.json().person.idNumberMasked);
    const { idNumber: _i, phone: _p, ...rest } = input({ name: '李四四' });
    const kept = await call(cookie, 'PUT', `/people/${first.id}`, rest);
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json().person).toMatchObject({
      name: '李四四',
      idNumberMasked: ok.json().person.idNumberMasked,
      phoneMasked: '135****2222',
    });
  });

  it('reveals with a reason, audited without the numbers', async () => {
    const cookie = s.a.users.village_admin.cookie;
    const body = input({ phone: '13912340000' });
    const { person } = (
      await call(cookie, 'POST', `/orgs/${s.a.village.id}/people`, body, 'preg-rev')
    ).json();
    const short = await call(cookie, 'POST', `/people/${person.id}/reveal`, { reason: '看' });
    expect(short.statusCode).toBe(422);
    const res = await call(cookie, 'POST', `/people/${person.id}/reveal`, {
      reason: '发放慰问金核对身份',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ idNumber: body.idNumber, phone: '13912340000' });
    const audits = await queryRows<{ after: { reason: string }; text: string }>(
      env.dbh.db,
      sql`select after, after::text as text from audit_log
        where action = 'person.revealed' and entity_id = ${String(person.id)}`,
    );
    expect(audits).toHaveLength(1);
    expect(audits[0].after.reason).toBe('发放慰问金核对身份');
    expect(audits[0].text).not.toContain(body.idNumber);
    expect(audits[0].text).not.toContain('13912340000');
  });

  it('links a member account of his organization, one person per account', async () => {
    const cookie = s.a.users.village_admin.cookie;
    const url = `/orgs/${s.a.village.id}/people`;
    const one = (await call(cookie, 'POST', url, input(), 'preg-link-1')).json().person;
    const two = (await call(cookie, 'POST', url, input(), 'preg-link-2')).json().person;
    const own = await createUser(env, {
      username: 'preg.m1',
      role: 'member',
      orgId: s.a.village.id,
    });
    const elsewhere = await createUser(env, {
      username: 'preg.m2',
      role: 'member',
      orgId: s.b.village.id,
    });
    const admin = s.a.users.village_admin.id;
    for (const userId of [elsewhere.id, admin, 999_999]) {
      const res = await call(cookie, 'PUT', `/people/${one.id}/account`, { userId });
      expect(res.statusCode, `user ${userId}`).toBe(422);
    }
    const linked = await call(cookie, 'PUT', `/people/${one.id}/account`, { userId: own.id });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().person).toMatchObject({ userId: own.id, userName: 'preg.m1' });
    const taken = await call(cookie, 'PUT', `/people/${two.id}/account`, { userId: own.id });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('account_linked');
    const unlinked = await call(cookie, 'PUT', `/people/${one.id}/account`, { userId: null });
    expect(unlinked.json().person.userId).toBeNull();
  });

  it('filters the list by organization, kind and tag', async () => {
    const cookie = s.a.users.city_admin.cookie;
    const url = `/orgs/${s.a.unit.id}/people`;
    const made = await call(
      cookie,
      'POST',
      url,
      input({ tags: ['inServiceCadre'], name: '王干部' }),
      'preg-filter-1',
    );
    expect(made.statusCode, made.body).toBe(201);
    const res = await call(
      cookie,
      'GET',
      `/people?orgId=${s.a.unit.id}&kind=member&tag=inServiceCadre`,
    );
    expect(res.json().items.map((p: { name: string }) => p.name)).toEqual(['王干部']);
    const unitSees = await call(s.a.users.unit_admin.cookie, 'GET', '/people?pageSize=100');
    expect(unitSees.json().items.every((p: { orgId: number }) => p.orgId === s.a.unit.id)).toBe(
      true,
    );
  });
});

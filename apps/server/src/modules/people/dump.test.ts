// The database holds no personal number in plaintext (issue 14 item 6): after people registered
// through the API and an import, a reveal, a failed import and both exports, every row of every
// table in the public schema, read as text, contains none of their ID numbers or phones.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { queryRows } from '../../lib/rows.ts';
import { peopleWorkbook, uploadPeople } from './files/test-support.ts';
import { fakeIdNumber } from './test-support.ts';

let env: TestEnv;
let s: Scenario;
beforeAll(async () => {
  env = await createTestEnv();
  s = await createScenario(env, 'pdump');
});
afterAll(() => env.close());

describe('database dump', () => {
  it('holds no ID number or phone in plaintext', async () => {
    const cookie = s.a.users.village_admin.cookie;
    const secrets: string[] = [];
    const person = (n: number) => {
      const idNumber = fakeIdNumber(950 + n);
      const phone = `1582468${String(1000 + n)}`;
      secrets.push(idNumber, phone);
      return { idNumber, phone };
    };
    const inject = (method: 'POST' | 'PUT', url: string, payload: object, key?: string) =>
      env.app.inject({
        method,
        url: `/api${url}`,
        headers: { cookie, ...(key ? { 'idempotency-key': key } : {}) },
        payload,
      });

    const created = await inject(
      'POST',
      `/orgs/${s.a.village.id}/people`,
      { kind: 'member', name: '赵一', gender: 'male', ...person(1) },
      'pdump-create',
    );
    expect(created.statusCode).toBe(201);
    const id = created.json().person.id;
    const updated = await inject('PUT', `/people/${id}`, {
      kind: 'member',
      name: '赵一',
      gender: 'male',
      ...person(2),
    });
    expect(updated.statusCode).toBe(200);
    const duplicate = await inject(
      'POST',
      `/orgs/${s.a.village.id}/people`,
      { kind: 'member', name: '赵二', gender: 'male', idNumber: secrets[2], phone: null },
      'pdump-dup',
    );
    expect(duplicate.statusCode).toBe(409);
    expect((await inject('POST', `/people/${id}/reveal`, { reason: '核对身份' })).statusCode).toBe(
      200,
    );

    const rows = [3, 4, 5].map((n) => {
      const p = person(n);
      return ['钱三', '群众', '女', p.idNumber, p.phone, '困难群众', '', ''];
    });
    const imported = await uploadPeople(
      env,
      s.a.village.id,
      cookie,
      await peopleWorkbook(rows),
      'pdump-import',
    );
    expect(imported.statusCode, imported.body).toBe(201);
    const bad = person(6);
    const rejected = await uploadPeople(
      env,
      s.a.village.id,
      cookie,
      await peopleWorkbook([
        ['孙四', '群众', '女', bad.idNumber, bad.phone, '', '', ''],
        ['孙四', '群众', '女', bad.idNumber, bad.phone, '', '', ''],
        ['周五', '群众', '女', secrets[6], '13', '', '', ''],
      ]),
      'pdump-rejected',
    );
    expect(rejected.statusCode).toBe(422);
    for (const full of [false, true]) {
      // Searching by a whole ID number leaves it in no export's audit record either.
      const filter = { q: secrets[2] };
      const res = await inject('POST', '/people/export', { reason: '年度核查', full, filter });
      expect(res.statusCode).toBe(200);
    }

    const tables = await queryRows<{ name: string }>(
      env.dbh.db,
      sql`select quote_ident(tablename) as name from pg_tables where schemaname = 'public'`,
    );
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['persons', 'audit_log', 'idempotency_keys']),
    );
    const leaks: string[] = [];
    for (const { name } of tables) {
      const dump = await queryRows<{ row: string }>(
        env.dbh.db,
        sql.raw(`select t::text as row from ${name} t`),
      );
      for (const { row } of dump)
        for (const secret of secrets) if (row.includes(secret)) leaks.push(`${name}: ${secret}`);
    }
    expect(leaks).toEqual([]);
    // Four people were registered (API and import): their numbers are in the table, sealed.
    const [{ n }] = await queryRows<{ n: number }>(
      env.dbh.db,
      sql`select count(*)::int as n from persons`,
    );
    expect(n).toBe(4);
  });
});

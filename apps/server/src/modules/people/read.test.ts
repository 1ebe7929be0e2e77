import { isIdNumber } from '@pairing/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { keyringOf } from '../../lib/personal-crypto.ts';
import { readPeople } from './read.ts';
import { fakeIdNumber, insertPerson } from './test-support.ts';
import { queryRows } from '../../lib/rows.ts';
import { sql } from 'drizzle-orm';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

describe('people read (foundation)', () => {
  it('makes valid fictitious ID numbers', () => {
    for (let n = 0; n < 200; n += 1) expect(isIdNumber(fakeIdNumber(n))).toBe(true);
  });

  it('shows a sealed person masked, and only those the filter lets through', async () => {
    const [org] = await queryRows<{ id: number }>(
      env.dbh.db,
      sql`select id::int from orgs where kind = 'village' order by id limit 1`,
    );
    const id = await insertPerson(env, {
      orgId: org!.id,
      idNumber: '110101199003078515',
      phone: '13912345678',
      tags: ['poorMember'],
    });
    const [person] = await readPeople(env.dbh.db, keyringOf(env.config), [id]);
    expect(person).toMatchObject({
      id,
      orgId: org!.id,
      tags: ['poorMember'],
      birthYear: 1990,
      idNumberMasked: '110101********8515',
      phoneMasked: '139****5678',
    });
    const none = await readPeople(
      env.dbh.db,
      keyringOf(env.config),
      [id],
      sql`p.kind = 'resident'`,
    );
    expect(none).toEqual([]);
  });
});

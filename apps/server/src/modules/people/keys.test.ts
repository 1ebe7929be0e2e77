// Key rotation and wrong keys (issue 14 item 6): a rotation re-seals everything (afterwards every
// row opens with a ring holding only the new key) and resumes after a stop; a wrong key answers
// 500 `personal_key` with a clear message, never a wrong number; the start-up check refuses.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { buildApp } from '../../app.ts';
import { blindIndex, keyringOf, open, type Keyring } from '../../lib/personal-crypto.ts';
import { queryRows } from '../../lib/rows.ts';
import { rotateKeys, sealedByKey, verifyPersonalKeys } from './keys.ts';
import { fakeIdNumber, insertPerson } from './test-support.ts';

let env: TestEnv;
let s: Scenario;
let old: Keyring;
const people: Array<{ id: number; idNumber: string; phone: string | null }> = [];

beforeAll(async () => {
  env = await createTestEnv();
  s = await createScenario(env, 'pkey');
  old = keyringOf(env.config);
  for (let n = 0; n < 7; n += 1) {
    const idNumber = fakeIdNumber(900 + n);
    const phone = n === 3 ? null : `1390000${String(n).padStart(4, '0')}`;
    people.push({
      id: await insertPerson(env, { orgId: s.a.village.id, idNumber, phone }),
      idNumber,
      phone,
    });
  }
});
afterAll(() => env.close());

const ring = (currentId: string, keys: Array<[string, Buffer]>): Keyring => ({
  currentId,
  keys: new Map(keys),
});
const sealedRows = () =>
  queryRows<{
    id: number;
    keyId: string;
    idNumberSealed: string;
    index: string;
    phoneSealed: string | null;
  }>(
    env.dbh.db,
    sql`select id::int, key_id as "keyId", id_number_sealed as "idNumberSealed",
      id_number_index as index, phone_sealed as "phoneSealed" from persons order by id`,
  );

describe('personal data keys', () => {
  it('a wrong key answers 500 personal_key, never a wrong number; the start-up check refuses', async () => {
    const wrong = ring(old.currentId, [[old.currentId, randomBytes(32)]]);
    const app = await buildApp({ ...env, config: { ...env.config, personalData: wrong } });
    try {
      const cookie = s.a.users.village_admin.cookie;
      for (const [method, url, payload] of [
        ['GET', `/api/people/${people[0].id}`, undefined],
        ['GET', '/api/people', undefined],
        ['POST', `/api/people/${people[0].id}/reveal`, { reason: '核对身份信息' }],
      ] as const) {
        const res = await app.inject({ method, url, headers: { cookie }, payload });
        expect(res.statusCode, url).toBe(500);
        expect(res.json().error.code).toBe('personal_key');
        expect(res.json().error.message).toContain('个人信息无法解密');
        expect(res.body).not.toMatch(/\d{17}[\dX]/);
      }
      const reveals = await queryRows(
        env.dbh.db,
        sql`select 1 from audit_log where action = 'person.revealed'`,
      );
      expect(reveals).toEqual([]);
    } finally {
      await app.close();
    }
    await expect(verifyPersonalKeys(env.dbh.db, wrong)).rejects.toThrow(/个人信息密钥校验失败/);
    const missing = ring('other', [['other', randomBytes(32)]]);
    await expect(verifyPersonalKeys(env.dbh.db, missing)).rejects.toThrow(/未配置密钥/);
    await verifyPersonalKeys(env.dbh.db, old);
  });

  it('rotation re-seals every row under the new key, resuming after a stop', async () => {
    const newKey = randomBytes(32);
    const both = ring('next', [['next', newKey], ...old.keys]);
    // The first run stops after its first batch (a crash): what it committed stays done.
    await expect(
      rotateKeys(env.dbh.db, both, {
        batchSize: 3,
        onProgress: () => {
          throw new Error('stopped');
        },
      }),
    ).rejects.toThrow('stopped');
    expect(await sealedByKey(env.dbh.db)).toEqual(
      new Map([
        ['next', 3],
        [old.currentId, 4],
      ]),
    );
    const progress: number[] = [];
    const result = await rotateKeys(env.dbh.db, both, {
      batchSize: 3,
      onProgress: (p) => progress.push(p.done),
    });
    expect(result).toEqual({ done: 4, total: 4 });
    expect(progress).toEqual([3, 4]);

    const onlyNew = ring('next', [['next', newKey]]);
    await verifyPersonalKeys(env.dbh.db, onlyNew);
    const rows = await sealedRows();
    for (const person of people) {
      const row = rows.find((r) => r.id === person.id)!;
      expect(row.keyId).toBe('next');
      expect(open(onlyNew, row.idNumberSealed)).toBe(person.idNumber);
      expect(row.phoneSealed === null ? null : open(onlyNew, row.phoneSealed)).toBe(person.phone);
      expect(row.index).toBe(blindIndex(onlyNew, person.idNumber));
    }
    expect(await rotateKeys(env.dbh.db, onlyNew)).toEqual({ done: 0, total: 0 });
  });
});

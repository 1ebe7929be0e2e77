// Issue 16 item 11: `audit verify` finds an edited, a deleted and an inserted record, each done
// as the probe did it (the append-only trigger switched off).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { recordAudit } from './record.ts';
import { sealAudit, verifyAudit } from './seal.ts';

let env: TestEnv;
const later = () => new Date(Date.now() + 60_000);

beforeEach(async () => {
  env = await createTestEnv();
  for (let i = 0; i < 12; i += 1) {
    await recordAudit(env.dbh.db, null, {
      action: 'org.update_unit',
      entity: 'org',
      entityId: i,
      scopePath: '/1/',
      after: { name: `组织${i}`, weakVillage: i % 2 === 0 },
    });
  }
  await sealAudit(env.dbh.db, later(), { limit: 5 });
  await sealAudit(env.dbh.db, later());
});
afterEach(() => env.close());

const tamper = async (statement: string) => {
  await env.dbh.query('alter table audit_log disable trigger audit_log_append_only');
  await env.dbh.query(statement);
  await env.dbh.query('alter table audit_log enable trigger audit_log_append_only');
};
const nth = async (n: number) =>
  Number(
    (
      await env.dbh.query<{ id: string }>(
        `select id from audit_log order by id offset ${n} limit 1`,
      )
    ).rows[0]!.id,
  );

describe('the audit chain (issue 16 item 11)', () => {
  it('holds for an untouched log sealed in several runs, and a new record waits for the next', async () => {
    const sealed = await verifyAudit(env.dbh.db, 4);
    expect(sealed).toMatchObject({ ok: true, unsealed: 0 });
    const links = (sealed as { links: number }).links;
    expect(links).toBeGreaterThanOrEqual(12);
    await recordAudit(env.dbh.db, null, {
      action: 'org.update_unit',
      entity: 'org',
      scopePath: '/1/',
    });
    expect(await verifyAudit(env.dbh.db)).toEqual({ ok: true, links, unsealed: 1 });
    expect(await sealAudit(env.dbh.db, later())).toBe(1);
    expect(await verifyAudit(env.dbh.db)).toEqual({ ok: true, links: links + 1, unsealed: 0 });
  });

  it('names an edited record', async () => {
    const id = await nth(6);
    await tamper(`update audit_log set after = '{"name":"改过"}' where id = ${id}`);
    expect(await verifyAudit(env.dbh.db)).toMatchObject({
      ok: false,
      auditId: id,
      problem: expect.stringContaining('封存后被改动'),
    });
  });

  it('names a deleted record', async () => {
    const id = await nth(3);
    await tamper(`delete from audit_log where id = ${id}`);
    expect(await verifyAudit(env.dbh.db)).toMatchObject({
      ok: false,
      auditId: id,
      problem: expect.stringContaining('已被删除'),
    });
  });

  it('names a record put in afterwards with an earlier time', async () => {
    await tamper(
      `insert into audit_log (at, action, entity, scope_path) values (now() - interval '1 day', 'org.updated', 'org', '/1/')`,
    );
    expect(await verifyAudit(env.dbh.db)).toMatchObject({
      ok: false,
      problem: expect.stringContaining('事后插入'),
    });
  });

  it('keeps the links themselves append-only', async () => {
    await expect(env.dbh.query('delete from audit_seals')).rejects.toThrow(/append-only/);
  });
});

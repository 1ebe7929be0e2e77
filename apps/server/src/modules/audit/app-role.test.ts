// Issue 16 item 11: the probe, connected as the application, switched the audit log's trigger off
// and rewrote records. As pairing_app (the role the server connects through) every such attempt
// fails, while adding and reading records still work.
import { randomBytes } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createUser, testPassword } from '../../../test/fixtures.ts';
import { withDatabase } from '../../../test/global-setup.ts';
import { buildApp } from '../../app.ts';
import { openDb } from '../../db/client.ts';
import { clientHeader } from '../../lib/cross-site.ts';
import { recordAudit } from './record.ts';
import { sealAudit } from './seal.ts';

let env: TestEnv;

beforeEach(async () => {
  env = await createTestEnv();
  await recordAudit(env.dbh.db, null, {
    action: 'org.update_unit',
    entity: 'org',
    entityId: 1,
    scopePath: '/1/',
  });
  await sealAudit(env.dbh.db, new Date(Date.now() + 60_000));
});
afterEach(() => env.close());

/** Run the statements as pairing_app, inside a transaction that is always rolled back. */
const asApp = async (...statements: string[]) => {
  const rolledBack = new Error('rolled back');
  try {
    await env.dbh.db.transaction(async (tx) => {
      await tx.execute('set local role pairing_app');
      for (const statement of statements) await tx.execute(statement);
      throw rolledBack;
    });
  } catch (err) {
    if (err === rolledBack) return 'done';
    const cause = (err as { cause?: { message?: string } }).cause;
    return cause?.message ?? (err as Error).message;
  }
  return 'done';
};

describe('pairing_app on the audit log (issue 16 item 11)', () => {
  it.each([
    ['alter table audit_log disable trigger audit_log_append_only', /must be owner/],
    ['alter table audit_log disable trigger all', /must be owner/],
    ['alter table audit_seals disable trigger audit_seals_append_only', /must be owner/],
    ['drop trigger audit_log_append_only on audit_log', /must be owner/],
    ["update audit_log set actor_name = '伪造'", /permission denied/],
    ['delete from audit_log', /permission denied/],
    ['truncate audit_log', /permission denied/],
    ["update audit_seals set hash = 'sha256:0'", /permission denied/],
    ['delete from audit_seals', /permission denied/],
    ['alter table audit_log owner to pairing_app', /must be (owner|able to SET ROLE)/],
  ])('refuses %s', async (statement, refusal) => {
    expect(await asApp(statement)).toMatch(refusal);
  });

  it('cannot grant itself what it lacks (PostgreSQL only warns, and grants nothing)', async () => {
    expect(
      await asApp(
        'grant update, delete on audit_log to pairing_app',
        "update audit_log set actor_name = '伪造'",
      ),
    ).toMatch(/permission denied/);
  });

  it('adds and reads records, and writes the business tables', async () => {
    expect(
      await asApp(
        `insert into audit_log (actor_name, action, entity, scope_path) values ('x', 'org.update_unit', 'org', '/1/')`,
      ),
    ).toBe('done');
    expect(await asApp('select count(*) from audit_log join audit_seals on true')).toBe('done');
    expect(await asApp(`update orgs set name = name where id = (select min(id) from orgs)`)).toBe(
      'done',
    );
  });
});

// The server itself, connected as a login role that is a member of pairing_app (as the
// deployment in docs/architecture.md "Database roles" runs it), signs in, writes and reads.
describe.runIf(process.env.DATABASE_URL)('the server as a member of pairing_app', () => {
  it('serves a sign-in, an audited write and the audit page, and cannot switch the trigger off', async () => {
    const login = `pairing_probe_${randomBytes(4).toString('hex')}`;
    await env.dbh.query(`create role ${login} login in role pairing_app`);
    // The job queue's schema was made here by the superuser's server; in a deployment the
    // server's role makes it (docs/architecture.md "Database roles") and so may use it.
    for (const kind of ['tables', 'sequences', 'functions'])
      await env.dbh.query(`grant all on all ${kind} in schema pgboss to pairing_app`);
    await env.dbh.query('grant all on schema pgboss to pairing_app');
    const [{ db: database }] = (
      await env.dbh.query<{ db: string }>('select current_database() as db')
    ).rows;
    const url = new URL(withDatabase(process.env.DATABASE_URL!, database));
    url.username = login;
    url.password = '';
    const dbh = await openDb({ url: url.toString(), poolSize: 2 });
    const app = await buildApp({ ...env, dbh });
    try {
      // Migrations need the owner: through the server's own role they are refused.
      await expect(dbh.migrate()).rejects.toThrow();
      const owned = await openDb({
        url: url.toString(),
        poolSize: 1,
        migrationUrl: withDatabase(process.env.DATABASE_URL!, database),
      });
      await owned.migrate();
      await owned.close();
      const [{ id: cityId }] = (
        await env.dbh.query<{ id: number }>(`select id from orgs where kind = 'city' limit 1`)
      ).rows;
      await createUser(env, { username: 'owner-check', role: 'city_admin', orgId: cityId });
      const send = (options: InjectOptions) =>
        app.inject({ ...options, headers: { [clientHeader]: 'test', ...options.headers } });
      const signedIn = await send({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'owner-check', password: testPassword },
      });
      expect(signedIn.statusCode).toBe(200);
      const cookie = signedIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const changed = await send({
        method: 'POST',
        url: '/api/auth/password',
        headers: { cookie },
        payload: { oldPassword: testPassword, newPassword: 'Harbour-Lantern-42' },
      });
      expect(changed.statusCode).toBe(200);
      const audit = await send({ method: 'GET', url: '/api/audit', headers: { cookie } });
      expect(audit.statusCode).toBe(200);
      const written = await env.dbh.query<{ n: number }>(
        `select count(*)::int as n from audit_log where action = 'user.password_changed'`,
      );
      expect(written.rows[0]!.n).toBe(1);
      await expect(
        dbh.query('alter table audit_log disable trigger audit_log_append_only'),
      ).rejects.toThrow(/must be owner/);
      await expect(dbh.query('delete from audit_log')).rejects.toThrow(/permission denied/);
    } finally {
      await app.close();
      await dbh.close();
      await env.dbh.query(`drop role ${login}`).catch(() => {});
    }
  });
});

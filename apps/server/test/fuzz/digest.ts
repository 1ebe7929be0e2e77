import type { DbHandle } from '../../src/db/client.ts';

/**
 * Tables that change on requests the server rightly refuses, left out of the comparison:
 * - sign_ins, login_throttle: a refused sign-in is recorded and counted against its source (that
 *   is how a guessing attack gets paused);
 * - sessions: a signed-in request touches its session's last-seen time, and the sessions a run
 *   ends (sign-out, revocation) are given back between batches;
 * - audit_seals: the audit chain is sealed on its own schedule, not by any one request;
 * - idempotency_keys: a create's refusal is kept under its key, so that a retry with the same key
 *   gets the same answer (modules/idempotency/plugin.ts).
 */
export const volatileTables = new Set([
  'sign_ins',
  'login_throttle',
  'sessions',
  'audit_seals',
  'idempotency_keys',
]);

type Row = { name: string; rows: number; md5: string };

async function tablesOf(dbh: DbHandle) {
  const { rows } = await dbh.query<{ name: string; bare: string }>(
    `select format('%I.%I', table_schema, table_name) as name, table_name as bare
       from information_schema.tables
      where table_type = 'BASE TABLE'
        and table_schema not in ('pg_catalog', 'information_schema', 'drizzle')
      order by 1`,
  );
  return rows.filter((r) => !volatileTables.has(r.bare)).map((r) => r.name);
}

/** Row count and md5 of the ordered rows of every table but the volatile ones. */
export async function digest(dbh: DbHandle): Promise<Record<string, string>> {
  const tables = await tablesOf(dbh);
  const { rows } = await dbh.query<Row>(
    tables
      .map(
        (t) =>
          `select '${t}' as name, count(*)::int as rows, md5(coalesce(string_agg(x::text, E'\\n' order by x::text), '')) as md5 from ${t} x`,
      )
      .join(' union all '),
  );
  return Object.fromEntries(rows.map((r) => [r.name, `${r.rows} ${r.md5}`]));
}

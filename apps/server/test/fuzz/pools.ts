import type { DbHandle } from '../../src/db/client.ts';
import type { Pools } from './json-schema.ts';

/** The first ids of every table with a numeric id, so generated path ids often find a row. */
export async function poolsOf(dbh: DbHandle): Promise<Pools> {
  const { rows: tables } = await dbh.query<{ name: string }>(
    `select format('%I.%I', table_schema, table_name) as name from information_schema.columns
      where column_name = 'id' and data_type in ('integer', 'bigint')
        and table_schema not in ('pg_catalog', 'information_schema', 'drizzle')`,
  );
  const { rows } = await dbh.query<{ id: number }>(
    tables
      .map((t) => `(select id::float8 as id from ${t.name} order by id limit 8)`)
      .join(' union '),
  );
  return { ids: [...new Set(rows.map((r) => Number(r.id)))].sort((a, b) => a - b) };
}

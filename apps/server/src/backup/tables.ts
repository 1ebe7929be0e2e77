import type { DbHandle } from '../db/client.ts';

type Queryable = Pick<DbHandle, 'query'>;

/** A pg.Client or a PGlite as a handle's `query`. */
export const queryable = (client: {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}): Queryable => ({
  query: async (text, params) => ({ rows: (await client.query(text, params)).rows as never[] }),
});

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every table outside PostgreSQL's own schemas, as `schema.table`, in a stable order. */
export async function listTables(dbh: Queryable): Promise<string[]> {
  const { rows } = await dbh.query<{ name: string }>(
    `select schemaname || '.' || tablename as name from pg_tables
      where schemaname not in ('pg_catalog', 'information_schema') order by 1`,
  );
  return rows.map((r) => r.name);
}

export const quoteTable = (name: string) => {
  const [schema, ...rest] = name.split('.');
  return `${quote(schema)}.${quote(rest.join('.'))}`;
};

/** Rows per table, for the manifest and for checking a restore against it. */
export async function countRows(dbh: Queryable): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await listTables(dbh)) {
    const { rows } = await dbh.query<{ n: string | number }>(
      `select count(*) as n from ${quoteTable(table)}`,
    );
    counts[table] = Number(rows[0].n);
  }
  return counts;
}

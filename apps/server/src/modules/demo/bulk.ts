import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';

/**
 * Multi-row inserts of `size` rows each; answers the new ids in the order of `rows` (a
 * multi-row INSERT … RETURNING answers its rows in VALUES order, on PostgreSQL and PGlite).
 */
export async function insertInChunks<T extends PgTable & { id: PgTable['_']['columns'][string] }>(
  db: Db,
  table: T,
  rows: T['$inferInsert'][],
  size = 500,
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    const inserted = (await db
      .insert(table)
      .values(chunk)
      .returning({ id: table.id })) as Array<{ id: number }>;
    ids.push(...inserted.map((r) => Number(r.id)));
  }
  return ids;
}

/** Multi-row inserts of tables without an id of their own. */
export async function insertRows<T extends PgTable>(
  db: Db,
  table: T,
  rows: T['$inferInsert'][],
  size = 500,
) {
  for (let i = 0; i < rows.length; i += size) {
    await db.insert(table).values(rows.slice(i, i + size));
  }
}

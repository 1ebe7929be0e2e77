// Bulk inserts for the demo seeder: each chunk of rows travels as one JSON parameter expanded by
// jsonb_populate_recordset, which binds ~10× faster on PGlite than thousands of placeholders.
import { getTableColumns, getTableName, is, sql, SQL, type Column } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../lib/rows.ts';

/**
 * A row's value as JSON. A key some rows leave out would arrive as null, so a left-out column
 * that has a plain default (`false`, `0`) takes it; one whose default is SQL must be given.
 */
function valueOf(column: Column, value: unknown) {
  if (value instanceof Date) return value.toISOString();
  if (value !== undefined || !column.notNull) return value ?? null;
  if (column.default === undefined || is(column.default, SQL)) {
    throw new Error(`demo rows must give ${column.name}`);
  }
  return column.default;
}

async function insertChunk<T extends PgTable>(
  db: Db,
  table: T,
  rows: T['$inferInsert'][],
  returning: boolean,
) {
  const columns = getTableColumns(table);
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const names = keys.map((k) => `"${columns[k].name}"`).join(', ');
  const json = rows.map((row) =>
    Object.fromEntries(
      keys.map((k) => [columns[k].name, valueOf(columns[k], (row as Record<string, unknown>)[k])]),
    ),
  );
  const name = getTableName(table);
  // Rows are inserted in the order of the JSON array, so ascending ids follow it.
  return queryRows<{ id: number }>(
    db,
    sql`insert into ${sql.identifier(name)} (${sql.raw(names)})
      select ${sql.raw(names)}
      from jsonb_populate_recordset(null::${sql.identifier(name)}, ${JSON.stringify(json)}::jsonb)
        with ordinality as x
      order by x.ordinality
      ${returning ? sql`returning id` : sql``}`,
  );
}

/** Inserts `rows` in chunks of `size`; answers the new ids in the order of `rows`. */
export async function insertInChunks<T extends PgTable>(
  db: Db,
  table: T,
  rows: T['$inferInsert'][],
  size = 2_000,
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += size) {
    const inserted = await insertChunk(db, table, rows.slice(i, i + size), true);
    ids.push(...inserted.map((r) => Number(r.id)).sort((a, b) => a - b));
  }
  return ids;
}

/** The same for tables without an id of their own. */
export async function insertRows<T extends PgTable>(
  db: Db,
  table: T,
  rows: T['$inferInsert'][],
  size = 2_000,
) {
  for (let i = 0; i < rows.length; i += size) {
    await insertChunk(db, table, rows.slice(i, i + size), false);
  }
}

import type { SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';

/** Run raw SQL on a database or transaction; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * A `timestamptz` column as `queryRows` answers it: PostgreSQL's text on both drivers
 * (`2026-03-02 01:00:00+00`), not a Date — only drizzle's query builder maps column types.
 */
export type RowTime = string;

/** A time as responses carry it: ISO 8601 in UTC, from a row's text (or JSON) or a Date. */
export const isoTime = (time: RowTime | Date) => new Date(time).toISOString();

export const isoTimeOrNull = (time: RowTime | Date | null) => (time == null ? null : isoTime(time));

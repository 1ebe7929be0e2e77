import type { SqlTag } from '../../lib/sql-tag.ts';

/**
 * The round a write into it belongs to, key-share locked so that a concurrent transition waits
 * until the write commits; no row when the caller's scope (`scopePath`) lies outside the round's.
 * Columns: id, state, intention_deadline, village_cap, scope_path. With `sql`, `id` and
 * `scopePath` are values; with `String.raw`, the statement's expressions for them.
 */
export const roundForWrite = <R>(q: SqlTag<R>, id: unknown, scopePath: unknown) =>
  q`select id, state, intention_deadline, village_cap, scope_path from rounds
    where id = ${id} and starts_with(${scopePath}, scope_path)
    for key share`;

import { sql } from 'drizzle-orm';

/**
 * The id half of a two-int advisory lock key. Ids are bigint and the key's halves int: an id past
 * 2^31 (a request may name one before any row has it) shares a key with a smaller id, which only
 * makes the two wait in turn, where a plain cast would fail the request with 500.
 */
export const lockKeyOf = (id: number) => sql`(${id}::bigint % 2147483648)::int`;

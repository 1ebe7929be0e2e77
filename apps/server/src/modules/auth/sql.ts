import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

// SQL that the auth module publishes for other modules' queries, so they never name its tables.

/** The display name of the user whose id is `userId` (a column or expression); null for none. */
export const displayNameOf = (userId: AnyPgColumn | SQL) =>
  sql<string | null>`(select u.display_name from users u where u.id = ${userId})`;

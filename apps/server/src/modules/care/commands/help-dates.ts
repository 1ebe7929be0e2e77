import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { queryRows } from '../../../lib/rows.ts';

/** The day of a case's first help entry, or null: the case cannot have opened after it. */
export async function firstHelpOn(db: Db, caseId: number): Promise<string | null> {
  const [row] = await queryRows<{ first: string | null }>(
    db,
    sql`select min(date)::text as first from care_help where case_id = ${caseId}`,
  );
  return row?.first ?? null;
}

// A village has one secretary at a time and a person holds one term at a time: whether a term's
// dates (inclusive, `to` null while serving) meet another's. Called under `lockTermsOf`.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { queryRows } from '../../../lib/rows.ts';

type Dates = { personId: number; villageId: number; from: string; to: string | null };

/** 'person' or 'village' for the first clash with another term (not `exceptId`), else null. */
export async function overlapping(
  tx: Db,
  term: Dates,
  exceptId: number | null,
): Promise<'person' | 'village' | null> {
  const [row] = await queryRows<{ samePerson: boolean }>(
    tx,
    sql`select person_id = ${term.personId} as "samePerson" from secretary_terms
      where (person_id = ${term.personId} or village_id = ${term.villageId})
        and id is distinct from ${exceptId}
        and from_date <= coalesce(${term.to}::date, 'infinity'::date)
        and coalesce(to_date, 'infinity'::date) >= ${term.from}::date
      order by 1 desc limit 1`,
  );
  return row ? (row.samePerson ? 'person' : 'village') : null;
}

// What the people registry publishes to the modules built on it (1+2, care, mobile members,
// secretaries): a person as they show one, masked, so that none of them names `persons` or opens a
// sealed number. Showing a number in full is the registry's own audited route.
import { maskIdNumber, maskPhone, type PersonSummary } from '@pairing/shared';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { open, type Keyring } from '../../lib/personal-crypto.ts';
import { queryRows } from '../../lib/rows.ts';

type SealedRow = Omit<PersonSummary, 'idNumberMasked' | 'phoneMasked'> & {
  idNumberSealed: string;
  phoneSealed: string | null;
};

/** The columns of `PersonSummary`, sealed numbers included, from `persons p`. */
export const personColumns = sql`p.id::int as "id", p.kind, p.name, p.gender,
  p.birth_year as "birthYear", p.tags::text[] as "tags",
  p.org_id::int as "orgId", ho.name as "orgName",
  p.second_org_id::int as "secondOrgId", so.name as "secondOrgName",
  p.id_number_sealed as "idNumberSealed", p.phone_sealed as "phoneSealed"`;

/** `persons p` with its home (`ho`) and second (`so`) organizations, for `personColumns`. */
export const peopleJoins = sql`persons p
  join org_directory ho on ho.id = p.org_id
  left join org_directory so on so.id = p.second_org_id`;

/** A row of `personColumns` as shown: the numbers opened only to be masked. */
export function presentPerson(keyring: Keyring, row: SealedRow): PersonSummary {
  const { idNumberSealed, phoneSealed, ...rest } = row;
  return {
    ...rest,
    idNumberMasked: maskIdNumber(open(keyring, idNumberSealed)),
    phoneMasked: phoneSealed === null ? null : maskPhone(open(keyring, phoneSealed)),
  };
}

/**
 * The people with these ids that `where` (over `p`, `ho`, `so`) lets through, in id order. The
 * caller's module decides what the caller may see; ids it may not see are simply absent.
 */
export async function readPeople(
  db: Db,
  keyring: Keyring,
  ids: readonly number[],
  where: SQL = sql`true`,
): Promise<PersonSummary[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<SealedRow>(
    db,
    sql`select ${personColumns} from ${peopleJoins}
      where p.id = any(${`{${ids.join(',')}}`}::bigint[]) and ${where} order by p.id`,
  );
  return rows.map((row) => presentPerson(keyring, row));
}

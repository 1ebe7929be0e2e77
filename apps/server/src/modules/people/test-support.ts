// For other modules' tests: register a person straight into the table, sealed as the registry
// seals, so that a test of 1+2, care or mobile members does not depend on the registry's routes.
import {
  birthYearOfIdNumber,
  idNumberCheckChar,
  type PersonKind,
  type PersonTag,
} from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { blindIndex, keyringOf, seal } from '../../lib/personal-crypto.ts';
import { queryRows } from '../../lib/rows.ts';

let serial = 0;

/** A valid, obviously fictitious ID number (region 110101, born 1970 + n % 40), unique per call. */
export function fakeIdNumber(n = (serial += 1)): string {
  const body = `110101${1970 + (n % 40)}0101${String(n % 1000).padStart(3, '0')}`;
  return body + idNumberCheckChar(body);
}

export type TestPerson = {
  orgId: number;
  kind?: PersonKind;
  name?: string;
  tags?: PersonTag[];
  idNumber?: string;
  phone?: string | null;
  secondOrgId?: number | null;
  userId?: number | null;
};

/** Insert a person; returns its id. Numbers are sealed with the env's keyring. */
export async function insertPerson(ctx: AppContext, person: TestPerson): Promise<number> {
  const keyring = keyringOf(ctx.config);
  const idNumber = person.idNumber ?? fakeIdNumber();
  const phone = person.phone === undefined ? '13800138000' : person.phone;
  const [row] = await queryRows<{ id: number }>(
    ctx.dbh.db,
    sql`insert into persons (org_id, second_org_id, province_code, kind, name, gender, birth_year,
        id_number_sealed, id_number_index, phone_sealed, key_id, tags, user_id)
      select ${person.orgId}, ${person.secondOrgId ?? null}, o.province_code,
        ${person.kind ?? 'member'}, ${person.name ?? `测试人员${serial}`}, 'male',
        ${birthYearOfIdNumber(idNumber)}, ${seal(keyring, idNumber)},
        ${blindIndex(keyring, idNumber)}, ${phone === null ? null : seal(keyring, phone)},
        ${keyring.currentId}, ${`{${(person.tags ?? []).join(',')}}`}::person_tag[],
        ${person.userId ?? null}
      from orgs o where o.id = ${person.orgId}
      returning id::int`,
  );
  if (!row) throw new Error(`no org ${person.orgId}`);
  return row.id;
}

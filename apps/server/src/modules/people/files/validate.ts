// The import's checks of every row, as a person entered by hand is checked (`personInput`), then
// against the other rows and the registry: each problem is a row error (row, column, message) and
// none of them repeats an ID number or phone in full.
import {
  genderWords,
  maskIdNumber,
  personInput,
  personKindWords,
  personTagWords,
  type ImportRowError,
  type PersonInput,
} from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { Keyring } from '../../../lib/personal-crypto.ts';
import { queryRows } from '../../../lib/rows.ts';
import { yieldToLoop, type SheetRow } from '../../imports/workbook.ts';
import { personExists, personOrgKinds, registeredAt } from '../checks.ts';
import { headerOf } from './columns.ts';

const byWord = <K extends string>(words: Record<K, string>) =>
  new Map(Object.entries(words).map(([key, word]) => [word as string, key as K]));
const kinds = byWord(personKindWords);
const genders = byWord(genderWords);
const tags = byWord(personTagWords);

type OrgChoice = { id: number; name: string };

/** The second organizations the rows name: by id (digits) or by name, null where ambiguous. */
async function secondOrgs(db: Db, rows: readonly SheetRow[]) {
  const named = [...new Set(rows.map((r) => r.cells.secondOrg).filter(Boolean))];
  const found = new Map<string, OrgChoice | null | undefined>();
  if (!named.length) return found;
  const ids = named.filter((n) => /^\d{1,15}$/.test(n)).map(Number);
  const list = (values: ReadonlyArray<string | number>) =>
    sql.join(
      values.map((v) => sql`${v}`),
      sql`, `,
    );
  const choices = await queryRows<OrgChoice>(
    db,
    sql`select o.id::int, o.name from org_directory o
      where (o.name in (${list(named)}) ${ids.length ? sql`or o.id in (${list(ids)})` : sql``})
        and o.kind in (${list(personOrgKinds)})`,
  );
  for (const name of named) {
    const matches = choices.filter((c) => c.name === name || String(c.id) === name);
    found.set(name, matches.length === 1 ? matches[0] : matches.length ? null : undefined);
  }
  return found;
}

type Checked = { row: number; input: PersonInput };

export async function validatePeople(
  db: Db,
  keyring: Keyring,
  homeId: number,
  rows: readonly SheetRow[],
) {
  const errors: ImportRowError[] = [];
  const checked: Checked[] = [];
  const orgs = await secondOrgs(db, rows);
  const firstRowOf = new Map<string, number>();
  const at = (row: number, key: string, message: string) =>
    errors.push({ row, column: headerOf(key), message });

  for (const [i, { row, cells }] of rows.entries()) {
    const before = errors.length;
    const words = cells.tags ? cells.tags.split(/[、,，;；\s]+/).filter(Boolean) : [];
    const unknown = words.filter((w) => !tags.has(w));
    if (unknown.length) at(row, 'tags', `无法识别的身份标签：${unknown.join('、')}`);
    let secondOrgId: number | null = null;
    if (cells.secondOrg) {
      const org = orgs.get(cells.secondOrg);
      if (org === undefined) at(row, 'secondOrg', `找不到组织“${cells.secondOrg}”`);
      else if (org === null) at(row, 'secondOrg', `组织“${cells.secondOrg}”重名，请填写组织编号`);
      else if (org.id === homeId) at(row, 'secondOrg', '不能与组织关系所在组织相同');
      else secondOrgId = org.id;
    }
    const parsed = personInput.safeParse({
      kind: kinds.get(cells.kind) ?? cells.kind,
      name: cells.name,
      gender: genders.get(cells.gender) ?? cells.gender,
      idNumber: cells.idNumber,
      phone: cells.phone || null,
      tags: words.filter((w) => tags.has(w)).map((w) => tags.get(w)),
      secondOrgId,
      note: cells.note,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        at(row, key === 'secondOrgId' ? 'secondOrg' : key, issue.message);
      }
    } else if (errors.length === before) {
      const first = firstRowOf.get(parsed.data.idNumber);
      if (first !== undefined) at(row, 'idNumber', `与第 ${first} 行的身份证号重复`);
      else {
        firstRowOf.set(parsed.data.idNumber, row);
        checked.push({ row, input: { ...parsed.data, tags: [...new Set(parsed.data.tags)] } });
      }
    }
    if ((i + 1) % 200 === 0) await yieldToLoop();
  }

  const registered = await registeredAt(
    db,
    keyring,
    checked.map((c) => c.input.idNumber),
  );
  for (const { row, input } of checked) {
    const orgName = registered.get(input.idNumber);
    if (orgName !== undefined) at(row, 'idNumber', personExists(input.idNumber, orgName).message);
  }
  errors.sort((a, b) => a.row - b.row);
  return { inputs: checked.map((c) => c.input), errors };
}

/** For the audit record of an import: who was registered, numbers masked. */
export const auditRowOf = (id: number, input: PersonInput) => ({
  id,
  name: input.name,
  idNumber: maskIdNumber(input.idNumber),
});

// What a registration must satisfy besides its contract: a home organization in scope that keeps
// people, a second organization that is another existing one, an ID number registered once.
import { maskIdNumber, type OrgKind } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { AppError, conflict, invalid, notFound } from '../../lib/errors.ts';
import { blindIndexes, type Keyring } from '../../lib/personal-crypto.ts';
import { queryRows } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { withinScope } from '../orgs/sql.ts';

/** The organizations people are registered at (home) or also report to (second). */
export const personOrgKinds: readonly OrgKind[] = ['village', 'community', 'urban_unit', 'town'];

export type HomeOrg = {
  id: number;
  name: string;
  path: string;
  kind: OrgKind;
  provinceCode: string;
};

/** The home organization of a registration: in the caller's scope (else 404), of a kind above. */
export async function homeOrg(db: Db, scope: Scope, orgId: number): Promise<HomeOrg> {
  const [org] = await queryRows<HomeOrg>(
    db,
    sql`select o.id::int, o.name, o.path, o.kind, o.province_code as "provinceCode"
      from org_directory o
      where o.id = ${orgId} and ${withinScope(sql`o.path`, scope)}`,
  );
  if (!org) throw notFound('组织不存在');
  if (!personOrgKinds.includes(org.kind))
    throw invalid('人员登记在村、社区、城市单位或乡镇', { orgId: '该组织不登记人员' });
  return org;
}

/**
 * The second organization (S3: 关系在企业, 活动在社区): any existing village, community, unit
 * or town, also outside the caller's scope (the member works in a city enterprise), not the home.
 */
export async function checkSecondOrg(db: Db, secondOrgId: number | null, homeId: number) {
  if (secondOrgId === null) return;
  if (secondOrgId === homeId)
    throw invalid('双重登记组织不能是组织关系所在组织', {
      secondOrgId: '不能与组织关系所在组织相同',
    });
  const [org] = await queryRows<{ kind: OrgKind }>(
    db,
    sql`select o.kind from org_directory o where o.id = ${secondOrgId}`,
  );
  if (!org || !personOrgKinds.includes(org.kind))
    throw invalid('双重登记组织须为已有的村、社区、城市单位或乡镇', {
      secondOrgId: '组织不存在或不登记人员',
    });
}

/** Where these ID numbers are registered already: blind index of any key → org name. */
export async function registeredAt(
  db: Db,
  keyring: Keyring,
  idNumbers: readonly string[],
  except?: number,
): Promise<Map<string, string>> {
  const byIndex = new Map<string, string>();
  for (const n of idNumbers) for (const index of blindIndexes(keyring, n)) byIndex.set(index, n);
  if (!byIndex.size) return new Map();
  const rows = await queryRows<{ index: string; orgName: string }>(
    db,
    sql`select p.id_number_index as index, ho.name as "orgName"
      from persons p join org_directory ho on ho.id = p.org_id
      where p.id_number_index = any(${`{${[...byIndex.keys()].join(',')}}`}::text[])
        ${except === undefined ? sql`` : sql`and p.id <> ${except}`}`,
  );
  return new Map(rows.map((r) => [byIndex.get(r.index)!, r.orgName]));
}

/** 409 naming where the number is registered, the number masked. */
export const personExists = (idNumber: string, orgName: string) =>
  conflict('person_exists', `身份证号 ${maskIdNumber(idNumber)} 已登记在${orgName}，不能重复登记`);

/** Refuse a number registered already (any key's index), except as person `except`. */
export async function ensureNotRegistered(
  db: Db,
  keyring: Keyring,
  idNumber: string,
  except?: number,
) {
  const found = (await registeredAt(db, keyring, [idNumber], except)).get(idNumber);
  if (found !== undefined) throw personExists(idNumber, found);
}

/** The 409 for a create that lost the race on the unique index to another one. */
export async function lostRace(db: Db, keyring: Keyring, idNumber: string): Promise<AppError> {
  const found = (await registeredAt(db, keyring, [idNumber])).get(idNumber);
  return personExists(idNumber, found ?? '其他组织');
}

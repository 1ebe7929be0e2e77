// Reading secretaries: the list of a town's or district's secretaries with the year's assessment,
// and one secretary's page. The scope filter is in the SQL; the person comes masked.
import type { SecretaryListItem, secretariesApi } from '@pairing/shared';
import type { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import type { Keyring } from '../../lib/personal-crypto.ts';
import { authorize } from '../../lib/policy.ts';
import { queryRows } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { withinScope } from '../orgs/sql.ts';
import { readPeople } from '../people/read.ts';
import { termColumns, termJoins, type TermRow } from './access.ts';
import { can } from './policy.ts';
import { presentSecretary } from './present.ts';

type ListQuery = z.output<typeof secretariesApi.list.query>;
type ListRow = TermRow & { serving: boolean; assessmentId: number | null; total: number | null };

/**
 * Each secretary's latest term in the caller's scope (under `orgId` if given), serving or left
 * as of today, with the year's assessment; ordered by town, village and start.
 */
export async function listSecretaries(
  db: Db,
  keyring: Keyring,
  scope: Scope,
  query: ListQuery,
  today: string,
) {
  authorize(can, scope, 'read');
  const year = query.year ?? Number(today.slice(0, 4));
  let under = sql`true`;
  if (query.orgId !== undefined) {
    const [org] = await queryRows<{ path: string }>(
      db,
      sql`select path from org_directory o where o.id = ${query.orgId}
        and ${withinScope(sql`o.path`, scope)}`,
    );
    if (!org) throw notFound('组织不存在或不在您的管理范围内');
    under = withinScope(sql`v.path`, { path: org.path });
  }
  const serving = sql`(t.to_date is null or t.to_date >= ${today})`;
  const status =
    query.status === 'serving'
      ? sql`l.serving`
      : query.status === 'left'
        ? sql`not l.serving`
        : sql`true`;
  const latest = sql`with latest as (
      select distinct on (t.person_id) ${termColumns}, ${serving} as serving
      from ${termJoins}
      where ${withinScope(sql`v.path`, scope)} and ${under}
      order by t.person_id, t.from_date desc
    )`;
  const [{ total }] = await queryRows<{ total: number }>(
    db,
    sql`${latest} select count(*)::int as total from latest l where ${status}`,
  );
  const rows = await queryRows<ListRow>(
    db,
    sql`${latest}
      select l.*, a.id::int as "assessmentId", a.total
      from latest l
      left join secretary_assessments a on a.person_id = l."personId" and a.year = ${year}
      where ${status}
      order by l."townName", l."villageName", l."from" desc, l.id
      limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
  );
  const people = new Map(
    (
      await readPeople(
        db,
        keyring,
        rows.map((r) => r.personId),
      )
    ).map((p) => [p.id, p]),
  );
  const items: SecretaryListItem[] = rows.map((row) => ({
    person: people.get(row.personId)!,
    term: {
      id: row.id,
      villageId: row.villageId,
      villageName: row.villageName,
      townName: row.townName,
      from: row.from,
      to: row.to,
      baseSubsidyPerYear: row.baseSubsidyPerYear,
    },
    serving: row.serving,
    assessment: row.assessmentId === null ? null : { id: row.assessmentId, total: row.total! },
  }));
  return { items, total, page: query.page, pageSize: query.pageSize, year };
}

/** One secretary's page (404 outside the caller's scope). */
export function getSecretary(
  db: Db,
  keyring: Keyring,
  scope: Scope,
  personId: number,
  today: string,
) {
  authorize(can, scope, 'read');
  return presentSecretary(db, keyring, scope, personId, today);
}

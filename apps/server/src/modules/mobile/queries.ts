// Reads: the outflow and inflow lists with the year's duty statuses, the incoming notices, one
// member's file. The scope filter is in the SQL; out of reach is 404.
import type {
  MobileDutyStatusKind,
  MobileFile,
  MobileMemberRow,
  MobileNotice,
  MobileSide,
  MobileState,
  Paged,
} from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Keyring } from '../../lib/personal-crypto.ts';
import { authorize } from '../../lib/policy.ts';
import { queryRows } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { withinScope } from '../orgs/sql.ts';
import { loadFile, memberColumns, memberJoins, type MemberRow } from './access.ts';
import { dutiesOf } from './duties.ts';
import { can } from './policy.ts';
import { presentMembers, presentNotices, presentQueries } from './present.ts';

export type MobileListFilter = {
  side: MobileSide;
  state?: MobileState;
  year?: number;
  status?: MobileDutyStatusKind;
  page: number;
  pageSize: number;
};

// A year-status filter is computed per member in code (the pack's statuses are not SQL); an
// organization's members are a few hundred at most, and the list reads at most this many.
const statusFilterCap = 5000;

/**
 * The outflow list (members whose home organization is in scope) or the inflow list (members
 * received by an organization in scope, until they return), newest first.
 */
export async function listMembers(
  db: Db,
  keyring: Keyring,
  scope: Scope,
  filter: MobileListFilter,
  today: string,
): Promise<Paged<MobileMemberRow>> {
  authorize(can, scope, 'read');
  const year = filter.year ?? Number(today.slice(0, 4));
  const where =
    filter.side === 'outflow'
      ? withinScope(sql`oo.path`, scope)
      : sql`mm.state = 'received' and ${withinScope(sql`io.path`, scope)}`;
  const state = filter.state ? sql`and mm.state = ${filter.state}` : sql``;
  const offset = (filter.page - 1) * filter.pageSize;
  let rows: MemberRow[];
  let total: number;
  if (filter.status) {
    const all = await queryRows<MemberRow>(
      db,
      sql`select ${memberColumns} from ${memberJoins} where ${where} ${state}
        order by mm.id desc limit ${statusFilterCap}`,
    );
    const duties = await dutiesOf(db, all, year, today);
    const matching = all.filter((r) => duties.get(r.id)!.some((d) => d.status === filter.status));
    total = matching.length;
    rows = matching.slice(offset, offset + filter.pageSize);
  } else {
    rows = await queryRows<MemberRow>(
      db,
      sql`select ${memberColumns} from ${memberJoins} where ${where} ${state}
        order by mm.id desc limit ${filter.pageSize} offset ${offset}`,
    );
    const [count] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${memberJoins} where ${where} ${state}`,
    );
    total = count.n;
  }
  const members = await presentMembers(db, keyring, scope, rows);
  const duties = await dutiesOf(db, rows, year, today);
  return {
    items: members.map((m) => ({ ...m, duties: duties.get(m.id)! })),
    total,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

/** Members sent to an organization in scope and not yet received: to receive or query back. */
export async function incomingNotices(
  db: Db,
  keyring: Keyring,
  scope: Scope,
  today: string,
): Promise<{ items: MobileNotice[] }> {
  authorize(can, scope, 'read');
  const rows = await queryRows<MemberRow>(
    db,
    sql`select ${memberColumns} from ${memberJoins}
      where mm.state in ('sent', 'queried') and ${withinScope(sql`io.path`, scope)}
      order by mm.id desc limit 200`,
  );
  return { items: await presentNotices(db, keyring, scope, rows, today) };
}

/** One member's file for `year`: registration, the 八个一 and the queries about him. */
export async function getFile(
  db: Db,
  keyring: Keyring,
  scope: Scope,
  id: number,
  year: number | undefined,
  today: string,
): Promise<MobileFile> {
  authorize(can, scope, 'read');
  const row = await loadFile(db, scope, id);
  const y = year ?? Number(today.slice(0, 4));
  const [member] = await presentMembers(db, keyring, scope, [row]);
  const duties = await dutiesOf(db, [row], y, today);
  return {
    member,
    year: y,
    duties: duties.get(row.id)!,
    queries: await presentQueries(db, scope, [row], today),
  };
}

/**
 * Organizations a member may flow into, by name: any in the directory, since he may go to another
 * district or city (the directory's names are public). For those who send members.
 */
export async function findDestinations(db: Db, scope: Scope, q: string) {
  authorize(can, scope, 'register');
  const items = await queryRows<{
    id: number;
    name: string;
    kind: string;
    parentName: string | null;
  }>(
    db,
    sql`select o.id::int as id, o.name, o.kind, p.name as "parentName"
      from org_directory o left join org_directory p on p.id = o.parent_id
      where o.name like ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}
      order by length(o.name), o.id limit 20`,
  );
  return { items };
}

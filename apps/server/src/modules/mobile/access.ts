// Loading a mobile member within the caller's reach: an object outside it is not found (404) by
// the query itself. Two reaches: the file (the outflow side always; the inflow side only once it
// has received him) and the notice (the inflow side also while he awaits receipt).
import type { MobileReason } from '@pairing/shared';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import { queryRows } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { withinScope } from '../orgs/sql.ts';
import type { MemberSubject } from './policy.ts';

export type MemberRow = MemberSubject & {
  id: number;
  personId: number;
  certificateNumber: string;
  reason: MobileReason;
  destination: string;
  provinceCode: string;
  outflowOrgId: number;
  outflowName: string;
  inflowOrgId: number | null;
  inflowName: string | null;
  leaveDate: string | null;
  trainedOn: string | null;
  agreementSignedOn: string | null;
  receivedAt: string | null;
  returnedOn: string | null;
  note: string;
};

/** The `select` list of a member (alias `mm`) with its outflow (`oo`) and inflow (`io`) orgs. */
export const memberColumns = sql`mm.id::int as id, mm.person_id::int as "personId",
  mm.certificate_number as "certificateNumber", mm.reason, mm.destination, mm.state,
  mm.province_code as "provinceCode",
  oo.id::int as "outflowOrgId", oo.name as "outflowName", oo.path as "outflowPath",
  io.id::int as "inflowOrgId", io.name as "inflowName", io.path as "inflowPath",
  mm.leave_date::text as "leaveDate", mm.trained_on::text as "trainedOn",
  mm.agreement_signed_on::text as "agreementSignedOn", mm.received_at::text as "receivedAt",
  mm.returned_on::text as "returnedOn", mm.note`;

export const memberJoins = sql`mobile_members mm
  join org_directory oo on oo.id = mm.outflow_org_id
  left join org_directory io on io.id = mm.inflow_org_id`;

/** The caller may see the member's file: his home side, or the inflow side once received. */
export const fileVisible = (scope: Pick<Scope, 'path'>) =>
  sql`(${withinScope(sql`oo.path`, scope)}
    or (mm.state = 'received' and ${withinScope(sql`io.path`, scope)}))`;

/** The caller may see the member at all: the file, or the inflow side's notice while he is away. */
export const noticeVisible = (scope: Pick<Scope, 'path'>) =>
  sql`(${withinScope(sql`oo.path`, scope)}
    or (mm.state in ('sent', 'queried', 'received') and ${withinScope(sql`io.path`, scope)}))`;

async function loadWhere(db: Db, id: number, where: SQL, lock: boolean) {
  const [row] = await queryRows<MemberRow>(
    db,
    sql`select ${memberColumns} from ${memberJoins}
      where mm.id = ${id} and ${where} ${lock ? sql`for update of mm` : sql``}`,
  );
  if (!row) throw notFound('流动党员不存在或不在您的管理范围内');
  return row;
}

/** The member if the caller may see his file, else 404. */
export const loadFile = (db: Db, scope: Scope, id: number, lock = false) =>
  loadWhere(db, id, fileVisible(scope), lock);

/** The member if the caller may see his file or his notice, else 404; `lock` locks the row. */
export const loadNotice = (db: Db, scope: Scope, id: number, lock = false) =>
  loadWhere(db, id, noticeVisible(scope), lock);

/** The path both sides' orgs lie under: a record about the two sides belongs there. */
export function sharedPath(a: string, b: string | null) {
  if (b === null) return a;
  const x = a.split('/');
  const y = b.split('/');
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return x.slice(0, i).join('/') + '/';
}

// Reads of pairings (issue 12 item 1): the list in the caller's scope with its filters and the
// stored compliance, and one pairing's archive (结对档案). Round names come from the rounds
// module's read, the parties from `org_directory`, the agreement from `pairing_agreements`.
import type {
  AgreementContent,
  ComplianceView,
  Paged,
  PairingSummary,
  PairingView,
} from '@pairing/shared';
import { evaluate } from '@pairing/policy';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import { offsetOf } from '../../lib/pagination.ts';
import { queryRows } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { roundNames } from '../rounds/read.ts';
import { pairingJoins, pairingVisible } from './access.ts';
import { buildLedgers } from './compliance/engine-ledger.ts';
import { withAt } from './compliance/read.ts';
import type { StoredStatus } from './compliance/store.ts';
import { ensure } from './policy.ts';
import {
  presentPairingSummary,
  presentPairingView,
  type PairingSummaryRow,
} from './present-pairing.ts';

const summaryColumns = sql`pa.id::int as id, pa.round_id::int as "roundId",
  pa.pack_id as "packId", pa.term_start::text as "termStart", pa.term_end::text as "termEnd",
  u.id::int as "urbanOrgId", u.name as "urbanName", u.path as "urbanPath",
  r.id::int as "ruralOrgId", r.name as "ruralName", r.path as "ruralPath",
  r.weak_village as "weakVillage",
  t.id::int as "townId", t.name as "townName", d.id::int as "districtId", d.name as "districtName",
  pc.at::text as "complianceAt", pc.met, pc.due, pc.due_soon as "dueSoon", pc.missed, pc.late,
  (select count(*) from ledger_records lr
    where lr.pairing_id = pa.id and lr.state in ('pending', 'disputed'))::int as "openRecords"`;

// The village's town and district (a town-level pairing is its own town).
const summaryJoins = sql`${pairingJoins}
  left join org_directory t on t.id = case when r.kind = 'town' then r.id else r.parent_id end
  left join org_directory d on d.id = t.parent_id
  left join pairing_compliance pc on pc.pairing_id = pa.id`;

export type PairingsQuery = {
  district?: number;
  town?: number;
  committee?: number;
  unit?: number;
  village?: number;
  weak?: boolean;
  roundId?: number;
  rule?: string;
  status?: 'met' | 'due' | 'due_soon' | 'missed' | 'late';
  page: number;
  pageSize: number;
};

/** Either party lies in the subtree of the org `orgId` (a district, town, committee, unit, village). */
const underOrg = (orgId: number) => sql`exists (select 1 from org_directory f
  where f.id = ${orgId} and (starts_with(u.path, f.path) or starts_with(r.path, f.path)))`;

function filters(scope: Scope, q: PairingsQuery): SQL {
  const parts: SQL[] = [pairingVisible(scope)];
  for (const orgId of [q.district, q.town, q.committee, q.unit, q.village]) {
    if (orgId !== undefined) parts.push(underOrg(orgId));
  }
  if (q.weak !== undefined) parts.push(sql`r.weak_village = ${q.weak}`);
  if (q.roundId !== undefined) parts.push(sql`pa.round_id = ${q.roundId}`);
  if (q.rule !== undefined || q.status !== undefined) {
    parts.push(sql`exists (select 1 from pairing_rule_status s where s.pairing_id = pa.id
      ${q.rule !== undefined ? sql`and s.rule = ${q.rule}` : sql``}
      ${q.status !== undefined ? sql`and s.status = ${q.status}` : sql``})`);
  }
  return sql.join(parts, sql` and `);
}

async function withRoundNames<T extends { roundId: number }>(db: Db, rows: T[]) {
  const names = await roundNames(db, [...new Set(rows.map((r) => r.roundId))]);
  return rows.map((r) => ({ ...r, roundName: names.get(r.roundId) ?? '' }));
}

export async function listPairings(
  db: Db,
  scope: Scope,
  query: PairingsQuery,
): Promise<Paged<PairingSummary>> {
  ensure(scope, 'read');
  const where = filters(scope, query);
  const [rows, [{ total }]] = await Promise.all([
    queryRows<Omit<PairingSummaryRow, 'roundName'>>(
      db,
      sql`select ${summaryColumns} from ${summaryJoins} where ${where}
        order by pa.id limit ${query.pageSize} offset ${offsetOf(query.page, query.pageSize)}`,
    ),
    queryRows<{ total: number }>(
      db,
      sql`select count(*)::int as total from ${pairingJoins} where ${where}`,
    ),
  ]);
  return {
    items: (await withRoundNames(db, rows)).map((row) => presentPairingSummary(scope, row)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

type ArchiveRow = Omit<PairingSummaryRow, 'roundName'> & {
  content: AgreementContent;
  responsibleDepartment: string | null;
  storedStatus: StoredStatus | null;
};

/** 结对档案: the pairing with roster, projects, commitments and its compliance status. */
export async function getPairing(
  db: Db,
  scope: Scope,
  id: number,
  today: string,
): Promise<PairingView> {
  ensure(scope, 'read');
  const [row] = await queryRows<ArchiveRow>(
    db,
    sql`select ${summaryColumns}, pa.content, ps.status as "storedStatus",
        (select p.responsible_department from pairing_profiles p where p.pairing_id = pa.id)
          as "responsibleDepartment"
      from ${summaryJoins} left join pairing_status ps on ps.pairing_id = pc.pairing_id
      where pa.id = ${id} and ${pairingVisible(scope)}`,
  );
  if (!row) throw notFound('结对不存在或不在您的管理范围内');
  ensure(scope, 'read', row);
  const [roster, [named]] = await Promise.all([
    queryRows<PairingView['roster'][number]>(
      db,
      sql`select id::int as id, name, post, role, from_date::text as "from",
          to_date::text as "to"
        from pairing_roster where pairing_id = ${id} order by from_date, id`,
    ),
    withRoundNames(db, [row]),
  ]);
  // Before the first record change or daily recompute there is nothing stored: compute it now.
  const status =
    row.storedStatus && row.complianceAt
      ? withAt(row.storedStatus, row.complianceAt)
      : await complianceOf(db, id, today);
  return presentPairingView(scope, { ...named, roster, status });
}

/** The engine's status of one pairing as of `at`, from its ledger as of `at`. */
async function complianceOf(db: Db, id: number, at: string) {
  const { ledgers } = await buildLedgers(db, [id], at);
  const ledger = ledgers.get(id);
  return ledger ? (evaluate(ledger, at) as ComplianceView) : null;
}

// Loading "1+2" pairs within the caller's scope: an object outside it is not found (404) by the
// query itself. An organization sees the pairs of the pairings it is a party to (the ledger's
// `pairingVisible`); a `member` sees only the pairs where he is the cadre.
import type { HelpPairState, HelpPlan } from '@pairing/shared';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import { queryRows, type RowTime } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { pairingJoins, pairingVisible } from '../ledger/access.ts';
import { personIdOfUser, personUserId } from '../people/sql.ts';
import type { PairSubject } from './policy.ts';

export type PairRow = {
  id: number;
  pairingId: number;
  provinceCode: string;
  state: HelpPairState;
  memberId: number;
  residentId: number;
  cadreId: number | null;
  cadreUserId: number | null;
  note: string;
  plan: HelpPlan | null;
  incomeBefore: number | null;
  incomeAfter: number | null;
  outOfDifficulty: boolean | null;
  concludedOn: string | null;
  summary: string | null;
  withdrawReason: string | null;
  proposedAt: RowTime;
  assignedAt: RowTime | null;
  records: number;
  urbanOrgId: number;
  urbanName: string;
  urbanPath: string;
  ruralOrgId: number;
  ruralName: string;
  ruralPath: string;
};

export const pairColumns = sql`hp.id::int as id, hp.pairing_id::int as "pairingId",
  hp.province_code as "provinceCode", hp.state, hp.member_id::int as "memberId",
  hp.resident_id::int as "residentId", hp.cadre_id::int as "cadreId",
  ${personUserId(sql`hp.cadre_id`)}::int as "cadreUserId", hp.note, hp.plan,
  hp.income_before as "incomeBefore", hp.income_after as "incomeAfter",
  hp.out_of_difficulty as "outOfDifficulty", hp.concluded_on::text as "concludedOn", hp.summary,
  hp.withdraw_reason as "withdrawReason", hp.proposed_at::text as "proposedAt",
  hp.assigned_at::text as "assignedAt",
  (select count(*) from help_records hr where hr.help_pair_id = hp.id)::int as records,
  u.id::int as "urbanOrgId", u.name as "urbanName", u.path as "urbanPath",
  r.id::int as "ruralOrgId", r.name as "ruralName", r.path as "ruralPath"`;

/** `help_pairs hp` with its pairing (`pa`) and the pairing's parties (`u`, `r`). */
export const pairJoins = sql`${pairingJoins} join help_pairs hp on hp.pairing_id = pa.id`;

/** The caller may see the pair (over `hp`, `u`, `r`). */
export const pairVisible = (scope: Scope): SQL =>
  scope.role === 'member'
    ? sql`hp.cadre_id = ${personIdOfUser(scope.userId)}`
    : pairingVisible(scope);

export const subjectOf = (row: PairRow): PairSubject => ({
  urbanPath: row.urbanPath,
  ruralPath: row.ruralPath,
  state: row.state,
  cadreUserId: row.cadreUserId,
  hasPlan: row.plan !== null,
});

/** The pairs the caller may see among those `where` selects, oldest first; `page` limits them. */
export const visiblePairRows = (db: Db, scope: Scope, where: SQL, page: SQL = sql``) =>
  queryRows<PairRow>(
    db,
    sql`select ${pairColumns} from ${pairJoins} where ${pairVisible(scope)} and ${where}
      order by hp.id ${page}`,
  );

/** The pair if the caller may see it, else 404; `lock` locks its row for the transaction. */
export async function loadPairScoped(
  db: Db,
  scope: Scope,
  id: number,
  lock = false,
): Promise<PairRow> {
  // Locking first (a row out of scope only waits), so the state read below is the one written.
  if (lock) await db.execute(sql`select 1 from help_pairs where id = ${id} for update`);
  const [row] = await visiblePairRows(db, scope, sql`hp.id = ${id}`);
  if (!row) throw notFound('帮带对象不存在或不在您的管理范围内');
  return row;
}

/** The help record's pair if the caller may see it, else 404; `lock` locks the pair's row. */
export async function loadRecordPair(
  db: Db,
  scope: Scope,
  recordId: number,
  lock = false,
): Promise<PairRow> {
  const [found] = await queryRows<{ pairId: number }>(
    db,
    sql`select hp.id::int as "pairId" from ${pairJoins} join help_records hr on hr.help_pair_id = hp.id
      where hr.id = ${recordId} and ${pairVisible(scope)}`,
  );
  if (!found) throw notFound('帮扶记录不存在或不在您的管理范围内');
  return loadPairScoped(db, scope, found.pairId, lock);
}

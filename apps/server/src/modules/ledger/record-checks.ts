// What a record must agree with beyond its shape (issue 12 item 3): its pairing's term, roster and
// projects, and today. Each finding names the field in Chinese, as the contract's messages do.
import type { LedgerSide, RecordInput } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { conflict, invalid, type FieldErrors } from '../../lib/errors.ts';
import { queryRows } from '../../lib/rows.ts';
import type { PairingRow } from './access.ts';
import { quarterRange } from './days.ts';

const rosterIdsOf = (input: RecordInput) =>
  input.type === 'visit' || input.type === 'activity' ? input.people.rosterIds : [];

/** Roster ids among `ids` that are not entries of this pairing's roster. */
async function foreignRosterIds(db: Db, pairingId: number, ids: readonly number[]) {
  if (ids.length === 0) return [];
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select id::int as id from pairing_roster
      where pairing_id = ${pairingId}
        and id = any(${`{${ids.map((n) => Math.trunc(n)).join(',')}}`}::bigint[])`,
  );
  const known = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !known.has(id));
}

/** 422 with every finding, or nothing. */
export async function checkRecord(db: Db, pairing: PairingRow, input: RecordInput, today: string) {
  const fields: FieldErrors = {};
  if (input.date > today) fields.date = '日期不能晚于今天';
  else if (input.date < pairing.termStart || input.date > pairing.termEnd) {
    fields.date = `日期须在结对期限内（${pairing.termStart} 至 ${pairing.termEnd}）`;
  }
  const foreign = await foreignRosterIds(db, pairing.id, rosterIdsOf(input));
  if (foreign.length > 0) fields['people.rosterIds'] = '参加人员不在本结对的领导班子名单中';
  if (input.type === 'activity' && input.category === 'other' && !input.categoryLabel) {
    fields.categoryLabel = '请填写活动类别名称';
  }
  if (
    (input.type === 'fund' || input.type === 'progress' || input.type === 'acceptance') &&
    input.projectIndex !== null &&
    input.projectIndex >= pairing.content.projects.length
  ) {
    fields.projectIndex = '协议中没有这个项目';
  }
  if (input.type === 'report') {
    const q = quarterRange(input.quarter);
    if (q.to < pairing.termStart || q.from > pairing.termEnd) {
      fields.quarter = '季度不在结对期限内';
    } else if (input.date < q.from) {
      fields.date = '季度开始之前不能提交该季度的报告';
    }
  }
  if (Object.keys(fields).length > 0) throw invalid('记录内容有误，请检查标出的字段', fields);
}

/** R-REPORT-Q: one report per quarter and side; a withdrawn or rejected one may be replaced. */
export async function ensureFirstReport(
  db: Db,
  pairingId: number,
  side: LedgerSide,
  quarter: string,
) {
  const [found] = await queryRows<{ id: number }>(
    db,
    sql`select id::int as id from ledger_records
      where pairing_id = ${pairingId} and type = 'report' and side = ${side}
        and period = ${quarter} and state not in ('withdrawn', 'rejected')
      limit 1`,
  );
  if (found) throw conflict('report_exists', `本方已提交 ${quarter} 的季度报告`);
}

/** The content as stored: a category label only where the category is `other`. */
export function normalized(input: RecordInput): RecordInput {
  if (input.type !== 'activity' || input.category === 'other') return input;
  const { categoryLabel: _ignored, ...rest } = input;
  return rest;
}

// The care archive as a workbook (R-CARE): one sheet of cases, one of help entries. Personal data:
// numbers masked as everywhere outside the registry, a reason required, the export audited with
// the reason, the filters and the count (issue 14 item 6).
import {
  CARE_EXPORT_ROWS,
  careKindLabels,
  difficultyLabels,
  festivalLabels,
  careHelpKindLabels,
  type CareKind,
  type CareState,
  type DifficultyKind,
  type Festival,
  type CareHelpKind,
} from '@pairing/shared';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import { authorize } from '../../lib/policy.ts';
import { queryRows } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { recordAudit } from '../audit/record.ts';
import { caseColumns, caseJoins, type CaseRow } from './access.ts';
import { can } from './policy.ts';
import { peopleOf } from './present.ts';
import { caseFilters } from './queries.ts';

export type ExportQuery = {
  reason: string;
  orgId?: number;
  difficulty?: DifficultyKind;
  state?: CareState;
  kind?: CareKind;
};

type HelpRow = {
  caseId: number;
  kind: CareHelpKind;
  date: string;
  text: string;
  amount: number | null;
  givenByOrgName: string | null;
  givenByName: string;
  festival: Festival | null;
  festivalYear: number | null;
};

const stateLabels: Record<CareState, string> = { open: '帮扶中', closed: '已结案' };
const genderLabels = { male: '男', female: '女' } as const;

export async function exportCases(
  ctx: AppContext,
  scope: Scope,
  query: ExportQuery,
  today: string,
): Promise<Buffer> {
  authorize(can, scope, 'export');
  const { reason, ...filters } = query;
  return ctx.dbh.db.transaction(async (tx) => {
    const rows = await queryRows<CaseRow>(
      tx,
      sql`select ${caseColumns} from ${caseJoins} where ${caseFilters(scope, filters, today)}
        order by ho.path, c.opened_on, c.id limit ${CARE_EXPORT_ROWS + 1}`,
    );
    if (rows.length > CARE_EXPORT_ROWS)
      throw new AppError(
        422,
        'too_many_rows',
        `一次最多导出 ${CARE_EXPORT_ROWS} 份档案，请按组织或状态筛选后分批导出`,
      );
    const ids = rows.map((r) => r.id);
    const help = ids.length
      ? await queryRows<HelpRow>(
          tx,
          sql`select h.case_id::int as "caseId", h.kind, h.date::text as date, h.text,
              h.amount::int as amount, g.name as "givenByOrgName", h.given_by_name as "givenByName",
              h.festival, h.festival_year as "festivalYear"
            from care_help h left join org_directory g on g.id = h.given_by_org_id
            where h.case_id = any(${`{${ids.join(',')}}`}::bigint[])
            order by h.case_id, h.date, h.id`,
        )
      : [];
    const people = await peopleOf(ctx, tx, rows);
    await recordAudit(tx, scope, {
      action: 'care.exported',
      entity: 'care_case',
      entityId: null,
      scopePath: scope.path,
      after: { reason, filters, cases: rows.length, help: help.length },
    });
    return workbook(rows, help, people);
  });
}

async function workbook(
  rows: CaseRow[],
  help: HelpRow[],
  people: Awaited<ReturnType<typeof peopleOf>>,
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '城乡结对帮扶平台';
  const cases = book.addWorksheet('帮扶对象');
  cases.columns = [
    { header: '档案号', key: 'id', width: 8 },
    { header: '姓名', key: 'name', width: 10 },
    { header: '性别', key: 'gender', width: 6 },
    { header: '出生年份', key: 'birthYear', width: 9 },
    { header: '身份证号（脱敏）', key: 'idNumber', width: 22 },
    { header: '电话（脱敏）', key: 'phone', width: 15 },
    { header: '组织关系所在', key: 'org', width: 24 },
    { header: '类别', key: 'kind', width: 10 },
    { header: '困难类型', key: 'difficulties', width: 20 },
    { header: '困难情况', key: 'description', width: 40 },
    { header: '建档日期', key: 'openedOn', width: 12 },
    { header: '状态', key: 'state', width: 8 },
    { header: '结案日期', key: 'closedOn', width: 12 },
    { header: '结案原因', key: 'closeReason', width: 20 },
    { header: '双结对组织', key: 'carer', width: 24 },
    { header: '结对日期', key: 'carerSince', width: 12 },
    { header: '帮扶次数', key: 'helpCount', width: 9 },
    { header: '物质帮扶合计（元）', key: 'material', width: 16 },
  ];
  const material = new Map<number, number>();
  for (const h of help)
    if (h.amount !== null) material.set(h.caseId, (material.get(h.caseId) ?? 0) + h.amount);
  for (const row of rows) {
    const person = people.get(row.personId)!;
    cases.addRow({
      id: row.id,
      name: person.name,
      gender: genderLabels[person.gender],
      birthYear: person.birthYear,
      idNumber: person.idNumberMasked,
      phone: person.phoneMasked ?? '',
      org: person.orgName,
      kind: careKindLabels[row.kind],
      difficulties: row.difficulties.map((d) => difficultyLabels[d]).join('、'),
      description: row.description,
      openedOn: row.openedOn,
      state: stateLabels[row.state],
      closedOn: row.closedOn ?? '',
      closeReason: row.closeReason,
      carer: row.carerName ?? '',
      carerSince: row.carerSince ?? '',
      helpCount: row.helpCount,
      material: material.get(row.id) ?? 0,
    });
  }
  const names = new Map(rows.map((r) => [r.id, people.get(r.personId)!.name]));
  const entries = book.addWorksheet('帮扶记录');
  entries.columns = [
    { header: '档案号', key: 'caseId', width: 8 },
    { header: '姓名', key: 'name', width: 10 },
    { header: '日期', key: 'date', width: 12 },
    { header: '帮扶类型', key: 'kind', width: 10 },
    { header: '节日慰问', key: 'festival', width: 12 },
    { header: '帮扶内容', key: 'text', width: 40 },
    { header: '金额（元）', key: 'amount', width: 10 },
    { header: '帮扶组织', key: 'org', width: 24 },
    { header: '帮扶人', key: 'by', width: 10 },
  ];
  for (const h of help)
    entries.addRow({
      caseId: h.caseId,
      name: names.get(h.caseId),
      date: h.date,
      kind: careHelpKindLabels[h.kind],
      festival: h.festival ? `${h.festivalYear}年${festivalLabels[h.festival]}` : '',
      text: h.text,
      amount: h.amount ?? '',
      org: h.givenByOrgName ?? '',
      by: h.givenByName,
    });
  for (const sheet of [cases, entries]) {
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

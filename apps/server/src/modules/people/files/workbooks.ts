// The registry's template and export (issue 14 items 1 and 6). An export needs a reason and is
// audited with its count and filters; its numbers are masked unless the full ones are asked for
// by a role that may export them.
import {
  genderWords,
  maskIdNumber,
  maskPhone,
  personKindWords,
  personTagWords,
  type PeopleExportInput,
  type PersonTag,
} from '@pairing/shared';
import { AppError } from '../../../lib/errors.ts';
import { authorize } from '../../../lib/policy.ts';
import { open } from '../../../lib/personal-crypto.ts';
import type { Scope } from '../../../lib/scope.ts';
import { buildWorkbook, workbookLimits } from '../../imports/workbook.ts';
import type { Registry } from '../access.ts';
import { recordAudit } from '../../audit/record.ts';
import { homeOrg } from '../checks.ts';
import { can } from '../policy.ts';
import { peopleRows } from '../queries.ts';
import { homeOrgColumn, peopleSheet, peopleSheetColumns } from './columns.ts';

export type Workbook = { name: string; body: Buffer };

const lists = {
  kind: Object.values(personKindWords),
  gender: Object.values(genderWords),
};

/** An example row, its ID number valid and plainly fictitious (region 110101, born 1970-01-01). */
const example = {
  name: '张三（示例，请删除）',
  kind: '党员',
  gender: '男',
  idNumber: '110101197001010014',
  phone: '13800000000',
  tags: `${personTagWords.poorMember}、${personTagWords.retired}`,
  secondOrg: '',
  note: '',
};

export async function peopleTemplate(reg: Registry, scope: Scope, orgId: number) {
  authorize(can, scope, 'import');
  const org = await homeOrg(reg.db, scope, orgId);
  authorize(can, scope, 'import', { homePath: org.path, secondPath: null });
  const body = await buildWorkbook(peopleSheet, peopleSheetColumns, [example], lists);
  return { name: `${org.name}人员导入模板.xlsx`, body };
}

/** A search as the audit keeps it: an ID number or phone typed into it masked like any other. */
const maskedSearch = (q: string) =>
  q.replace(/\d{6,}[\dXx]?/g, (n) => (n.length === 18 ? maskIdNumber(n) : maskPhone(n)));

export async function exportPeople(
  reg: Registry,
  scope: Scope,
  input: PeopleExportInput,
): Promise<Workbook> {
  authorize(
    can,
    scope,
    input.full ? 'exportFull' : 'exportMasked',
    undefined,
    input.full ? '无权导出完整证件号与电话，可导出脱敏名册' : undefined,
  );
  const rows = await peopleRows(reg, scope, input.filter, {
    page: 1,
    pageSize: workbookLimits.rows + 1,
  });
  if (rows.length > workbookLimits.rows)
    throw new AppError(
      422,
      'export_too_large',
      `超过 ${workbookLimits.rows.toLocaleString('en-US')} 人，请按组织筛选后分批导出`,
    );
  const shown = (sealed: string | null, mask: (v: string) => string) => {
    if (sealed === null) return null;
    const value = open(reg.keyring, sealed);
    return input.full ? value : mask(value);
  };
  const sheet = rows.map((r) => ({
    orgName: r.orgName,
    name: r.name,
    kind: personKindWords[r.kind],
    gender: genderWords[r.gender],
    idNumber: shown(r.idNumberSealed, maskIdNumber),
    phone: shown(r.phoneSealed, maskPhone),
    tags: (r.tags as PersonTag[]).map((t) => personTagWords[t]).join('、'),
    secondOrg: r.secondOrgName ?? '',
    note: r.note,
  }));
  const body = await buildWorkbook(
    peopleSheet,
    [homeOrgColumn, ...peopleSheetColumns],
    sheet,
    lists,
  );
  // Recorded before the file leaves: an export that is not in the log does not happen.
  await recordAudit(reg.db, scope, {
    action: 'people.exported',
    entity: 'person',
    scopePath: scope.path,
    after: {
      reason: input.reason,
      full: input.full,
      count: rows.length,
      filter: { ...input.filter, q: input.filter.q && maskedSearch(input.filter.q) },
    },
  });
  return { name: input.full ? '人员名册（含完整证件号）.xlsx' : '人员名册.xlsx', body };
}

// The registry's workbooks (issue 14 items 1 and 6): a template, an import of up to 5,000 people
// into one organization (all or nothing, row errors never showing a number in full) and an export
// that needs a reason, masked unless the full numbers are asked for and allowed.
import { z } from 'zod';
import { importRowError } from './imports.ts';
import {
  peopleFilter,
  revealReason,
  type Gender,
  type PersonKind,
  type PersonTag,
} from './people.ts';
import { defineRoute, idParams } from './route.ts';

/** Rows one import may hold; a larger file is refused before any row is checked. */
export const peopleImportRows = 5_000;

/** The words the workbooks use (the web's own labels are in its i18n files). */
export const personKindWords: Record<PersonKind, string> = { member: '党员', resident: '群众' };
export const genderWords: Record<Gender, string> = { male: '男', female: '女' };
export const personTagWords: Record<PersonTag, string> = {
  inServiceCadre: '在职干部',
  poorMember: '困难党员',
  poorResident: '困难群众',
  retired: '离退休',
  unemployed: '失业',
  mobileOut: '流出',
  mobileIn: '流入',
  villageSecretary: '村党组织书记',
};

/**
 * The import's refusal: nothing was stored; `rows` are the first problems, `rowCount` all (absent
 * when the file itself was refused: not a workbook, a missing column, too many rows).
 */
export const peopleImportRejected = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()),
    rows: z.array(importRowError).optional(),
    rowCount: z.number().optional(),
  }),
});
export type PeopleImportRejected = z.infer<typeof peopleImportRejected>;

export const peopleImported = z.object({ imported: z.number() });
export type PeopleImported = z.infer<typeof peopleImported>;

/** An export: why (kept in the audit log), whether with full numbers, and the list's filters. */
export const peopleExportInput = z.object({
  reason: revealReason,
  full: z.boolean().default(false),
  filter: peopleFilter.default({}),
});
export type PeopleExportInput = z.infer<typeof peopleExportInput>;

const tags = ['people'];

export const peopleFilesApi = {
  template: defineRoute({
    method: 'GET',
    path: '/orgs/:id/people/template.xlsx',
    tags,
    summary: '下载人员导入模板',
    params: idParams,
  }),
  import: defineRoute({
    method: 'POST',
    path: '/orgs/:id/people/import',
    tags,
    summary: `从 Excel 登记人员（multipart 字段 file；至多 ${peopleImportRows} 行，全部有效才导入）`,
    params: idParams,
    consumes: ['multipart/form-data'],
    idempotent: true,
    response: { 201: peopleImported, 422: peopleImportRejected },
  }),
  export: defineRoute({
    method: 'POST',
    path: '/people/export',
    tags,
    summary: '导出人员名册（Excel；须写明理由，记入审计；完整证件号与电话须有导出权限）',
    body: peopleExportInput,
  }),
};

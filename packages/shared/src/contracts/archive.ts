// The pairing's archive (issue 12 item 9, R-ARCHIVE): its records as a workbook (one sheet per
// record type) and as a printable document, and an import of past records from the same workbook.
import { z } from 'zod';
import { recordTypes, type RecordType } from './ledger.ts';
import { defineRoute, idParams } from './route.ts';

/** The workbook's sheet of each record type; the import reads the same names. */
export const archiveSheets: Record<RecordType, string> = {
  visit: '走访',
  activity: '活动',
  fund: '资金',
  progress: '项目进度',
  acceptance: '项目验收',
  report: '季度报告',
};

/** Rows one import may hold, all sheets together. */
export const archiveImportRows = 5_000;

/** One problem of an imported row: its sheet, row (1 = the header), column header and why. */
export const archiveRowError = z.object({
  sheet: z.string(),
  row: z.number(),
  column: z.string(),
  message: z.string(),
});
export type ArchiveRowError = z.infer<typeof archiveRowError>;

/** The import's refusal: nothing was stored; `rows` are the first problems, `rowCount` all. */
export const archiveImportRejected = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()),
    rows: z.array(archiveRowError).optional(),
    rowCount: z.number().optional(),
  }),
});
export type ArchiveImportRejected = z.infer<typeof archiveImportRejected>;

export const archiveImported = z.object({
  imported: z.number(),
  byType: z.record(z.enum(recordTypes), z.number()),
});
export type ArchiveImported = z.infer<typeof archiveImported>;

const tags = ['ledger'];

export const archiveApi = {
  workbook: defineRoute({
    method: 'GET',
    path: '/pairings/:id/archive.xlsx',
    tags,
    summary: '导出结对台账（Excel，每类记录一个工作表，可重新导入）',
    params: idParams,
  }),
  document: defineRoute({
    method: 'GET',
    path: '/pairings/:id/archive.docx',
    tags,
    summary: '结对帮扶工作档案（.docx，按年度、日期列出何时何人下村做了什么）',
    params: idParams,
  }),
  import: defineRoute({
    method: 'POST',
    path: '/pairings/:id/records/import',
    tags,
    summary: '从 Excel 导入以往记录（multipart 字段 file；全部有效才导入）',
    params: idParams,
    consumes: ['multipart/form-data'],
    response: { 201: archiveImported, 422: archiveImportRejected },
  }),
};

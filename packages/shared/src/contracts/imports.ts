import { z } from 'zod';
import { defineRoute, id } from './route.ts';

/** One problem of an uploaded sheet: its row (1 = the header), column header and why. */
export const importRowError = z.object({
  row: z.number(),
  column: z.string(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowError>;

/** How many row errors a job keeps; a file of 5,000 bad rows reports the first ones and a count. */
export const keptImportErrors = 1_000;

/**
 * An import as its progress poll answers it: `errors` is one page (`offset`, `limit`) of the
 * kept errors, `errorsKept` how many were kept, `errorCount` how many were found in all.
 */
export const importJob = z.object({
  id: z.number(),
  kind: z.enum(['units', 'weak_villages']),
  status: z.enum(['running', 'failed', 'done']),
  fileName: z.string().nullable(),
  total: z.number(),
  processed: z.number(),
  imported: z.number(),
  errors: z.array(importRowError),
  errorCount: z.number(),
  errorsKept: z.number(),
});
export type ImportJob = z.infer<typeof importJob>;

/** The upload's answer: the job to poll. */
export const importStarted = z.object({ jobId: z.number() });

const units = '城市单位';
const weak = '经济薄弱村';

/** The Excel routes: per workbook a template, an export that re-imports and an upload; one poll. */
export const importsApi = {
  unitsTemplate: defineRoute({
    method: 'GET',
    path: '/imports/units/template.xlsx',
    tags: ['imports'],
    summary: `下载${units}导入模板`,
  }),
  unitsExport: defineRoute({
    method: 'GET',
    path: '/exports/units.xlsx',
    tags: ['imports'],
    summary: `导出${units}（可按模板重新导入）`,
  }),
  unitsUpload: defineRoute({
    method: 'POST',
    path: '/imports/units',
    tags: ['imports'],
    summary: `导入${units}（multipart 字段 file），返回任务编号`,
    consumes: ['multipart/form-data'],
    response: { 202: importStarted },
  }),
  weakVillagesTemplate: defineRoute({
    method: 'GET',
    path: '/imports/weak-villages/template.xlsx',
    tags: ['imports'],
    summary: `下载${weak}导入模板`,
  }),
  weakVillagesExport: defineRoute({
    method: 'GET',
    path: '/exports/weak-villages.xlsx',
    tags: ['imports'],
    summary: `导出${weak}（可按模板重新导入）`,
  }),
  weakVillagesUpload: defineRoute({
    method: 'POST',
    path: '/imports/weak-villages',
    tags: ['imports'],
    summary: `导入${weak}（multipart 字段 file），返回任务编号`,
    consumes: ['multipart/form-data'],
    response: { 202: importStarted },
  }),
  job: defineRoute({
    method: 'GET',
    path: '/imports/:jobId',
    tags: ['imports'],
    summary: '导入进度与错误报告',
    params: z.object({ jobId: id }),
    query: z.object({
      offset: z.coerce.number().int().min(0).max(keptImportErrors).default(0),
      limit: z.coerce.number().int().min(1).max(keptImportErrors).default(100),
    }),
    response: { 200: importJob },
  }),
};

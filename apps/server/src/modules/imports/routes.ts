import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import { requireScope } from '../auth/hook.ts';
import { authorize, type DirectoryAction } from '../orgs/policy.ts';
import { unitExport, unitTemplate, weakVillageExport, weakVillageTemplate } from './exports.ts';
import { getImportJob, startImport, type ImportKind } from './jobs.ts';
import { keptErrors } from './row-errors.ts';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sendXlsx(reply: FastifyReply, name: string, body: Buffer) {
  return reply
    .header('content-type', xlsxType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
    .send(body);
}

async function uploadedFile(request: FastifyRequest) {
  const missing = new AppError(422, 'no_file', '请上传 Excel 文件（表单字段 file）', {
    file: '请选择文件',
  });
  if (!request.isMultipart()) throw missing;
  const part = await request.file();
  if (!part || part.fieldname !== 'file') throw missing;
  return { buffer: await part.toBuffer(), fileName: part.filename };
}

const kinds: Record<string, { kind: ImportKind; action: DirectoryAction; label: string }> = {
  units: { kind: 'units', action: 'importUnits', label: '城市单位' },
  'weak-villages': { kind: 'weak_villages', action: 'importWeakVillages', label: '经济薄弱村' },
};

export const importRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = ctx.dbh.db;
    for (const [slug, { kind, action, label }] of Object.entries(kinds)) {
      app.get(
        `/imports/${slug}/template.xlsx`,
        { schema: { tags: ['imports'], summary: `下载${label}导入模板` } },
        async (request, reply) => {
          const scope = requireScope(request);
          authorize(scope, action);
          const body =
            kind === 'units' ? await unitTemplate(db, scope) : await weakVillageTemplate();
          return sendXlsx(reply, `${label}导入模板.xlsx`, body);
        },
      );

      app.get(
        `/exports/${slug}.xlsx`,
        { schema: { tags: ['imports'], summary: `导出${label}（可按模板重新导入）` } },
        async (request, reply) => {
          const scope = requireScope(request);
          authorize(scope, action);
          const body =
            kind === 'units' ? await unitExport(db, scope) : await weakVillageExport(db, scope);
          return sendXlsx(reply, `${label}.xlsx`, body);
        },
      );

      app.post(
        `/imports/${slug}`,
        {
          schema: {
            tags: ['imports'],
            summary: `导入${label}（multipart 字段 file），返回任务编号`,
            consumes: ['multipart/form-data'],
          },
        },
        async (request, reply) => {
          const scope = requireScope(request);
          authorize(scope, action);
          const job = await startImport(ctx, scope, kind, await uploadedFile(request));
          return reply.status(202).send(job);
        },
      );
    }

    app.get(
      '/imports/:jobId',
      {
        schema: {
          tags: ['imports'],
          summary: '导入进度与错误报告',
          params: z.object({
            jobId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
          }),
          querystring: z.object({
            offset: z.coerce.number().int().min(0).max(keptErrors).default(0),
            limit: z.coerce.number().int().min(1).max(keptErrors).default(100),
          }),
        },
      },
      async (request) =>
        getImportJob(db, requireScope(request), request.params.jobId, request.query),
    );
  };

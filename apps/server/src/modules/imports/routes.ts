import { importsApi } from '@pairing/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import { route } from '../../lib/routes.ts';
import { requireScope } from '../../lib/scope.ts';
import { readMultipart } from '../../lib/upload.ts';
import type { ImportKind } from './jobs.ts';
import { exportWorkbook, getImportJob, template, upload, type Workbook } from './service.ts';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sendXlsx(reply: FastifyReply, { name, body }: Workbook) {
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
  return readMultipart(async () => {
    const part = await request.file();
    if (!part || part.fieldname !== 'file') throw missing;
    return { buffer: await part.toBuffer(), fileName: part.filename };
  });
}

const workbooks = [
  {
    kind: 'units',
    template: importsApi.unitsTemplate,
    export: importsApi.unitsExport,
    upload: importsApi.unitsUpload,
  },
  {
    kind: 'weak_villages',
    template: importsApi.weakVillagesTemplate,
    export: importsApi.weakVillagesExport,
    upload: importsApi.weakVillagesUpload,
  },
] as const satisfies ReadonlyArray<{ kind: ImportKind } & Record<string, unknown>>;

export const importRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = ctx.dbh.db;
    for (const workbook of workbooks) {
      route(app, workbook.template, async (request, reply) =>
        sendXlsx(reply, await template(db, requireScope(request), workbook.kind)),
      );
      route(app, workbook.export, async (request, reply) =>
        sendXlsx(reply, await exportWorkbook(db, requireScope(request), workbook.kind)),
      );
      route(app, workbook.upload, async (request, reply) => {
        const scope = requireScope(request);
        const job = await upload(ctx, scope, workbook.kind, () => uploadedFile(request));
        return reply.status(202).send(job);
      });
    }

    route(app, importsApi.job, async (request) =>
      getImportJob(ctx, requireScope(request), request.params.jobId, request.query),
    );
  };

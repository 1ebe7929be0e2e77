import { archiveApi } from '@pairing/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../context.ts';
import { AppError } from '../../../lib/errors.ts';
import { route } from '../../../lib/routes.ts';
import { requireScope } from '../../../lib/scope.ts';
import { readMultipart } from '../../../lib/upload.ts';
import { importRecords } from '../archive/commands/import-records.ts';
import { todayOf } from '../days.ts';
import { archiveTitle, renderArchiveDocx } from '../archive/document.ts';
import { loadArchive } from '../archive/queries.ts';
import { archiveWorkbook } from '../archive/workbook.ts';
import { docxType, sendFile, xlsxType } from './files.ts';

async function uploadedFile(request: FastifyRequest) {
  const missing = new AppError(422, 'no_file', '请上传 Excel 文件（表单字段 file）', {
    file: '请选择文件',
  });
  if (!request.isMultipart()) throw missing;
  return readMultipart(async () => {
    const part = await request.file();
    if (!part || part.fieldname !== 'file') throw missing;
    return part.toBuffer();
  });
}

/** The pairing's archive as a workbook and a document, and the import of past records (item 9). */
export const archiveRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = ctx.dbh.db;

    app.addHook('preValidation', async (request) => {
      requireScope(request);
    });

    route(app, archiveApi.workbook, async (request, reply) => {
      const archive = await loadArchive(db, requireScope(request), request.params.id);
      const name = `${archive.pairing.urbanName}-${archive.pairing.ruralName}结对台账.xlsx`;
      return sendFile(reply, xlsxType, name, await archiveWorkbook(archive));
    });

    route(app, archiveApi.document, async (request, reply) => {
      const archive = await loadArchive(db, requireScope(request), request.params.id);
      const name = `${archive.pairing.urbanName}-${archive.pairing.ruralName}${archiveTitle}.docx`;
      const body = await renderArchiveDocx(archive, todayOf(ctx.clock));
      return sendFile(reply, docxType, name, body);
    });

    route(app, archiveApi.import, async (request, reply) => {
      const outcome = await importRecords(
        db,
        ctx.clock,
        requireScope(request),
        request.params.id,
        () => uploadedFile(request),
      );
      return 'rejected' in outcome
        ? reply.status(422).send(outcome.rejected)
        : reply.status(201).send(outcome.imported);
    });
  };

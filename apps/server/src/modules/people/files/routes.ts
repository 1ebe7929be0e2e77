// The registry's workbooks: template, import and export.
import { peopleFilesApi } from '@pairing/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../../lib/errors.ts';
import { route } from '../../../lib/routes.ts';
import { requireScope } from '../../../lib/scope.ts';
import { readMultipart } from '../../../lib/upload.ts';
import { sendFile, xlsxType } from '../../ledger/routes/files.ts';
import type { Registry } from '../access.ts';
import { importPeople } from './import-people.ts';
import { exportPeople, peopleTemplate } from './workbooks.ts';

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

export const peopleFileRoutes =
  (reg: Registry): FastifyPluginAsyncZod =>
  async (app) => {
    route(app, peopleFilesApi.template, async (request, reply) => {
      const file = await peopleTemplate(reg, requireScope(request), request.params.id);
      return sendFile(reply, xlsxType, file.name, file.body);
    });
    route(app, peopleFilesApi.import, async (request, reply) => {
      const outcome = await importPeople(
        reg,
        requireScope(request),
        request.params.id,
        () => uploadedFile(request),
        request.idempotency,
      );
      return 'rejected' in outcome
        ? reply.status(422).send(outcome.rejected)
        : reply.status(201).send(outcome.imported);
    });
    route(app, peopleFilesApi.export, async (request, reply) => {
      const file = await exportPeople(reg, requireScope(request), request.body);
      return sendFile(reply, xlsxType, file.name, file.body);
    });
  };

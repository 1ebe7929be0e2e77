import { createReadStream } from 'node:fs';
import { evidenceApi } from '@pairing/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../context.ts';
import { notFound } from '../../../lib/errors.ts';
import { route } from '../../../lib/routes.ts';
import { requireScope } from '../../../lib/scope.ts';
import { attachEvidence, type Upload } from '../commands/attach-evidence.ts';
import { detachEvidence } from '../commands/detach-evidence.ts';
import { contentDisposition } from '../evidence/names.ts';
import { servedFile } from '../evidence/queries.ts';
import { refuseFile, tooLarge } from '../evidence/refusals.ts';
import { evidenceSettings } from '../evidence/settings.ts';
import { blobPath, blobSize } from '../evidence/store.ts';

/** The one file of a multipart upload (field `file`), at most `maxBytes`. */
async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  const missing = refuseFile('evidence_no_file', '请选择要上传的文件（表单字段 file）');
  if (!request.isMultipart()) throw missing;
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!part || part.fieldname !== 'file') throw missing;
  try {
    return { bytes: await part.toBuffer(), fileName: part.filename };
  } catch (err) {
    if (err instanceof request.server.multipartErrors.RequestFileTooLargeError)
      throw tooLarge(maxBytes);
    throw err;
  }
}

// A served file is what the store holds under its digest, with the type the server decided at
// upload; browsers may not guess another (nosniff), and a PDF opened directly runs in a sandbox
// without scripts, forms or plugins of the page's origin.
const securityPolicy = (mime: string) =>
  mime === 'application/pdf' ? 'sandbox' : "default-src 'none'; img-src 'self'; sandbox";

async function sendStored(
  request: FastifyRequest,
  reply: FastifyReply,
  dir: string,
  file: { id: number; sha256: string; mime: string; originalName: string },
) {
  const size = await blobSize(dir, file.sha256);
  if (size === null) throw notFound('证明材料文件缺失');
  const etag = `"${file.sha256}"`;
  reply
    .header('etag', etag)
    .header('cache-control', 'private, max-age=3600')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', securityPolicy(file.mime));
  if (request.headers['if-none-match'] === etag) return reply.status(304).send();
  return reply
    .header('content-type', file.mime)
    .header('content-length', size)
    .header('content-disposition', contentDisposition(file.originalName, file.id, file.mime))
    .send(createReadStream(blobPath(dir, file.sha256)));
}

export function evidenceRoutes(app: FastifyInstance, ctx: AppContext) {
  const settings = evidenceSettings(ctx.config);
  const deps = { db: ctx.dbh.db, clock: ctx.clock, settings };

  route(app, evidenceApi.attach, async (request, reply) => {
    const scope = requireScope(request);
    const answer = await attachEvidence(
      deps,
      scope,
      request.params.id,
      () => readUpload(request, settings.maxBytes),
      request.idempotency,
    );
    return reply.status(201).send(answer);
  });

  route(app, evidenceApi.file, async (request, reply) => {
    const file = await servedFile(deps.db, requireScope(request), request.params.id);
    return sendStored(request, reply, settings.dir, file);
  });

  route(app, evidenceApi.thumb, async (request, reply) => {
    const file = await servedFile(deps.db, requireScope(request), request.params.id);
    if (!file.thumbSha256) throw notFound('该材料没有缩略图');
    return sendStored(request, reply, settings.dir, {
      ...file,
      sha256: file.thumbSha256,
      mime: 'image/webp',
    });
  });

  route(app, evidenceApi.detach, async (request) =>
    detachEvidence(deps, requireScope(request), request.params.id, request.params.fileId),
  );
}

// Reading an upload from a multipart request and answering a stored file: shared by the ledger's
// evidence routes and the 1+2 help records' photos (read-for-help-pairs.ts).
import { createReadStream } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../../lib/errors.ts';
import { readMultipart } from '../../../lib/upload.ts';
import type { Upload } from '../commands/attach-evidence.ts';
import { contentDisposition } from './names.ts';
import { refuseFile, tooLarge } from './refusals.ts';
import { blobPath, blobSize } from './store.ts';

/** The one file of a multipart upload (field `file`), at most `maxBytes`. */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  const missing = refuseFile('evidence_no_file', '请选择要上传的文件（表单字段 file）');
  if (!request.isMultipart()) throw missing;
  return readMultipart(async () => {
    const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
    if (!part || part.fieldname !== 'file') throw missing;
    try {
      return { bytes: await part.toBuffer(), fileName: part.filename };
    } catch (err) {
      if (err instanceof request.server.multipartErrors.RequestFileTooLargeError)
        throw tooLarge(maxBytes);
      throw err;
    }
  });
}

// A served file is what the store holds under its digest, with the type the server decided at
// upload; browsers may not guess another (nosniff), and a PDF opened directly runs in a sandbox
// without scripts, forms or plugins of the page's origin.
const securityPolicy = (mime: string) =>
  mime === 'application/pdf' ? 'sandbox' : "default-src 'none'; img-src 'self'; sandbox";

export async function sendStored(
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

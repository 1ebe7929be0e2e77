import type { FastifyReply } from 'fastify';

export const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Answer a file for download under a Chinese name (RFC 6266 / 5987, with an ASCII fallback). */
export function sendFile(reply: FastifyReply, type: string, name: string, body: Buffer) {
  const ascii = `download.${name.split('.').pop()}`;
  return reply
    .header('content-type', type)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    .send(body);
}

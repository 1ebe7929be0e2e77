// Evidence (证明材料, issue 12 item 5): photos, scans and PDFs attached to a ledger record. The
// server decides a file's type from its content, re-encodes images and keeps each file once, by
// its SHA-256; files are served only to those who may read a record that carries them.
import { z } from 'zod';
import { defineRoute, id, idParams } from './route.ts';
import { evidenceItem } from './ledger.ts';

/** Types the server accepts, as a file input's `accept` (HEIC only where the server can read it). */
export const evidenceAccept =
  'image/jpeg,image/png,image/webp,image/heic,image/heif,application/pdf';

/** The default upper bound of one file; a deployment may set another (the server's answer says). */
export const evidenceMaxBytes = 15 * 1024 * 1024;

/** Edge of the thumbnails `GET /evidence/:id/thumb` answers, in pixels. */
export const evidenceThumbEdge = 320;

/** An attached file, and whether the record is now flagged for a photo taken on another day. */
export const evidenceAttached = evidenceItem.extend({ photoDateMismatch: z.boolean() });
export type EvidenceAttached = z.infer<typeof evidenceAttached>;

export const evidenceDetached = z.object({ photoDateMismatch: z.boolean() });

const tags = ['ledger'];

export const evidenceApi = {
  attach: defineRoute({
    method: 'POST',
    path: '/records/:id/evidence',
    tags,
    summary: '为本方记录添加证明材料（multipart 字段 file，每次一个文件）',
    description:
      '照片（JPEG、PNG、WebP、HEIC）或 PDF；类型按文件内容判断。照片重新编码并去除元数据，拍摄时间与记录日期相差超过一天的标记供审核。',
    params: idParams,
    consumes: ['multipart/form-data'],
    idempotent: true,
    response: { 201: evidenceAttached },
  }),
  file: defineRoute({
    method: 'GET',
    path: '/evidence/:id',
    tags,
    summary: '证明材料文件',
    params: idParams,
  }),
  thumb: defineRoute({
    method: 'GET',
    path: '/evidence/:id/thumb',
    tags,
    summary: '照片缩略图',
    params: idParams,
  }),
  detach: defineRoute({
    method: 'DELETE',
    path: '/records/:id/evidence/:fileId',
    tags,
    summary: '删除本方记录的证明材料（记录计入前）',
    params: z.object({ id, fileId: id }),
    response: { 200: evidenceDetached },
  }),
};

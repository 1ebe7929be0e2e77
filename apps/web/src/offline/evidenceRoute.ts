import { z } from 'zod';
import { defineRoute, idParams } from '@pairing/shared';

/** `POST /api/records/:id/evidence` (multipart field `file`, one file per call). */
export const evidenceApi = {
  attach: defineRoute({
    method: 'POST',
    path: '/records/:id/evidence',
    tags: ['ledger'],
    summary: '为本方记录添加证明材料',
    params: idParams,
    consumes: ['multipart/form-data'],
    idempotent: true,
    response: { 201: z.object({ id: z.number() }) },
  }),
};

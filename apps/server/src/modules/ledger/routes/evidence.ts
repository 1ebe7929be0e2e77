import { evidenceApi } from '@pairing/shared';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.ts';
import { notFound } from '../../../lib/errors.ts';
import { route } from '../../../lib/routes.ts';
import { requireScope } from '../../../lib/scope.ts';
import { attachEvidence } from '../commands/attach-evidence.ts';
import { detachEvidence } from '../commands/detach-evidence.ts';
import { readUpload, sendStored } from '../evidence/http.ts';
import { servedFile } from '../evidence/queries.ts';
import { evidenceSettings } from '../evidence/settings.ts';

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

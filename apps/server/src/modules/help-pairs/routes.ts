// "1+2" cadre pairing (R-ONE-PLUS-TWO): one route per contract of `helpPairsApi`.
import { helpPairsApi } from '@pairing/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../lib/errors.ts';
import { route } from '../../lib/routes.ts';
import { requireScope } from '../../lib/scope.ts';
import {
  evidenceSettings,
  readUpload,
  sendStored,
} from '../ledger/evidence/read-for-help-pairs.ts';
import { assignCadre } from './commands/assign.ts';
import { attachPhoto } from './commands/attach-photo.ts';
import { concludePair } from './commands/conclude.ts';
import { savePlan } from './commands/plan.ts';
import { proposePair } from './commands/propose.ts';
import { recordHelp } from './commands/record.ts';
import { withdrawPair } from './commands/withdraw.ts';
import { coverageReport } from './coverage.ts';
import { candidates, getPair, listPairs, pairingOverview, servedPhoto } from './queries.ts';

export const helpPairRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = ctx.dbh.db;
    const settings = evidenceSettings(ctx.config);
    const deps = { db, clock: ctx.clock, config: ctx.config };

    route(app, helpPairsApi.coverage, async (request) =>
      coverageReport(db, requireScope(request), request.query),
    );
    route(app, helpPairsApi.list, async (request) =>
      listPairs(db, ctx.config, requireScope(request), request.query),
    );
    route(app, helpPairsApi.get, async (request) =>
      getPair(db, ctx.config, requireScope(request), request.params.id),
    );
    route(app, helpPairsApi.overview, async (request) =>
      pairingOverview(db, requireScope(request), request.params.id),
    );
    route(app, helpPairsApi.candidates, async (request) =>
      candidates(
        db,
        ctx.config,
        requireScope(request),
        request.params.id,
        request.query.role,
        request.query.q,
      ),
    );
    route(app, helpPairsApi.propose, async (request, reply) => {
      const view = await proposePair(
        deps,
        requireScope(request),
        request.params.id,
        request.body,
        request.idempotency,
      );
      reply.status(201);
      return view;
    });
    route(app, helpPairsApi.assign, async (request) =>
      assignCadre(deps, requireScope(request), request.params.id, request.body.cadreId),
    );
    route(app, helpPairsApi.plan, async (request) =>
      savePlan(deps, requireScope(request), request.params.id, request.body),
    );
    route(app, helpPairsApi.record, async (request, reply) => {
      const view = await recordHelp(
        deps,
        requireScope(request),
        request.params.id,
        request.body,
        request.idempotency,
      );
      reply.status(201);
      return view;
    });
    route(app, helpPairsApi.attachPhoto, async (request, reply) => {
      const answer = await attachPhoto(
        { ...deps, settings },
        requireScope(request),
        request.params.id,
        () => readUpload(request, settings.maxBytes),
        request.idempotency,
      );
      return reply.status(201).send(answer);
    });
    route(app, helpPairsApi.photo, async (request, reply) => {
      const file = await servedPhoto(db, requireScope(request), request.params.id);
      return sendStored(request, reply, settings.dir, { ...file, originalName: '' });
    });
    route(app, helpPairsApi.photoThumb, async (request, reply) => {
      const file = await servedPhoto(db, requireScope(request), request.params.id);
      if (!file.thumbSha256) throw notFound('该文件没有缩略图');
      return sendStored(request, reply, settings.dir, {
        ...file,
        sha256: file.thumbSha256,
        mime: 'image/webp',
        originalName: '',
      });
    });
    route(app, helpPairsApi.conclude, async (request) =>
      concludePair(deps, requireScope(request), request.params.id, request.body),
    );
    route(app, helpPairsApi.withdraw, async (request) =>
      withdrawPair(deps, requireScope(request), request.params.id, request.body.reason),
    );
  };

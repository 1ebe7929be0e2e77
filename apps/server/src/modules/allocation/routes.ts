import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { allocationApi } from '@pairing/shared';
import type { AppContext } from '../../context.ts';
import { route } from '../../lib/routes.ts';
import { requireScope } from '../../lib/scope.ts';
import { planWorkbook } from './export.ts';
import { startOwnedJob } from '../jobs/owned.ts';
import { allocationRunJob } from './job.ts';
import {
  checkRun,
  getPreferences,
  getRunView,
  getSettings,
  listRuns,
  publishRun,
  putSettings,
  removePair,
  setPairLock,
  setPreferences,
  swapCandidates,
  swapPair,
} from './service.ts';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const allocationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = ctx.dbh.db;

    route(app, allocationApi.settings, async (request) =>
      getSettings(db, requireScope(request), request.params.id),
    );

    route(app, allocationApi.putSettings, async (request) =>
      putSettings(db, requireScope(request), request.params.id, request.body),
    );

    route(app, allocationApi.preferences, async (request) =>
      getPreferences(db, requireScope(request), request.params.id, request.params.unitId),
    );

    route(app, allocationApi.putPreferences, async (request) =>
      setPreferences(
        db,
        requireScope(request),
        request.params.id,
        request.params.unitId,
        request.body.ruralOrgIds,
      ),
    );

    route(app, allocationApi.runs, async (request) =>
      listRuns(db, requireScope(request), request.params.id),
    );

    route(app, allocationApi.run, async (request, reply) => {
      const scope = requireScope(request);
      const roundId = request.params.id;
      await checkRun(db, scope, roundId);
      reply.status(202);
      return startOwnedJob(ctx, allocationRunJob, scope, { roundId, sourceRunId: null });
    });

    route(app, allocationApi.view, async (request) =>
      getRunView(db, requireScope(request), request.params.id, request.params.runId),
    );

    route(app, allocationApi.export, async (request, reply) => {
      const { id: roundId, runId } = request.params;
      const view = await getRunView(db, requireScope(request), roundId, runId);
      const name = `分配方案-${runId}.xlsx`;
      return reply
        .header('content-type', xlsxType)
        .header(
          'content-disposition',
          `attachment; filename="allocation-${runId}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(await planWorkbook(view));
    });

    route(app, allocationApi.rerun, async (request, reply) => {
      const scope = requireScope(request);
      const { id: roundId, runId } = request.params;
      await checkRun(db, scope, roundId, runId);
      reply.status(202);
      return startOwnedJob(ctx, allocationRunJob, scope, { roundId, sourceRunId: runId });
    });

    route(app, allocationApi.publish, async (request) => {
      const { id: roundId, runId } = request.params;
      return publishRun(db, requireScope(request), ctx.clock, roundId, runId);
    });

    route(app, allocationApi.lock, async (request) => {
      const { id: roundId, runId, pairId } = request.params;
      const scope = requireScope(request);
      return { pair: await setPairLock(db, scope, roundId, runId, pairId, request.body.locked) };
    });

    route(app, allocationApi.remove, async (request) => {
      const { id: roundId, runId, pairId } = request.params;
      return { pair: await removePair(db, requireScope(request), roundId, runId, pairId) };
    });

    route(app, allocationApi.candidates, async (request) => {
      const { id: roundId, runId, pairId } = request.params;
      return { items: await swapCandidates(db, requireScope(request), roundId, runId, pairId) };
    });

    route(app, allocationApi.swap, async (request) => {
      const { id: roundId, runId, pairId } = request.params;
      const scope = requireScope(request);
      return { pair: await swapPair(db, scope, roundId, runId, pairId, request.body.urbanOrgId) };
    });
  };

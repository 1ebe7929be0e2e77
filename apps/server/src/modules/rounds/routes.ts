import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { directoryApi, roundsApi } from '@pairing/shared';
import type { AppContext } from '../../context.ts';
import { route } from '../../lib/routes.ts';
import { requireScope } from '../../lib/scope.ts';
import { chinaDay } from './dates.ts';
import { directory, directoryAreas, targets } from './directory.ts';
import { letterFileName } from './letter-name.ts';
import { quotaLetter } from './letter.ts';
import { readList, replaceList } from './lists.ts';
import type { IntentionsReader } from './ports.ts';
import { getQuota, listQuotas, presentQuota, setQuota } from './quotas.ts';
import {
  createRound,
  listPublicRounds,
  listRounds,
  presentRound,
  presentRoundFor,
  readRound,
  transitionRound,
  updateRound,
} from './service.ts';

// The 名录 is open to anyone, so a crawler could page it without end; the limit is per address.
const publicReadLimit = { rateLimit: { max: 120, timeWindow: '1 minute' } };

export const roundRoutes =
  (ctx: AppContext, reader: IntentionsReader): FastifyPluginAsyncZod =>
  async (app) => {
    const db = ctx.dbh.db;

    route(app, roundsApi.list, async (request) => {
      const scope = requireScope(request);
      return { items: (await listRounds(db, scope)).map(presentRoundFor(scope)) };
    });

    route(app, roundsApi.create, async (request, reply) => {
      const scope = requireScope(request);
      const round = await createRound(db, scope, request.body);
      reply.status(201);
      return { round: presentRoundFor(scope)(round) };
    });

    route(app, roundsApi.get, async (request) => {
      const scope = requireScope(request);
      return { round: presentRoundFor(scope)(await readRound(db, scope, request.params.id)) };
    });

    route(app, roundsApi.update, async (request) => {
      const scope = requireScope(request);
      const round = await updateRound(db, scope, request.params.id, request.body);
      return { round: presentRoundFor(scope)(round) };
    });

    route(app, roundsApi.transition, async (request) => {
      const scope = requireScope(request);
      const round = await transitionRound(db, scope, ctx.clock, request.params.id, request.body.to);
      return { round: presentRoundFor(scope)(round) };
    });

    route(app, roundsApi.quotas, async (request) => ({
      items: await listQuotas(db, reader, requireScope(request), request.params.id),
    }));

    route(app, roundsApi.setQuota, async (request) => ({
      quota: presentQuota(
        await setQuota(db, requireScope(request), request.params.id, request.body),
      ),
    }));

    route(app, roundsApi.quotaLetter, async (request, reply) => {
      const found = await getQuota(
        db,
        reader,
        requireScope(request),
        request.params.id,
        request.params.quotaId,
      );
      const buffer = await quotaLetter({ ...found, issuedOn: chinaDay(ctx.clock.now()) });
      return reply
        .header(
          'content-type',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        )
        .header('content-disposition', letterFileName(`${found.quota.orgName}任务建议书.docx`))
        .send(buffer);
    });

    const lists = [
      { kind: 'needs', read: roundsApi.needs, replace: roundsApi.replaceNeeds },
      { kind: 'resources', read: roundsApi.resources, replace: roundsApi.replaceResources },
    ] as const;
    for (const { kind, read, replace } of lists) {
      route(app, read, async (request) => ({
        items: await readList(
          db,
          requireScope(request),
          request.params.id,
          request.params.orgId,
          kind,
        ),
      }));
      route(app, replace, async (request) => ({
        items: await replaceList(
          db,
          requireScope(request),
          request.params.id,
          request.params.orgId,
          kind,
          request.body.items,
        ),
      }));
    }

    route(app, roundsApi.listPublic, async () => ({
      items: (await listPublicRounds(db)).map(presentRound),
    }));

    route(
      app,
      roundsApi.directory,
      async (request) => directory(db, reader, request.params.id, request.query),
      publicReadLimit,
    );

    route(
      app,
      directoryApi.areas,
      async (request) => directoryAreas(db, request.params.id),
      publicReadLimit,
    );

    route(app, directoryApi.targets, async (request) =>
      targets(db, reader, requireScope(request), request.params.id, request.query),
    );
  };

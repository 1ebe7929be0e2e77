import { districtPairsApi, orgsApi } from '@pairing/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { route } from '../../lib/routes.ts';
import { requireScope } from '../../lib/scope.ts';
import { listDistrictPairs, replaceDistrictPairs } from './district-pairs.ts';
import { createUnit } from './create-unit.ts';
import { listOrgs, orgDetail, orgTree } from './queries.ts';
import { updateOrg } from './update-org.ts';

export const orgRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = ctx.dbh.db;

    route(app, orgsApi.list, async (request) => listOrgs(db, requireScope(request), request.query));

    route(app, orgsApi.tree, async (request) =>
      orgTree(db, requireScope(request), request.query.parentId),
    );

    route(app, orgsApi.get, async (request) =>
      orgDetail(db, requireScope(request), request.params.id),
    );

    route(app, orgsApi.update, async (request) =>
      updateOrg(db, requireScope(request), request.params.id, request.body),
    );

    route(app, orgsApi.createUnit, async (request, reply) => {
      const created = await createUnit(db, requireScope(request), request.body);
      reply.status(201);
      return created;
    });

    route(app, districtPairsApi.list, async (request) =>
      listDistrictPairs(db, requireScope(request)),
    );

    route(app, districtPairsApi.replace, async (request) =>
      replaceDistrictPairs(db, requireScope(request), request.body.pairs),
    );
  };

// Roll-ups of the stored compliance by district, town or committee (issue 12 item 7).
import { ledgerApi } from '@pairing/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../context.ts';
import { route } from '../../../lib/routes.ts';
import { requireScope } from '../../../lib/scope.ts';
import { rollup } from '../queries-rollup.ts';

export const rollupRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    route(app, ledgerApi.rollup, async (request) =>
      rollup(ctx.dbh.db, requireScope(request), request.query, ctx.clock.now()),
    );
  };

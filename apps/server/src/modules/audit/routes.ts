import { auditApi } from '@pairing/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { route } from '../../lib/routes.ts';
import { requireScope } from '../../lib/scope.ts';
import { listAudit } from './service.ts';
import { timeRange } from './time-range.ts';

export const auditRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    route(app, auditApi.list, async (request) => {
      const { from, to, ...filter } = request.query;
      return listAudit(ctx.dbh.db, requireScope(request), { ...filter, ...timeRange(from, to) });
    });
  };

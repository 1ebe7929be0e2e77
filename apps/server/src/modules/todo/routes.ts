import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { todoApi } from '@pairing/shared';
import type { AppContext } from '../../context.ts';
import { route } from '../../lib/routes.ts';
import { requireScope } from '../../lib/scope.ts';
import { todoList } from './service.ts';

/** The caller's to-do list (home page); every signed-in role, read-only. */
export const todoRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    route(app, todoApi.list, async (request) =>
      todoList(ctx.dbh.db, requireScope(request), ctx.clock.now()),
    );
  };

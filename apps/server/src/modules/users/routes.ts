import { usersApi } from '@pairing/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { route } from '../../lib/routes.ts';
import { requireScope } from '../../lib/scope.ts';
import {
  assignRole,
  createUser,
  getUser,
  listUsers,
  resetPassword,
  updateUser,
} from './service.ts';

export const userRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = ctx.dbh.db;

    route(app, usersApi.list, async (request) =>
      listUsers(db, requireScope(request), request.query),
    );

    route(app, usersApi.get, async (request) => ({
      user: await getUser(db, requireScope(request), request.params.id),
    }));

    route(app, usersApi.create, async (request, reply) =>
      reply.status(201).send(await createUser(db, requireScope(request), request.body)),
    );

    route(app, usersApi.update, async (request) => ({
      user: await updateUser(db, requireScope(request), request.params.id, request.body),
    }));

    route(app, usersApi.resetPassword, async (request) =>
      resetPassword(db, requireScope(request), request.params.id),
    );

    route(app, usersApi.assignRole, async (request) => ({
      user: await assignRole(db, requireScope(request), request.params.id, request.body.role),
    }));
  };

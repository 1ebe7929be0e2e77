import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notificationsApi } from '@pairing/shared';
import type { AppContext } from '../../context.ts';
import { route } from '../../lib/routes.ts';
import { requireScope } from '../../lib/scope.ts';
import { listNotifications, markAllRead, markRead, unreadCount } from './notifications.ts';

/** The caller's own reminders (header bell, notifications page); every signed-in role. */
export const notificationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = ctx.dbh.db;

    route(app, notificationsApi.list, async (request) =>
      listNotifications(db, requireScope(request), request.query),
    );

    route(app, notificationsApi.unreadCount, async (request) => ({
      unread: await unreadCount(db, requireScope(request)),
    }));

    route(app, notificationsApi.readAll, async (request) => ({
      updated: await markAllRead(db, requireScope(request), ctx.clock.now()),
    }));

    route(app, notificationsApi.read, async (request) => ({
      notification: await markRead(db, requireScope(request), request.params.id, ctx.clock.now()),
    }));
  };

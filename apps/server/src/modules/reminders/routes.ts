import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  notificationPage,
  notificationReply,
  notificationsRead,
  notificationUnread,
} from '@pairing/shared';
import type { AppContext } from '../../context.ts';
import { requireScope } from '../../lib/scope.ts';
import { listNotifications, markAllRead, markRead, unreadCount } from './notifications.ts';

const id = z.coerce
  .number()
  .int('编号应为整数')
  .positive('编号应为正整数')
  .max(Number.MAX_SAFE_INTEGER);
const flag = z
  .enum(['true', 'false', '1', '0'], { error: '应为 true 或 false' })
  .transform((v) => v === 'true' || v === '1');

/** The caller's own reminders (header bell, notifications page); every signed-in role. */
export const notificationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = ctx.dbh.db;
    const tags = ['notifications'];

    app.get(
      '/notifications',
      {
        schema: {
          tags,
          summary: '本组织的提醒通知',
          querystring: z.object({
            unread: flag.optional(),
            page: z.coerce
              .number()
              .int('页码应为整数')
              .min(1, '页码从 1 开始')
              .max(10_000)
              .default(1),
            pageSize: z.coerce
              .number()
              .int('每页条数应为整数')
              .min(1, '每页至少 1 条')
              .max(100, '每页至多 100 条')
              .default(20),
          }),
          response: { 200: notificationPage },
        },
      },
      async (request) => listNotifications(db, requireScope(request), request.query),
    );

    app.get(
      '/notifications/unread-count',
      { schema: { tags, summary: '未读提醒数', response: { 200: notificationUnread } } },
      async (request) => ({ unread: await unreadCount(db, requireScope(request)) }),
    );

    app.post(
      '/notifications/read-all',
      { schema: { tags, summary: '全部标为已读', response: { 200: notificationsRead } } },
      async (request) => ({
        updated: await markAllRead(db, requireScope(request), ctx.clock.now()),
      }),
    );

    app.post(
      '/notifications/:id/read',
      {
        schema: {
          tags,
          summary: '标为已读',
          params: z.object({ id }),
          response: { 200: notificationReply },
        },
      },
      async (request) => ({
        notification: await markRead(db, requireScope(request), request.params.id, ctx.clock.now()),
      }),
    );
  };

import { z } from 'zod';
import { paged } from './page.ts';
import { defineRoute, idParams } from './route.ts';

/** An in-app reminder to the caller's organization; `link` is a path of the web app. */
export const notificationView = z.object({
  id: z.number(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof notificationView>;

/** `GET /api/notifications`: a page of them and the organization's unread count. */
export const notificationPage = paged(notificationView).extend({ unread: z.number() });
export type NotificationPage = z.infer<typeof notificationPage>;

/** `POST /api/notifications/:id/read`. */
export const notificationReply = z.object({ notification: notificationView });

/** `GET /api/notifications/unread-count`. */
export const notificationUnread = z.object({ unread: z.number() });

/** `POST /api/notifications/read-all`: how many were unread. */
export const notificationsRead = z.object({ updated: z.number() });

const flag = z
  .enum(['true', 'false', '1', '0'], { error: '应为 true 或 false' })
  .transform((v) => v === 'true' || v === '1');

const tags = ['notifications'];

/** The caller's own reminders (header bell, notifications page); every signed-in role. */
export const notificationsApi = {
  list: defineRoute({
    method: 'GET',
    path: '/notifications',
    tags,
    summary: '本组织的提醒通知',
    query: z.object({
      unread: flag.optional(),
      page: z.coerce.number().int('页码应为整数').min(1, '页码从 1 开始').max(10_000).default(1),
      pageSize: z.coerce
        .number()
        .int('每页条数应为整数')
        .min(1, '每页至少 1 条')
        .max(100, '每页至多 100 条')
        .default(20),
    }),
    response: { 200: notificationPage },
  }),
  unreadCount: defineRoute({
    method: 'GET',
    path: '/notifications/unread-count',
    tags,
    summary: '未读提醒数',
    response: { 200: notificationUnread },
  }),
  readAll: defineRoute({
    method: 'POST',
    path: '/notifications/read-all',
    tags,
    summary: '全部标为已读',
    response: { 200: notificationsRead },
  }),
  read: defineRoute({
    method: 'POST',
    path: '/notifications/:id/read',
    tags,
    summary: '标为已读',
    params: idParams,
    response: { 200: notificationReply },
  }),
};

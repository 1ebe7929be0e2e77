import { z } from 'zod';
import { paged } from './page.ts';

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

/**
 * In-app reminders (issue 3 item 7), declared by the reminders routes in packages/shared:
 * GET /api/notifications?unread=&page=&pageSize= → { items, total, unread, page, pageSize },
 * POST /api/notifications/:id/read and POST /api/notifications/read-all.
 */
export type { NotificationPage, NotificationView as Notification } from '@pairing/shared';

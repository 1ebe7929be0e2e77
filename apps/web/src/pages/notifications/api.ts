/**
 * In-app reminders (issue 3 item 7). The contract the pages expect from the reminders module:
 * GET /api/notifications?unread=&page=&pageSize= → { items, total, unread },
 * POST /api/notifications/:id/read and POST /api/notifications/read-all.
 */
export type Notification = {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
};

export type NotificationPage = {
  items: Notification[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
};

/** The header bell's read of the latest unread notifications (also prefetched at sign-in). */
export const bellQuery = { unread: true, page: 1, pageSize: 5 };

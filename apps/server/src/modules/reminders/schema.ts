import { bigint, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/schema.ts';

// In-app notifications are addressed to an organization; every user acting for it sees them.
export const notifications = pgTable(
  'notifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_org_idx').on(t.orgId, t.createdAt)],
);

// Each reminder goes out once per recipient, whatever the sender: the key is claimed first.
export const remindersSent = pgTable(
  'reminders_sent',
  {
    key: text('key').notNull(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.orgId] })],
);

import type { AppContext } from '../../context.ts';
import type { ScheduledJob } from '../jobs/schedules.ts';
import { dueReminders } from './due.ts';
import { remindersSent } from './schema.ts';
import { inAppSender, type Sender } from './sender.ts';

export type ReminderContext = Pick<AppContext, 'dbh' | 'clock'>;

/**
 * Send every reminder that is due (issue 3 item 7), each exactly once per organization. The
 * database decides "once": each reminder claims its (key, org) row in reminders_sent and is handed
 * to the senders in the same transaction. A concurrent run from another process that computed the
 * same reminder waits on the unique key and then finds it taken, so it sends nothing.
 */
export async function runReminders(
  ctx: ReminderContext,
  senders: Sender[] = [inAppSender],
): Promise<{ sent: number }> {
  const db = ctx.dbh.db;
  const now = ctx.clock.now();
  let sent = 0;
  for (const r of await dueReminders(db, now)) {
    const claimed = await db.transaction(async (tx) => {
      const [claim] = await tx
        .insert(remindersSent)
        .values({ key: r.key, orgId: r.orgId, sentAt: now })
        .onConflictDoNothing()
        .returning({ key: remindersSent.key });
      if (!claim) return false;
      const notification = {
        orgId: r.orgId,
        kind: r.kind,
        title: r.title,
        body: r.body,
        link: r.link,
        createdAt: now,
      };
      for (const sender of senders) await sender.send(notification, tx);
      return true;
    });
    if (claimed) sent++;
  }
  return { sent };
}

/**
 * The reminders as a background schedule: each minute, once across the server processes (the
 * claims would keep two runs apart anyway).
 */
export const remindersJob = (senders: Sender[]): ScheduledJob => ({
  name: 'reminders',
  cron: '* * * * *',
  expireInSeconds: 10 * 60,
  run: async (ctx) => {
    await runReminders(ctx, senders);
  },
});

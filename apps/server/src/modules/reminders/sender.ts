import type { Db } from '../../db/client.ts';
import { notifications } from './schema.ts';

/** One reminder for one organization (every user acting for it sees it). */
export type Notification = {
  orgId: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
};

/**
 * Where reminders go. `send` runs inside the transaction that claimed the reminder: a sender
 * that throws rolls the claim back, so the reminder is tried again on the next run.
 */
export interface Sender {
  readonly name: string;
  send(notification: Notification, tx: Db): Promise<void>;
}

/** The default: the in-app notification read by the header bell and the notifications page. */
export const inAppSender: Sender = {
  name: 'in_app',
  async send(n, tx) {
    await tx.insert(notifications).values({
      orgId: n.orgId,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link,
      createdAt: n.createdAt,
    });
  },
};

/**
 * The example of an outside channel (e-mail, SMS): it only writes a line. A real adapter has the
 * same shape and looks up the organization's contact to address the message.
 */
export const loggingSender = (log: (line: string) => void = console.log): Sender => ({
  name: 'log',
  async send(n) {
    log(`[提醒] org=${n.orgId} kind=${n.kind} ${n.title}`);
  },
});

const known: Record<string, () => Sender> = { in_app: () => inAppSender, log: loggingSender };

/** Senders named in configuration (`REMINDER_SENDERS=in_app,log`); in-app when unset. */
export function sendersFromConfig(names: string | undefined): Sender[] {
  const list = (names ?? 'in_app')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  return list.map((name) => {
    const make = known[name];
    if (!make) throw new Error(`unknown reminder sender "${name}" (known: ${Object.keys(known)})`);
    return make();
  });
}

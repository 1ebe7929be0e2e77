// The to-do list on every role's home page (issue 13 item 2): what awaits the caller's own
// organization, with the deadline that makes it urgent and the page where it is done.
import { z } from 'zod';
import { defineRoute } from './route.ts';

/**
 * What kind of work an item is. Each module that owns such work answers its own kinds; the home
 * page groups and words them (`todo.kind.<kind>` in the web's messages).
 */
export const todoKinds = [
  /** A village or town: intentions from units to accept or refuse (R-DEADLINE-INTENT). */
  'intentionsToDecide',
  /** Either side: a pair the allocation published, awaiting this side's confirmation. */
  'allocatedToConfirm',
  /** A district or working committee: allocated pairs of its units or villages not yet confirmed. */
  'allocatedToConfirmInBulk',
  /** A district or working committee short of its quota (R-QUOTA). */
  'quotaBehind',
  /** A district: weak villages or targets of a live round not yet covered. */
  'villagesUncovered',
  /** Either side: an agreement draft where this side holds the pen. */
  'agreementPen',
  /** Either side: an agreement awaiting this side's signature before the signing deadline. */
  'signatureDue',
  /** Either side: renewals awaiting this side's answer. */
  'renewalToAnswer',
  /** Either side: ledger records of the other side awaiting this side's confirmation. */
  'recordsToConfirm',
  /** A town: disputed records to settle. */
  'disputesToSettle',
  /** The unit (or village): a quarterly report due. */
  'reportDue',
  /** Either side: a compliance duty due soon or overdue (visits, activities, funds…). */
  'dutyDue',
] as const;
export type TodoKind = (typeof todoKinds)[number];

export const todoItem = z.object({
  kind: z.enum(todoKinds),
  /** How many objects wait (intentions, records, pairs…); at least 1. */
  count: z.number().int().positive(),
  /** A short Chinese line naming the work and its object ("某某公司 的结对意向"). */
  title: z.string(),
  /** `YYYY-MM-DD` in China time when the work has a deadline; null otherwise. */
  deadline: z.string().nullable(),
  /** Days left until `deadline` (negative when overdue); null without a deadline. */
  daysLeft: z.number().int().nullable(),
  /** The web app's path where the work is done. */
  link: z.string(),
});
export type TodoItem = z.infer<typeof todoItem>;

/** Soonest deadline first, then items without a deadline. */
export const todoList = z.object({ items: z.array(todoItem) });
export type TodoList = z.infer<typeof todoList>;

export const todoApi = {
  list: defineRoute({
    method: 'GET',
    path: '/todo',
    tags: ['todo'],
    summary: '我的待办',
    description: '本组织待办的事项及其截止日期；每个已登录角色。',
    response: { 200: todoList },
  }),
};

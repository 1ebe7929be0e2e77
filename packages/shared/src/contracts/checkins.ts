// Check-in by QR code (issue 12 item 6): the organizer of a visit or activity opens a code on a
// phone, participants scan it, pick themselves from the roster or type a name, and the attendance
// becomes the record's people. The token in the code is the only capability the public routes take.
import { z } from 'zod';
import { recordCategories } from './ledger.ts';
import { abilities, defineRoute, id, idParams } from './route.ts';
import { requiredLine } from './text.ts';

/** A freshly opened code. `url` is a path under the site (`/checkin/<token>`), not an address. */
export const checkinCode = z.object({
  url: z.string(),
  token: z.string(),
  expiresAt: z.string(),
});
export type CheckinCode = z.infer<typeof checkinCode>;

export const checkinActions = ['open'] as const;

/** Who has checked in to one record, for its organizer's live list. */
export const checkinList = z.object({
  /** When the record's current code expires; null when none is open. */
  openUntil: z.string().nullable(),
  checkins: z.array(
    z.object({
      id: z.number(),
      rosterId: z.number().nullable(),
      name: z.string(),
      at: z.string(),
    }),
  ),
  abilities: abilities(checkinActions),
});
export type CheckinList = z.infer<typeof checkinList>;

/** What a participant sees after scanning: the event and the roster names, nothing personal else. */
export const publicCheckinView = z.object({
  type: z.enum(['visit', 'activity']),
  date: z.string(),
  place: z.string(),
  category: z.enum(recordCategories).nullable(),
  categoryLabel: z.string().nullable(),
  urbanName: z.string(),
  ruralName: z.string(),
  roster: z.array(z.object({ id: z.number(), name: z.string() })),
  expiresAt: z.string(),
});
export type PublicCheckinView = z.infer<typeof publicCheckinView>;

/** Exactly one of a roster entry picked from the list or a typed name; nothing else. */
export const checkinInput = z
  .strictObject(
    { rosterId: id.optional(), name: requiredLine('姓名', 40).optional() },
    { error: '签到内容只能包含名单人员或姓名' },
  )
  .refine((b) => (b.rosterId === undefined) !== (b.name === undefined), {
    message: '请从名单中选择本人，或填写姓名',
    path: ['name'],
  });
export type CheckinInput = z.infer<typeof checkinInput>;

export const checkinAnswer = z.object({
  rosterId: z.number().nullable(),
  name: z.string(),
  /** The same person had already checked in to this record (the check-in is not repeated). */
  already: z.boolean(),
});
export type CheckinAnswer = z.infer<typeof checkinAnswer>;

// Tokens are 32 random bytes in base64url (43 characters); anything else is simply not found.
const tokenParams = z.object({ token: z.string().min(1).max(100) });

const tags = ['ledger'];

export const checkinsApi = {
  open: defineRoute({
    method: 'POST',
    path: '/records/:id/checkin-code',
    tags,
    summary: '开启扫码签到（本方走访或活动记录，当天有效；再次开启则旧码作废）',
    params: idParams,
    response: { 201: checkinCode },
  }),
  list: defineRoute({
    method: 'GET',
    path: '/records/:id/checkins',
    tags,
    summary: '记录的签到名单',
    params: idParams,
    response: { 200: checkinList },
  }),
  publicView: defineRoute({
    method: 'GET',
    path: '/public/checkins/:token',
    tags,
    summary: '扫码签到：活动信息与可选名单（无需登录）',
    params: tokenParams,
    response: { 200: publicCheckinView },
  }),
  checkIn: defineRoute({
    method: 'POST',
    path: '/public/checkins/:token',
    tags,
    summary: '扫码签到（无需登录；须以 JSON 提交）',
    params: tokenParams,
    body: checkinInput,
    response: { 200: checkinAnswer },
  }),
};

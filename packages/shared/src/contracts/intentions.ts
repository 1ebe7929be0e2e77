import { z } from 'zod';
import { intentionStates } from '../pairing-round.ts';
import { abilities, defineRoute, id, idParams } from './route.ts';

/** How an intention came about: a unit's choice, a renewed pair, the city's allocation. */
export const intentionSources = ['selection', 'renewal', 'allocation'] as const;
export type IntentionSource = (typeof intentionSources)[number];

/** An intention as its submission answers it (`POST /api/rounds/:id/intentions`, also a replay). */
export const intentionRecord = z.object({
  id: z.number(),
  roundId: z.number(),
  urbanOrgId: z.number(),
  ruralOrgId: z.number(),
  state: z.enum(intentionStates),
  source: z.enum(intentionSources),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type IntentionRecord = z.infer<typeof intentionRecord>;

export const intentionSubmitted = z.object({ intention: intentionRecord });

/** The same with each side's yes, which only intentions of source 'allocation' record. */
export const decidedIntention = intentionRecord.extend({
  urbanConfirmedAt: z.string().nullable(),
  ruralConfirmedAt: z.string().nullable(),
});
export type DecidedIntention = z.infer<typeof decidedIntention>;

/**
 * `POST /api/intentions/:id/accept` and `…/confirm`: `agreementId` is the draft agreement the
 * acceptance created, null while an allocated pair still awaits the other side's yes.
 */
export const intentionAcceptance = z.object({
  intention: decidedIntention,
  agreementId: z.number().nullable(),
});
export type IntentionAcceptance = z.infer<typeof intentionAcceptance>;

/** `POST /api/intentions/:id/decline` and `…/withdraw`. */
export const intentionDecision = z.object({ intention: decidedIntention });

/** What the caller may do to an intention: the rural side accepts or declines, the urban side confirms or withdraws. */
export const intentionActions = ['accept', 'decline', 'confirm', 'withdraw'] as const;

/** An intention in a round's list (`GET /api/rounds/:id/intentions`), with both orgs' names. */
export const intentionView = decidedIntention.extend({
  urbanOrgName: z.string(),
  ruralOrgName: z.string(),
  weakVillage: z.boolean(),
  abilities: abilities(intentionActions),
});
export type IntentionView = z.infer<typeof intentionView>;

export const intentionList = z.object({ items: z.array(intentionView) });

/**
 * What a village or town deciding reads of the unit that chose it: its 单位类别, annual budget,
 * capacity, the working committee or district it belongs to, and its 资源清单 for the round in
 * full (S2 §2.2). Organizations only: no contact person.
 */
export const unitProfile = z.object({
  unitType: z.string().nullable(),
  yearlyBudget: z.number().nullable(),
  capacity: z.number().nullable(),
  parentName: z.string().nullable(),
  parentKind: z.enum(['working_committee', 'district']).nullable(),
  resources: z.array(
    z.object({ category: z.string(), note: z.string().nullable(), amount: z.number().nullable() }),
  ),
});
export type UnitProfile = z.infer<typeof unitProfile>;

/** An intention the rural side in the caller's scope received, with the unit's profile. */
export const incomingIntention = intentionView.extend({ unit: unitProfile });
export type IncomingIntention = z.infer<typeof incomingIntention>;

export const incomingList = z.object({ items: z.array(incomingIntention) });

/** What the caller may answer on a renewal: confirm it (once per side) or decline it. */
export const renewalActions = ['confirm', 'decline'] as const;

/**
 * R-ROUND-RENEW: a pair of the previous round in the caller's scope and both sides' answers
 * (`GET /api/rounds/:id/renewals`); `renewalId` is null until one side answers.
 */
export const renewalView = z.object({
  renewalId: z.number().nullable(),
  previousIntentionId: z.number(),
  urbanOrgId: z.number(),
  urbanOrgName: z.string(),
  ruralOrgId: z.number(),
  ruralOrgName: z.string(),
  urbanConfirmedAt: z.string().nullable(),
  ruralConfirmedAt: z.string().nullable(),
  declinedAt: z.string().nullable(),
  intentionId: z.number().nullable(),
  abilities: abilities(renewalActions),
});
export type RenewalView = z.infer<typeof renewalView>;

export const renewalList = z.object({ items: z.array(renewalView) });

/**
 * `POST /api/rounds/:id/renewals`: the side that confirmed, and the new round's intention once
 * both have. Confirming a renewal that is already complete changes nothing and answers the same.
 */
export const renewalConfirmation = z.object({
  renewal: z.object({
    id: z.number(),
    side: z.enum(['urban', 'rural']),
    intentionId: z.number().nullable(),
    completed: z.boolean(),
  }),
});
export type RenewalConfirmation = z.infer<typeof renewalConfirmation>;

/** `POST /api/renewals/:id/decline`. */
export const renewalDeclined = z.object({
  renewal: z.object({ id: z.number(), declined: z.literal(true) }),
});

/**
 * `POST /api/rounds/:id/intentions/allocated/confirm`: a district or working committee says yes,
 * for each side inside its scope, to the allocated pairs awaiting it: all of them, or those listed.
 */
export const allocatedBulkConfirmInput = z
  .object({
    intentionIds: z
      .array(id)
      .min(1, '请至少选择一个结对')
      .max(5000, '一次最多确认 5000 个结对')
      .optional(),
  })
  .strict();

/** What the bulk confirmation did: pairs confirmed now, of them accepted (both sides said yes). */
export const allocatedBulkConfirmed = z.object({
  confirmed: z.number(),
  accepted: z.number(),
  intentionIds: z.array(z.number()),
});
export type AllocatedBulkConfirmed = z.infer<typeof allocatedBulkConfirmed>;

const tags = ['intentions'];

export const intentionsApi = {
  submit: defineRoute({
    method: 'POST',
    path: '/rounds/:id/intentions',
    tags,
    summary: '提交结对意向（需 Idempotency-Key 请求头）',
    params: idParams,
    body: z.object({
      ruralOrgId: id,
      /** A district or working committee choosing for one of its units (相对集中). */
      urbanOrgId: id.optional(),
    }),
    response: { 201: intentionSubmitted },
    idempotent: true,
  }),
  list: defineRoute({
    method: 'GET',
    path: '/rounds/:id/intentions',
    tags,
    summary: '本范围内的结对意向',
    params: idParams,
    query: z.object({ state: z.enum(intentionStates).optional() }),
    response: { 200: intentionList },
  }),
  incoming: defineRoute({
    method: 'GET',
    path: '/rounds/:id/intentions/incoming',
    tags,
    summary: '本范围内村（镇）收到的结对意向（附单位资源清单）',
    params: idParams,
    query: z.object({
      state: z
        .enum(intentionStates, { message: `状态应为：${intentionStates.join('、')}` })
        .optional(),
    }),
    response: { 200: incomingList },
  }),
  // A yes answers the intention and the draft agreement it created (none yet for an allocated
  // pair still awaiting the other side); a no answers the intention.
  accept: defineRoute({
    method: 'POST',
    path: '/intentions/:id/accept',
    tags,
    summary: '村（镇）方确认接受意向',
    params: idParams,
    response: { 200: intentionAcceptance },
  }),
  confirm: defineRoute({
    method: 'POST',
    path: '/intentions/:id/confirm',
    tags,
    summary: '单位方确认组织分配的结对',
    params: idParams,
    response: { 200: intentionAcceptance },
  }),
  confirmAllocatedInBulk: defineRoute({
    method: 'POST',
    path: '/rounds/:id/intentions/allocated/confirm',
    tags,
    summary: '区县（工作党委）批量确认本范围内单位、村的组织分配结对（需 Idempotency-Key 请求头）',
    params: idParams,
    body: allocatedBulkConfirmInput,
    response: { 200: allocatedBulkConfirmed },
    idempotent: true,
  }),
  decline: defineRoute({
    method: 'POST',
    path: '/intentions/:id/decline',
    tags,
    summary: '村（镇）方婉拒意向',
    params: idParams,
    response: { 200: intentionDecision },
  }),
  withdraw: defineRoute({
    method: 'POST',
    path: '/intentions/:id/withdraw',
    tags,
    summary: '单位撤回意向（接受前）；组织分配的结对即为婉拒',
    params: idParams,
    response: { 200: intentionDecision },
  }),
  renewals: defineRoute({
    method: 'GET',
    path: '/rounds/:id/renewals',
    tags,
    summary: '可续签的上一轮结对',
    params: idParams,
    response: { 200: renewalList },
  }),
  confirmRenewal: defineRoute({
    method: 'POST',
    path: '/rounds/:id/renewals',
    tags,
    summary: '确认续签上一轮结对（双方分别确认）',
    params: idParams,
    body: z.object({ previousIntentionId: id }),
    response: { 200: renewalConfirmation },
  }),
  declineRenewal: defineRoute({
    method: 'POST',
    path: '/renewals/:id/decline',
    tags,
    summary: '不再续签',
    params: idParams,
    response: { 200: renewalDeclined },
  }),
};

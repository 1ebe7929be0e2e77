// The ledger contract (issue 5): one pairing, its pack, and its execution events. Structural
// checks live in the zod schema; checks across entries run only once the structure is sound.
import { z } from 'zod';
import { isDate, parseDay } from './dates.ts';
import { PACK_IDS } from './packs.ts';
import { ACTIVITY_CATEGORIES, ROLES } from './vocabulary.ts';

const QUARTER = /^\d{4}Q[1-4]$/;

const calendarDate = z.string().refine(isDate);
const quarter = z.string().regex(QUARTER);
const entryId = z.string().min(1);

const person = z.object({ id: entryId, role: z.enum(ROLES) });

const pairing = z.object({
  termStart: calendarDate,
  termEnd: calendarDate,
  weakVillage: z.boolean().optional(),
  people: z.array(person).optional(),
});

const visit = z.object({
  id: entryId,
  type: z.literal('visit'),
  date: calendarDate,
  people: z.array(z.string()).optional(),
  department: z.boolean().optional(),
});

const fund = z.object({
  id: entryId,
  type: z.literal('fund'),
  date: calendarDate,
  amount: z.number().int().nonnegative(),
});

const activity = z.object({
  id: entryId,
  type: z.literal('activity'),
  date: calendarDate,
  category: z.enum(ACTIVITY_CATEGORIES),
});

const report = z.object({
  id: entryId,
  type: z.literal('report'),
  date: calendarDate,
  period: quarter,
});

const event = z.discriminatedUnion('type', [visit, fund, activity, report]);

export const ledgerSchema = z
  .object({ pack: z.enum(PACK_IDS), pairing, events: z.array(event) })
  .superRefine((ledger, ctx) => {
    if (parseDay(ledger.pairing.termEnd) < parseDay(ledger.pairing.termStart)) {
      ctx.addIssue({
        code: 'custom',
        path: ['pairing', 'termEnd'],
        message: `term ends (${ledger.pairing.termEnd}) before it starts (${ledger.pairing.termStart})`,
        params: {
          zh: `结对期限的结束日 ${ledger.pairing.termEnd} 早于开始日 ${ledger.pairing.termStart}`,
        },
      });
    }
    const people = new Set<string>();
    (ledger.pairing.people ?? []).forEach((p, i) => {
      if (people.has(p.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['pairing', 'people', i, 'id'],
          message: `duplicate person id "${p.id}"`,
          params: { zh: `人员编号 "${p.id}" 重复` },
        });
      }
      people.add(p.id);
    });
    const events = new Set<string>();
    ledger.events.forEach((e, i) => {
      if (events.has(e.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['events', i, 'id'],
          message: `duplicate event id "${e.id}"`,
          params: { zh: `事件编号 "${e.id}" 重复` },
        });
      }
      events.add(e.id);
      if (e.type !== 'visit') return;
      (e.people ?? []).forEach((id, j) => {
        if (people.has(id)) return;
        ctx.addIssue({
          code: 'custom',
          path: ['events', i, 'people', j],
          message: `visit names unknown person "${id}"`,
          params: { zh: `走访人员 "${id}" 不在结对人员名单中` },
        });
      });
    });
  });

/** A ledger as written in JSON: optional fields may be left out. */
export type Ledger = z.input<typeof ledgerSchema>;
export type LedgerEvent = Ledger['events'][number];
export type Person = NonNullable<Ledger['pairing']['people']>[number];
export type VisitEvent = Extract<LedgerEvent, { type: 'visit' }>;
export type FundEvent = Extract<LedgerEvent, { type: 'fund' }>;

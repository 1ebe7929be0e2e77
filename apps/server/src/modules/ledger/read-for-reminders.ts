// What the ledger publishes for the reminders module (issue 12 item 7): reminders to both sides of
// a pairing 14 days before a duty that is not met falls due, and when it is missed, read from the
// duties the compliance store keeps (pairing_duties), so the reminders never name its tables.
import { PACKS } from '@pairing/policy';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../lib/rows.ts';
import { MISSED_REMINDER_DAYS } from './compliance/duties.ts';
import { categoryNames, ruleLabel } from './labels.ts';

/** Days before a duty falls due from which both sides are reminded of it. */
export const DUE_REMINDER_DAYS = 14;

/** A duty reminder owed to one side, before its text is written (`dutyReminderText`). */
export type DutyCandidate = {
  key: string;
  orgId: number;
  pairingId: number;
  packId: string;
  rule: string;
  periodFrom: string;
  periodTo: string;
  due: string;
  person: string | null;
  category: string | null;
  required: number;
  actual: number;
  missed: boolean;
};

/**
 * The duty reminders owed as of `today` (YYYY-MM-DD) to the unit and to the village of each
 * pairing, as a derived table with the columns of DutyCandidate. `key` is unique per pairing,
 * rule, period and kind (`due`, `missed`), so with the recipient it names one reminder.
 */
export const dutyCandidates = (today: string) => sql`(
  select 'duty:' || d.pairing_id || ':' || d.rule || ':' || d.period || ':'
      || case when d.missed then 'missed' else 'due' end as key,
    side.org_id::int as "orgId", d.pairing_id::int as "pairingId", pa.pack_id as "packId", d.rule,
    d.period_from::text as "periodFrom", d.period_to::text as "periodTo", d.due::text as due,
    d.person, d.category, d.required::float8 as required, d.actual::float8 as actual, d.missed
  from pairing_duties d
  join pairing_agreements pa on pa.id = d.pairing_id
  cross join lateral (values (pa.urban_org_id), (pa.rural_org_id)) side(org_id)
  where (not d.missed
      and d.due between ${today}::date and ${today}::date + ${DUE_REMINDER_DAYS}::int)
    or (d.missed
      and d.due between ${today}::date - ${MISSED_REMINDER_DAYS}::int and ${today}::date - 1))`;

type Names = { pairingId: number; urbanOrgId: number; urbanName: string; ruralName: string };
type Person = { person: string; name: string; post: string };

/** Each rule's kind by pack and rule id (`${packId}\u0000${ruleId}`). */
export const ruleKinds = new Map<string, string>();
for (const pack of Object.values(PACKS)) {
  for (const rule of pack.rules) ruleKinds.set(`${pack.id}\u0000${rule.id}`, rule.kind);
}

/** The reminders (in-app notification shape) for these candidates, linked to the pairing page. */
export async function dutyReminders(db: Db, candidates: readonly DutyCandidate[]) {
  if (candidates.length === 0) return [];
  const pairingIds = `{${[...new Set(candidates.map((c) => c.pairingId))].join(',')}}`;
  const personIds = `{${[
    ...new Set(candidates.flatMap((c) => (c.person ? [c.person.slice(1)] : []))),
  ].join(',')}}`;
  const [names, people] = await Promise.all([
    queryRows<Names>(
      db,
      sql`select pa.id::int as "pairingId", u.id::int as "urbanOrgId", u.name as "urbanName",
          r.name as "ruralName"
        from pairing_agreements pa
        join org_directory u on u.id = pa.urban_org_id
        join org_directory r on r.id = pa.rural_org_id
        where pa.id = any(${pairingIds}::bigint[])`,
    ),
    queryRows<Person>(
      db,
      sql`select 'p' || id as person, name, post from pairing_roster
        where id = any(${personIds}::bigint[])`,
    ),
  ]);
  const byPairing = new Map(names.map((n) => [n.pairingId, n]));
  const byPerson = new Map(people.map((p) => [p.person, p]));
  return candidates.flatMap((c) => {
    const n = byPairing.get(c.pairingId);
    if (!n) return [];
    const partner = c.orgId === n.urbanOrgId ? n.ruralName : n.urbanName;
    return [
      {
        key: c.key,
        orgId: c.orgId,
        kind: c.missed ? 'duty.missed' : 'duty.due',
        ...dutyReminderText(c, partner, c.person ? byPerson.get(c.person) : undefined),
        link: `/pairings/${c.pairingId}`,
      },
    ];
  });
}

/** Title and body naming the rule, the period and what is still owed. */
export function dutyReminderText(
  c: DutyCandidate,
  partner: string,
  person?: { name: string; post: string },
): { title: string; body: string } {
  const kind = ruleKinds.get(`${c.packId}\u0000${c.rule}`);
  const year = c.periodFrom.slice(0, 4);
  const period =
    kind === 'quarterly-report'
      ? `${year} 年第 ${Math.ceil(Number(c.periodFrom.slice(5, 7)) / 3)} 季度`
      : kind === 'term-visits-per-person'
        ? '协议期内'
        : `${year} 年度`;
  const subject = person
    ? `${person.name}（${person.post}）`
    : c.category
      ? `「${categoryNames[c.category as keyof typeof categoryNames] ?? c.category}」`
      : '';
  const unit = kind === 'yearly-funds' ? ' 元' : kind === 'quarterly-report' ? ' 份' : ' 次';
  const owed = `${period}（${c.periodFrom} 至 ${c.periodTo}）${subject}要求 ${c.required}${unit}`;
  const rule = ruleLabel(c.rule);
  return c.missed
    ? {
        title: `${rule}已逾期`,
        body: `与${partner}的结对：${owed}，实际 ${c.actual}${unit}，已于 ${c.due} 到期未完成。`,
      }
    : {
        title: `${rule}将于 ${c.due} 到期`,
        body: `与${partner}的结对：${owed}，目前 ${c.actual}${unit}，请于 ${c.due} 前完成。`,
      };
}

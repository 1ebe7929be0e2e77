import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../lib/rows.ts';
import { agreementsAwaitingPen, draftAgreements } from '../agreements/read-for-reminders.ts';
import {
  acceptedPairs,
  coveredInRound,
  pendingIntentions,
  renewalsAwaitingOneSide,
} from '../intentions/read-for-reminders.ts';
import { dutyCandidates, dutyReminders, type DutyCandidate } from '../ledger/read-for-reminders.ts';
import { chinaDay, daysLeft } from '../rounds/dates.ts';
import { liveRounds, type LiveRound } from '../rounds/read.ts';
import { ruralTarget } from '../rounds/rural.ts';
import { orgsBehindQuota, roundSummaries } from '../rounds/sql.ts';

/** A reminder owed to one organization; `key` + `orgId` make it unique in reminders_sent. */
export type DueReminder = {
  key: string;
  orgId: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
};

/**
 * Issue 3 item 7: reminders 7 days and 1 day before a deadline (calendar days in China time).
 * The 1-day window wins when both apply, so a server that was down for a week sends only the
 * nearer one; after the deadline day nothing is sent.
 */
export function deadlineWindow(deadline: string, now: Date): 'd7' | 'd1' | null {
  const left = daysLeft(deadline, now);
  if (left < 0 || left > 7) return null;
  return left <= 1 ? 'd1' : 'd7';
}

const leftText = (deadline: string, now: Date) => {
  const left = daysLeft(deadline, now);
  return left === 0 ? '今天' : `还有 ${left} 天`;
};

/**
 * Who still has work before the intention deadline (R-DEADLINE-INTENT): districts with rural
 * targets not yet covered in this round, districts and working committees short of their quota
 * (R-QUOTA), and both sides of intentions still pending.
 */
const intentionRecipients = (r: LiveRound) => sql`
  select d.id::int as "orgId" from org_directory d
  where d.kind = 'district' and starts_with(d.path, ${r.scopePath})
    and exists (select 1 from org_directory o
      where starts_with(o.path, d.path) and ${ruralTarget('o')}
        and not ${coveredInRound(r.id, sql`o.id`)})
  union
  select org_id::int from (${orgsBehindQuota(r.id, acceptedPairs(r.id))}) behind
  union
  select urban_org_id::int from ${pendingIntentions} p where p.round_id = ${r.id}
  union
  select rural_org_id::int from ${pendingIntentions} p where p.round_id = ${r.id}`;

/** Both sides of every agreement of the round not yet signed (R-DEADLINE-SIGN). */
const signingRecipients = (r: LiveRound) => sql`
  select urban_org_id::int as "orgId" from ${draftAgreements} a where a.round_id = ${r.id}
  union
  select rural_org_id::int from ${draftAgreements} a where a.round_id = ${r.id}`;

async function deadlineReminders(db: Db, now: Date): Promise<DueReminder[]> {
  const due: DueReminder[] = [];
  for (const r of await liveRounds(db)) {
    const deadlines = [
      {
        name: 'intention',
        date: r.intentionDeadline,
        open: r.state === 'intentions_open',
        label: '结对意向确认',
        link: `/rounds/${r.id}`,
        recipients: intentionRecipients,
      },
      {
        name: 'signing',
        date: r.signingDeadline,
        open: true,
        label: '结对协议签订',
        link: '/agreements',
        recipients: signingRecipients,
      },
    ];
    for (const d of deadlines) {
      const window = d.open ? deadlineWindow(d.date, now) : null;
      if (!window) continue;
      const orgs = await queryRows<{ orgId: number }>(db, d.recipients(r));
      for (const { orgId } of orgs)
        due.push({
          // The date is part of the key: a moved deadline is reminded again.
          key: `round:${r.id}:${d.name}:${d.date}:${window}`,
          orgId,
          kind: `deadline.${d.name}`,
          title: `${d.label}将于 ${d.date} 截止（${leftText(d.date, now)}）`,
          body: `「${r.name}」的${d.label}截止日为 ${d.date}，请及时办理。`,
          link: d.link,
        });
    }
  }
  return due;
}

/**
 * Confirmations waiting on someone: a pending intention on its rural side; a renewal one side
 * confirmed on the other side (R-ROUND-RENEW); a draft agreement on the side holding the pen,
 * once each time the pen comes to it (the last saved version is the other side's, or none yet).
 */
// Paths of the web app, passed as parameters (they name pages, not tables).
const inboxPage = '/intentions/inbox';
const roundPage = '/rounds/';
const agreementPage = '/agreements/';

async function confirmationReminders(db: Db): Promise<DueReminder[]> {
  return queryRows<DueReminder>(
    db,
    sql`select 'intention:' || i.id || ':awaiting' as "key", i.rural_org_id::int as "orgId",
        'confirm.intention' as "kind", '有结对意向待确认' as "title",
        u.name || ' 希望与本单位结对（「' || r.name || '」），请确认接受或婉拒。' as "body",
        ${inboxPage}::text as "link"
      from ${pendingIntentions} i join ${roundSummaries} r on r.id = i.round_id
      join org_directory u on u.id = i.urban_org_id
      where r.state = 'intentions_open'
    union all
      select 'renewal:' || rn.id || ':awaiting',
        (case when rn.awaiting = 'urban' then rn.urban_org_id else rn.rural_org_id end)::int,
        'confirm.renewal', '有续签结对待确认',
        (case when rn.awaiting = 'urban' then ro.name else uo.name end)
          || ' 已确认续签上一轮结对（「' || r.name || '」），请确认或表示不再续签。',
        ${roundPage}::text || r.id
      from ${renewalsAwaitingOneSide} rn join ${roundSummaries} r on r.id = rn.round_id
      join org_directory uo on uo.id = rn.urban_org_id
      join org_directory ro on ro.id = rn.rural_org_id
      where r.state = 'intentions_open'
    union all
      select 'agreement:' || a.id || ':v' || a.version || ':' || a.pen,
        (case when a.pen = 'urban' then a.urban_org_id else a.rural_org_id end)::int,
        'confirm.agreement', '结对协议轮到本方编辑',
        '与 ' || (case when a.pen = 'urban' then ro.name else uo.name end)
          || ' 的结对协议正等待本方修改或签署。',
        ${agreementPage}::text || a.id
      from ${agreementsAwaitingPen} a join ${roundSummaries} r on r.id = a.round_id
      join org_directory uo on uo.id = a.urban_org_id
      join org_directory ro on ro.id = a.rural_org_id
      where r.state not in ('draft', 'closed')`,
  );
}

/** At most this many duty reminders are handed out per run; the rest come in the next runs. */
const dutiesPerRun = 2000;

/**
 * Both sides of each pairing, 14 days before a duty that is not met falls due and when it is
 * missed (issue 12 item 7). Thousands of pairings share a period's end, so the candidates are
 * checked against reminders_sent in the query and handed out in slices.
 */
async function dutyRemindersDue(db: Db, now: Date): Promise<DueReminder[]> {
  const unsent = await queryRows<DutyCandidate>(
    db,
    sql`select c.* from ${dutyCandidates(chinaDay(now))} c
      where not exists (select 1 from reminders_sent s where s.key = c.key and s.org_id = c."orgId")
      order by c.due, c.key, c."orgId" limit ${dutiesPerRun}`,
  );
  return dutyReminders(db, unsent);
}

/** Every reminder owed now that has not been claimed yet. */
export async function dueReminders(db: Db, now: Date): Promise<DueReminder[]> {
  const all = [...(await deadlineReminders(db, now)), ...(await confirmationReminders(db))];
  const duties = await dutyRemindersDue(db, now);
  if (!all.length) return duties;
  const sent = await queryRows<{ key: string; orgId: number }>(
    db,
    sql`select key, org_id::int as "orgId" from reminders_sent
      where key = any(${sql.param(all.map((r) => r.key))}::text[])`,
  );
  const seen = new Set(sent.map((s) => `${s.key}|${s.orgId}`));
  return [...all.filter((r) => !seen.has(`${r.key}|${r.orgId}`)), ...duties];
}

// The draft of a quarterly report (R-REPORT-Q): the quarter's records that count or await
// confirmation, written out as the text a side then edits and submits.
import type { RecordInput, RosterRole } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { loadPairingScoped, type PairingRow } from './access.ts';
import { quarterRange } from './days.ts';
import { categoryNames, roleNames } from './labels.ts';
import { ensure } from './policy.ts';

const formNames = { cash: '资金', in_kind: '实物' } as const;
const channelNames = { direct: '直接捐赠', charity: '经慈善基金会', government: '经政府部门' };

type DraftRow = { date: string; content: RecordInput; state: string; rosterIds: number[] };
type RosterName = { id: number; name: string; role: RosterRole };

const yuan = (n: number) => `${n.toLocaleString('zh-CN')} 元`;

function numbered(lines: string[], none: string) {
  return lines.length === 0 ? [none] : lines.map((l, i) => `${i + 1}. ${l}`);
}

function composeDraft(
  pairing: PairingRow,
  quarter: string,
  rows: DraftRow[],
  roster: ReadonlyMap<number, RosterName>,
): string {
  const mark = (r: DraftRow) => (r.state === 'pending' ? '（待对方确认）' : '');
  const people = (r: DraftRow, others: string[]) =>
    [
      ...r.rosterIds.map((id) => {
        const p = roster.get(id);
        return p ? `${p.name}（${roleNames[p.role]}）` : '';
      }),
      ...others,
    ]
      .filter(Boolean)
      .join('、');
  const at = (place: string | undefined) => (place ? `，地点：${place}` : '');
  const said = (text: string | undefined) => (text ? `。${text}` : '');

  const visits: string[] = [];
  const activities: string[] = [];
  const funds: string[] = [];
  const progress: string[] = [];
  let total = 0;
  for (const r of rows) {
    const c = r.content;
    switch (c.type) {
      case 'visit':
        visits.push(
          `${c.date}${at(c.place)}，参加人员：${people(r, c.people.others) || '未登记'}` +
            `${c.department ? '，负责部门参加' : ''}${said(c.narrative)}${mark(r)}`,
        );
        break;
      case 'activity': {
        const name =
          c.category === 'other'
            ? (c.categoryLabel ?? categoryNames.other)
            : categoryNames[c.category];
        const who = people(r, c.people.others);
        activities.push(
          `${c.date} ${name}${at(c.place)}${who ? `，参加人员：${who}` : ''}${said(c.narrative)}${mark(r)}`,
        );
        break;
      }
      case 'fund':
        total += c.amount;
        funds.push(
          `${c.date} ${formNames[c.form]} ${yuan(c.amount)}，用途：${c.purpose}，` +
            `${channelNames[c.channel]}${c.receiptNo ? `，收据编号 ${c.receiptNo}` : ''}${mark(r)}`,
        );
        break;
      case 'progress': {
        const title = pairing.content.projects[c.projectIndex]?.title ?? '';
        progress.push(
          `${c.date} 项目“${title}”：${c.milestone}，进度 ${c.percent}%` +
            `${c.indicatorValue !== null ? `，指标值 ${c.indicatorValue}` : ''}${said(c.narrative)}${mark(r)}`,
        );
        break;
      }
      case 'acceptance': {
        const title = pairing.content.projects[c.projectIndex]?.title ?? '';
        progress.push(
          `${c.date} 项目“${title}”验收${c.passed ? '通过' : '未通过'}，指标值 ${c.indicatorValue}` +
            `${said(c.narrative)}${mark(r)}`,
        );
        break;
      }
      case 'report':
        break;
    }
  }
  const [year, q] = [quarter.slice(0, 4), quarter.slice(5)];
  return [
    `${pairing.urbanName}与${pairing.ruralName}结对帮扶${year}年第${q}季度工作报告`,
    '',
    '一、走访情况',
    `本季度走访 ${visits.length} 次。`,
    ...numbered(visits, '本季度暂无走访记录。'),
    '',
    '二、活动开展',
    `本季度开展活动 ${activities.length} 次。`,
    ...numbered(activities, '本季度暂无活动记录。'),
    '',
    '三、资金和物资',
    `本季度资金和物资合计 ${yuan(total)}。`,
    ...numbered(funds, '本季度暂无资金和物资记录。'),
    '',
    '四、项目进展',
    ...numbered(progress, '本季度暂无项目进展记录。'),
    '',
    '五、下季度工作打算',
    '',
  ].join('\n');
}

/** The draft for `quarter`, for a side that writes the report. */
export async function reportDraft(db: Db, scope: Scope, pairingId: number, quarter: string) {
  ensure(scope, 'record');
  const pairing = await loadPairingScoped(db, scope, pairingId);
  ensure(scope, 'record', pairing);
  const { from, to } = quarterRange(quarter);
  const rows = await queryRows<DraftRow>(
    db,
    sql`select date::text as date, content, state::text as state,
        coalesce(array(select x::int from unnest(roster_ids) x), '{}') as "rosterIds"
      from ledger_records
      where pairing_id = ${pairingId} and date between ${from}::date and ${to}::date
        and state in ('pending', 'confirmed', 'upheld') and type <> 'report'
      order by date, id`,
  );
  const roster = await queryRows<RosterName>(
    db,
    sql`select id::int as id, name, role from pairing_roster where pairing_id = ${pairingId}`,
  );
  return {
    quarter,
    body: composeDraft(pairing, quarter, rows, new Map(roster.map((r) => [r.id, r]))),
  };
}

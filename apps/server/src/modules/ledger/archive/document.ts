// 结对帮扶工作档案 (R-ARCHIVE, S5 §3.3: both sides keep archives of when cadres went down and
// what was done) as a printable .docx in the GB/T 9704 layout, body in 四号 (a long document):
// the parties, the roster, then by year every record in date order with who took part. Records
// withdrawn by their side or rejected on settlement are left out; a disputed one is marked.
import type { RecordInput } from '@pairing/shared';
import { Document, Packer } from 'docx';
import {
  bodyParagraph,
  defaultStyles,
  headingParagraph,
  pageProperties,
  sizes,
} from '../../../lib/docx-style.ts';
import { chineseDate } from '../../rounds/dates.ts';
import { pageNumberFooter, table, title } from '../disclosure/docx-parts.ts';
import { fundChannelLabels, fundFormLabels, fundSourceLabels, yuan } from '../disclosure/labels.ts';
import { categoryLabels, rosterRoleLabels, sideLabels, stateLabels } from './labels.ts';
import type { Archive } from './queries.ts';
import type { ArchiveRecord } from './rows.ts';

const size = sizes.si;
const para = (text: string, opts: { bold?: boolean; indent?: boolean } = {}) =>
  bodyParagraph(text, { ...opts, size });
const heading = (text: string) => headingParagraph(text, size);

export const archiveTitle = '城乡党组织结对帮扶工作档案';

const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const numeral = (n: number) =>
  n <= 10 ? numerals[n - 1] : n < 20 ? `十${numerals[n - 11]}` : String(n);
const monthDay = (day: string) => chineseDate(day).replace(/^\d+年/, '');

const archived = (r: ArchiveRecord) => r.state !== 'withdrawn' && r.state !== 'rejected';

/** What the record is, in one line: its kind and the facts that identify it. */
function summary(c: RecordInput, projects: ReadonlyArray<{ title: string }>) {
  const project = (i: number | null) =>
    i === null ? '' : `（${projects[i]?.title ?? `项目${i + 1}`}）`;
  const place = 'place' in c && c.place ? `，地点：${c.place}` : '';
  switch (c.type) {
    case 'visit':
      return `走访${place}${c.department ? '，负责部门参加' : ''}`;
    case 'activity':
      return `${c.category === 'other' ? (c.categoryLabel ?? '其他活动') : categoryLabels[c.category]}${place}`;
    case 'fund':
      return (
        `${fundFormLabels[c.form]} ${yuan(c.amount)} 元（${fundSourceLabels[c.source]}，` +
        `${fundChannelLabels[c.channel]}）${project(c.projectIndex)}，用途：${c.purpose}${place}`
      );
    case 'progress':
      return `项目进度${project(c.projectIndex)}：${c.milestone}，完成 ${c.percent}%${
        c.indicatorValue === null ? '' : `，指标值 ${c.indicatorValue}`
      }${place}`;
    case 'acceptance':
      return `项目验收${project(c.projectIndex)}：指标值 ${c.indicatorValue}，${c.passed ? '通过' : '未通过'}验收${place}`;
    case 'report':
      return `${c.quarter.replace('Q', '年第')}季度工作报告`;
  }
}

function recordParagraphs(record: ArchiveRecord, archive: Archive) {
  const c = record.content;
  const roster = new Map(archive.roster.map((m) => [m.id, m]));
  const status =
    record.countsFrom && record.state !== 'disputed'
      ? `${stateLabels[record.state]}，${chineseDate(record.countsFrom)}起计入`
      : stateLabels[record.state];
  const out = [
    para(
      `${monthDay(c.date)}\u3000${summary(c, archive.pairing.content.projects)}` +
        `（${sideLabels[record.side]}记录，${status}${record.evidence ? `，附证据 ${record.evidence} 份` : ''}）`,
      { bold: true },
    ),
  ];
  if (c.type === 'visit' || c.type === 'activity') {
    const people = [
      ...c.people.rosterIds.map((id) => {
        const m = roster.get(id);
        return m ? `${m.name}（${m.post}）` : `名单人员 ${id}`;
      }),
      ...c.people.others,
    ];
    if (people.length) out.push(para(`参加人员：${people.join('、')}`));
  }
  const text = c.type === 'report' ? c.body : c.narrative;
  for (const line of (text ?? '').split('\n').filter((l) => l.trim())) out.push(para(line.trim()));
  return out;
}

function yearSections(archive: Archive) {
  const byYear = new Map<string, ArchiveRecord[]>();
  for (const r of archive.records.filter(archived)) {
    const year = r.content.date.slice(0, 4);
    byYear.set(year, [...(byYear.get(year) ?? []), r]);
  }
  return [...byYear].flatMap(([year, records], i) => {
    const count = (type: RecordInput['type']) =>
      records.filter((r) => r.content.type === type).length;
    const funds = records.reduce(
      (s, r) => s + (r.content.type === 'fund' ? r.content.amount : 0),
      0,
    );
    return [
      heading(`${numeral(i + 3)}、${year}年`),
      para(
        `本年度记录走访 ${count('visit')} 次、活动 ${count('activity')} 次、` +
          `帮扶资金 ${count('fund')} 笔共 ${yuan(funds)} 元、项目进度 ${count('progress')} 条、` +
          `项目验收 ${count('acceptance')} 条、季度报告 ${count('report')} 份。`,
      ),
      ...records.flatMap((r) => recordParagraphs(r, archive)),
    ];
  });
}

export async function renderArchiveDocx(archive: Archive, today: string): Promise<Buffer> {
  const p = archive.pairing;
  const doc = new Document({
    creator: '城乡结对帮扶平台',
    title: archiveTitle,
    styles: defaultStyles(size),
    sections: [
      {
        properties: pageProperties,
        footers: { default: pageNumberFooter() },
        children: [
          title(archiveTitle),
          heading('一、结对双方'),
          para(`帮扶单位：${p.urbanName}`, { indent: false }),
          para(`结对村：${p.ruralName}`, { indent: false }),
          para(`协议期限：${chineseDate(p.termStart)}至${chineseDate(p.termEnd)}`, {
            indent: false,
          }),
          para(`负责部门：${archive.department || '未填写'}`, { indent: false }),
          heading('二、帮扶单位领导班子名单'),
          archive.roster.length
            ? table(
                ['姓名', '职务', '角色', '任职期间'],
                [18, 34, 20, 28],
                archive.roster.map((m) => [
                  m.name,
                  m.post,
                  rosterRoleLabels[m.role as keyof typeof rosterRoleLabels] ?? m.role,
                  `${m.from} 至 ${m.to ?? '今'}`,
                ]),
              )
            : para('尚未登记领导班子名单。'),
          ...yearSections(archive),
          ...(archive.records.some(archived) ? [] : [para('尚无帮扶记录。')]),
          para(`本档案由城乡结对帮扶平台于${chineseDate(today)}导出。`),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

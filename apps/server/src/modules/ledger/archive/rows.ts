// A record as a workbook row and back: the export writes labels (资金, 是, 联席会议…) and roster
// names, the import turns a row's text into the contract's `recordInput` shape for zod to judge.
import type { RecordInput, RecordType } from '@pairing/shared';
import { fundChannelLabels, fundFormLabels, fundSourceLabels } from '../disclosure/labels.ts';
import { headerOf } from './columns.ts';
import { categoryLabels, codeOf, sideLabels, stateLabels } from './labels.ts';

export type ArchiveRecord = {
  id: number;
  side: 'urban' | 'rural';
  state: keyof typeof stateLabels;
  countsFrom: string | null;
  content: RecordInput;
  evidence: number;
};

export type RosterMember = { id: number; name: string; post: string; role: string };
export type Cell = string | number | null;

const yesNo = (b: boolean) => (b ? '是' : '否');
const names = (list: string[]) => list.join('、');

/** The row the export writes for a record, by column key. */
export function exportCells(
  record: ArchiveRecord,
  roster: ReadonlyMap<number, RosterMember>,
  projects: ReadonlyArray<{ title: string }>,
): Record<string, Cell> {
  const c = record.content;
  const info = {
    id: record.id,
    date: c.date,
    side: sideLabels[record.side],
    state: stateLabels[record.state],
    countsFrom: record.countsFrom ?? '',
    evidence: record.evidence,
  };
  const project = (index: number | null) =>
    index === null
      ? { projectNo: '', projectTitle: '' }
      : { projectNo: index + 1, projectTitle: projects[index]?.title ?? '' };
  switch (c.type) {
    case 'visit':
    case 'activity': {
      const people = {
        place: c.place,
        narrative: c.narrative,
        rosterNames: names(c.people.rosterIds.map((id) => roster.get(id)?.name ?? `#${id}`)),
        others: names(c.people.others),
      };
      return c.type === 'visit'
        ? { ...info, ...people, department: yesNo(c.department) }
        : {
            ...info,
            ...people,
            category: categoryLabels[c.category],
            categoryLabel: c.categoryLabel ?? '',
          };
    }
    case 'fund':
      return {
        ...info,
        form: fundFormLabels[c.form],
        amount: c.amount,
        source: fundSourceLabels[c.source],
        channel: fundChannelLabels[c.channel],
        purpose: c.purpose,
        ...project(c.projectIndex),
        receiptNo: c.receiptNo,
        place: c.place ?? '',
        narrative: c.narrative ?? '',
      };
    case 'progress':
      return {
        ...info,
        ...project(c.projectIndex),
        milestone: c.milestone,
        percent: c.percent,
        indicatorValue: c.indicatorValue ?? '',
        place: c.place ?? '',
        narrative: c.narrative,
      };
    case 'acceptance':
      return {
        ...info,
        ...project(c.projectIndex),
        indicatorValue: c.indicatorValue,
        passed: yesNo(c.passed),
        place: c.place ?? '',
        narrative: c.narrative,
      };
    case 'report':
      return { ...info, quarter: c.quarter, body: c.body };
  }
}

export type CellError = { column: string; message: string };

/** The roster's ids by name, to read the names a row lists. */
export const rosterIndex = (roster: Iterable<RosterMember>) => {
  const index = new Map<string, number[]>();
  for (const m of roster) index.set(m.name, [...(index.get(m.name) ?? []), m.id]);
  return index;
};

const numberPattern = /^-?\d+(\.\d+)?$/;

/**
 * A row's text as a candidate `recordInput`: labels to codes, numbers to numbers, 是/否 to
 * booleans, roster names to ids. Text that does not convert is passed on unchanged, so zod's
 * message names what is wrong; names not on the roster are errors here.
 */
export function candidateOf(
  type: RecordType,
  cells: Record<string, string>,
  roster: ReadonlyMap<string, number[]>,
): { candidate: Record<string, unknown>; errors: CellError[] } {
  const errors: CellError[] = [];
  const text = (key: string) => cells[key] ?? '';
  const optional = (key: string) => text(key) || undefined;
  const number = (key: string) => {
    const t = text(key);
    return t === '' ? undefined : numberPattern.test(t) ? Number(t) : t;
  };
  const nullableNumber = (key: string) => number(key) ?? null;
  const bool = (key: string) => {
    const t = text(key);
    return t === '是' ? true : t === '否' ? false : t === '' ? undefined : t;
  };
  const list = (key: string) =>
    text(key)
      .split(/[、,，;；\n]+/)
      .map((s) => s.trim())
      .filter(Boolean);
  const projectIndex = () => {
    const n = number('projectNo');
    return n === undefined ? null : typeof n === 'number' ? n - 1 : n;
  };
  const people = () => {
    const rosterIds: number[] = [];
    for (const name of list('rosterNames')) {
      const ids = roster.get(name) ?? [];
      if (ids.length === 1) rosterIds.push(ids[0]);
      else
        errors.push({
          column: headerOf(type, ['people', 'rosterIds']),
          message: ids.length
            ? `名单中有 ${ids.length} 位“${name}”，无法区分，请填入“其他参加人员”`
            : `“${name}”不在本结对的领导班子名单中，请填入“其他参加人员”`,
        });
    }
    return { rosterIds, others: list('others') };
  };
  const date = text('date');
  switch (type) {
    case 'visit':
      return {
        candidate: {
          type,
          date,
          place: text('place'),
          narrative: text('narrative'),
          people: people(),
          department: bool('department'),
        },
        errors,
      };
    case 'activity':
      return {
        candidate: {
          type,
          date,
          place: text('place'),
          narrative: text('narrative'),
          people: people(),
          category: codeOf(categoryLabels, text('category')),
          categoryLabel: optional('categoryLabel'),
        },
        errors,
      };
    case 'fund':
      return {
        candidate: {
          type,
          date,
          place: optional('place'),
          narrative: optional('narrative'),
          form: codeOf(fundFormLabels, text('form')),
          amount: number('amount'),
          source: codeOf(fundSourceLabels, text('source')),
          purpose: text('purpose'),
          projectIndex: projectIndex(),
          channel: codeOf(fundChannelLabels, text('channel')),
          receiptNo: text('receiptNo'),
        },
        errors,
      };
    case 'progress':
      return {
        candidate: {
          type,
          date,
          place: optional('place'),
          narrative: text('narrative'),
          projectIndex: projectIndex() ?? undefined,
          milestone: text('milestone'),
          percent: number('percent'),
          indicatorValue: nullableNumber('indicatorValue'),
        },
        errors,
      };
    case 'acceptance':
      return {
        candidate: {
          type,
          date,
          place: optional('place'),
          narrative: text('narrative'),
          projectIndex: projectIndex() ?? undefined,
          indicatorValue: number('indicatorValue'),
          passed: bool('passed'),
        },
        errors,
      };
    case 'report':
      return { candidate: { type, date, quarter: text('quarter'), body: text('body') }, errors };
  }
}

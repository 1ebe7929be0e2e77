import { todoKinds, type TodoItem, type TodoKind } from '@pairing/shared';
import { daysLeft } from '../rounds/dates.ts';
import type { RoundDeadlines } from '../rounds/read-for-todo.ts';

/** An item before its days left are counted. */
export type Pending = Omit<TodoItem, 'daysLeft'>;

/** One object awaiting the caller: named alone when it is the only one of its group. */
export type Waiting = {
  kind: TodoKind;
  deadline: string | null;
  /** The page of this object. */
  link: string;
  /** The page listing every object of its kind. */
  listLink: string;
  /** The title when it is alone ("与 某某村 的结对协议"). */
  title: string;
  /** How many objects it stands for (several duties of one pairing due the same day); 1 if absent. */
  count?: number;
};

/** How a group of several objects of a kind is titled. */
const many: Record<TodoKind, (n: number) => string> = {
  intentionsToDecide: (n) => `${n} 个单位的结对意向`,
  allocatedToConfirm: (n) => `${n} 个组织分配的结对`,
  allocatedToConfirmInBulk: (n) => `${n} 对组织分配的结对`,
  quotaBehind: (n) => `配额尚差 ${n} 个`,
  villagesUncovered: (n) => `${n} 个村镇尚无结对单位`,
  agreementPen: (n) => `${n} 份结对协议待本方编辑`,
  signatureDue: (n) => `${n} 份结对协议待本方签署`,
  renewalToAnswer: (n) => `${n} 个上一轮结对的续签`,
  recordsToConfirm: (n) => `${n} 条对方台账记录`,
  disputesToSettle: (n) => `${n} 条有异议的台账记录`,
  reportDue: (n) => `${n} 份季度报告`,
  dutyDue: (n) => `${n} 项结对任务`,
};

/** Objects grouped by kind, deadline and list page: one item each, counted. */
export function gather(rows: readonly Waiting[]): Pending[] {
  const groups = new Map<string, Waiting[]>();
  for (const row of rows) {
    const key = `${row.kind}|${row.deadline}|${row.listLink}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].map((group) => {
    const [first] = group;
    const alone = group.length === 1;
    const count = group.reduce((sum, row) => sum + (row.count ?? 1), 0);
    return {
      kind: first.kind,
      count,
      title: alone ? first.title : many[first.kind](count),
      deadline: first.deadline,
      // Objects of one page (one pairing's duties) keep that page.
      link: group.every((row) => row.link === first.link) ? first.link : first.listLink,
    };
  });
}

/**
 * The deadline of work in a round's current phase: the intention deadline while intentions are
 * open (R-DEADLINE-INTENT), the signing deadline after (R-DEADLINE-SIGN).
 */
export const phaseDeadline = (round: RoundDeadlines) =>
  round.state === 'intentions_open' ? round.intentionDeadline : round.signingDeadline;

const kindOrder = new Map(todoKinds.map((kind, i) => [kind, i]));

/** Soonest deadline first, then items without one; the contract's order of kinds breaks ties. */
export function ordered(items: readonly Pending[], now: Date): TodoItem[] {
  return items
    .filter((item) => item.count > 0)
    .map((item) => ({
      ...item,
      daysLeft: item.deadline === null ? null : daysLeft(item.deadline, now),
    }))
    .sort(
      (a, b) =>
        (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') ||
        (kindOrder.get(a.kind) ?? 0) - (kindOrder.get(b.kind) ?? 0) ||
        a.title.localeCompare(b.title),
    );
}

import type { TodoList } from '@pairing/shared';
import type { Db } from '../../db/client.ts';
import type { Scope } from '../../lib/scope.ts';
import { recordsWaiting } from '../ledger/read-for-todo.ts';
import { chinaDay } from '../rounds/dates.ts';
import { openRounds } from '../rounds/read-for-todo.ts';
import { bulkWaiting } from './bulk.ts';
import { gather, ordered, type Pending } from './items.ts';
import { ownWaiting } from './own.ts';

/**
 * Records of the other side to confirm (the awaiting page's list) and disputes to settle, as the
 * ledger's own policy finds them for the caller's role and scope.
 */
async function ledgerWaiting(db: Db, scope: Scope, today: string): Promise<Pending[]> {
  const { confirm, settle } = await recordsWaiting(db, scope, today);
  const page = (recordId: number | null) =>
    recordId === null ? '/records/awaiting' : `/records/${recordId}`;
  return [
    {
      kind: 'recordsToConfirm',
      count: confirm.count,
      title: `${confirm.count} 条对方录入的记录，截止前未提出异议即视为确认`,
      deadline: confirm.deadline,
      link: page(confirm.recordId),
    },
    {
      kind: 'disputesToSettle',
      count: settle.count,
      title: `${settle.count} 条记录一方提出了异议，请核实后裁定`,
      deadline: null,
      link: page(settle.recordId),
    },
  ];
}

/**
 * What awaits the caller's own organization (issue 13 item 2): a unit's or a village's (or a
 * town's) own pairs; the bulk of a district, working committee or the city; nothing for the
 * read-only roles. Soonest deadline first.
 */
export async function todoList(db: Db, scope: Scope, now: Date): Promise<TodoList> {
  const today = chinaDay(now);
  const rounds = await openRounds(db);
  const byId = new Map(rounds.map((r) => [r.id, r]));
  const own = async (side: 'urban' | 'rural') =>
    gather(await ownWaiting(db, side, scope.orgId, byId, today));
  const roleItems = async (): Promise<Pending[]> => {
    switch (scope.role) {
      case 'unit_admin':
        return own('urban');
      case 'village_admin':
      case 'town_admin':
        return own('rural');
      case 'district_admin':
      case 'city_admin':
        return bulkWaiting(db, scope, rounds);
      default:
        return [];
    }
  };
  const [items, ledger] = await Promise.all([roleItems(), ledgerWaiting(db, scope, today)]);
  return { items: ordered([...items, ...ledger], now) };
}

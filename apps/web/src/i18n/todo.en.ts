import type { todoZhCN } from './todo.zh-CN.ts';

/** English strings of the home page's to-do list; merged into en.ts. */
export const todoEn: Record<keyof typeof todoZhCN, string> = {
  'todo.title': 'My to-do list',
  'todo.empty': 'Nothing to do',
  'todo.emptyHint': 'Work awaiting your organization will appear here.',
  'todo.count': '{count}',
  'todo.due': 'Due {date}, {days} days left',
  'todo.dueToday': 'Due {date}, today',
  'todo.overdue': 'Due {date}, {days} days overdue',
  'todo.noDeadline': 'No deadline',
  'todo.go': 'Open',
  'todo.kind.intentionsToDecide': 'Intentions to decide',
  'todo.kind.allocatedToConfirm': 'Allocated pairs to confirm',
  'todo.kind.allocatedToConfirmInBulk': 'Allocated pairs not yet confirmed',
  'todo.kind.quotaBehind': 'Quota behind',
  'todo.kind.villagesUncovered': 'Villages not yet covered',
  'todo.kind.agreementPen': 'Agreements to edit',
  'todo.kind.signatureDue': 'Agreements to sign',
  'todo.kind.renewalToAnswer': 'Renewals to answer',
  'todo.kind.recordsToConfirm': 'Records to confirm',
  'todo.kind.disputesToSettle': 'Disputes to settle',
  'todo.kind.reportDue': 'Quarterly reports due',
  'todo.kind.dutyDue': 'Duties due soon',
};

import { auditActionNames, auditEntityNames } from '@pairing/shared';

/** The words of every audit action and entity (their names are shared with the server's documents); merged into zh-CN.ts. */
export const auditZhCN = {
  ...prefixed('action', auditActionNames),
  ...prefixed('entity', auditEntityNames),
  'audit.items': '共 {count} 项',
  'audit.itemsTitle': '本次包含的 {count} 项',
  'audit.itemsEmpty': '没有可查看的明细',
  'audit.actionAll': '全部操作',
  'audit.object': '{entity} #{id}',
};

/** `{ a: 'x' }` → `{ 'action.a': 'x' }`, keeping the keys' types. */
export function prefixed<P extends string, K extends string>(prefix: P, table: Record<K, string>) {
  return Object.fromEntries(
    Object.entries(table).map(([key, text]) => [`${prefix}.${key}`, text]),
  ) as Record<`${P}.${K}`, string>;
}

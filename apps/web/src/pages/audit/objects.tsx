import { Link } from 'react-router';
import type { AuditRecord } from '@pairing/shared';
import { enumLabel, type Translate } from '../../i18n/index.tsx';

// The page an audited object has, where one exists; other objects show as words only.
const pages: Record<string, (id: string) => string> = {
  org: (id) => `/orgs/${id}`,
  round: (id) => `/rounds/${id}`,
  agreement: (id) => `/agreements/${id}`,
  ledger_record: (id) => `/records/${id}`,
  allocation_run: () => '/allocation',
  import_job: () => '/imports',
};

/** 「结对意向 #6」, linked to its page when it has one. */
export function AuditObject({
  t,
  entity,
  entityId,
}: {
  t: Translate;
  entity: string;
  entityId: string | number | null;
}) {
  const name = enumLabel(t, 'entity', entity);
  if (entityId === null) return <>{name}</>;
  const label = t('audit.object', { entity: name, id: entityId });
  const page = pages[entity];
  return page ? <Link to={page(String(entityId))}>{label}</Link> : <>{label}</>;
}

/**
 * The intentions a bulk action recorded in one record (`after.ids` or `after.intentionIds`), as
 * the intentions' confirmation in bulk does; empty for any other record.
 */
export function listedItems(record: AuditRecord): number[] {
  const after = record.after;
  if (typeof after !== 'object' || after === null) return [];
  const { ids, intentionIds } = after as { ids?: unknown; intentionIds?: unknown };
  const list = Array.isArray(ids) ? ids : Array.isArray(intentionIds) ? intentionIds : [];
  return list.filter((id): id is number => typeof id === 'number');
}

/** How many items a record stands for: its batch's records, or the ids it lists. */
export const itemCount = (record: AuditRecord) => record.items || listedItems(record).length;

import dayjs from 'dayjs';
import { Empty, Spin, Typography } from 'antd';
import { auditApi, type AuditRecord } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ListControls.tsx';
import { enumLabel, useI18n } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { AuditObject, listedItems } from './objects.tsx';

/** At most this many items are listed under a bulk action; its own filter shows the rest. */
const shown = 100;

/** The items of a bulk action: the records written in its transaction, or the ids it lists. */
export function BatchItems({ record }: { record: AuditRecord }) {
  const { t } = useI18n();
  const listed = listedItems(record);
  const request = useRequest(
    () =>
      record.items > 0
        ? call(auditApi.list, { query: { batch: record.id, pageSize: shown } })
        : Promise.resolve(null),
    [record.id, record.items],
  );
  if (request.error) return <ErrorAlert error={request.error} />;
  if (request.loading) return <Spin size="small" />;
  const items: Array<{
    key: string | number;
    entity: string;
    entityId: string | number;
    extra?: string;
  }> = request.data
    ? request.data.items.map((item) => ({
        key: item.id,
        entity: item.entity,
        entityId: item.entityId ?? '',
        extra: `${enumLabel(t, 'action', item.action)} · ${dayjs(item.at).format('HH:mm:ss')}`,
      }))
    : listed.map((id) => ({ key: id, entity: 'intention', entityId: id }));
  const total = request.data?.total ?? listed.length;
  return (
    <div data-testid="audit-items">
      <Typography.Text strong>{t('audit.itemsTitle', { count: total })}</Typography.Text>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.itemsEmpty')} />
      ) : (
        <ul className="audit-items">
          {items.map((item) => (
            <li key={item.key}>
              <AuditObject t={t} entity={item.entity} entityId={item.entityId} />
              {item.extra && <Typography.Text type="secondary"> {item.extra}</Typography.Text>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

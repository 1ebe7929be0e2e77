import dayjs, { type Dayjs } from 'dayjs';
import { Button, Card, DatePicker, Select, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { auditActions, auditApi, auditEntities, type AuditRecord } from '@pairing/shared';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { call } from '../../api/client.ts';
import {
  ErrorAlert,
  FilterBar,
  QuerySearch,
  useListTable,
} from '../../components/ListControls.tsx';
import { enumLabel, useI18n } from '../../i18n/index.tsx';
import { useQueryState } from '../../lib/useQueryState.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { BatchItems } from './BatchItems.tsx';
import { AuditObject, itemCount } from './objects.tsx';

const filterKeys = ['action', 'entity', 'entityId', 'actor', 'from', 'to'] as const;

function Json({ value, label }: { value: unknown; label: string }) {
  const { t } = useI18n();
  if (value === null || value === undefined) {
    return <Typography.Text type="secondary">{t('audit.none')}</Typography.Text>;
  }
  // A long record scrolls inside its block: focusable, so a keyboard can scroll it too.
  return (
    <pre className="json-block" tabIndex={0} role="region" aria-label={label}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

export default function AuditPage() {
  const { t } = useI18n();
  const { values, page, pageSize, update, reset } = useQueryState(filterKeys);

  const request = useRequest(
    () => call(auditApi.list, { query: { ...values, page, pageSize } }),
    [
      values.action,
      values.entity,
      values.entityId,
      values.actor,
      values.from,
      values.to,
      page,
      pageSize,
    ],
  );

  const range: [Dayjs, Dayjs] | null =
    values.from && values.to ? [dayjs(values.from), dayjs(values.to)] : null;

  const columns: TableColumnsType<AuditRecord> = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      width: 170,
      render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 140,
      render: (v) => v || t('audit.system'),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (v: string, row) => (
        <Space size={4}>
          <span>{enumLabel(t, 'action', v)}</span>
          {itemCount(row) > 0 && (
            <Tag color="blue" variant="filled" data-testid="audit-count">
              {t('audit.items', { count: itemCount(row) })}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      width: 180,
      render: (_, row) => <AuditObject t={t} entity={row.entity} entityId={row.entityId} />,
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (v) => v || '—' },
  ];

  const filtered = Object.values(values).some(Boolean);
  const table = useListTable(
    { page, pageSize, update },
    request,
    filtered ? t('common.noMatch') : t('audit.empty'),
  );

  return (
    <Card
      title={t('menu.audit')}
      extra={
        <Button icon={<ReloadOutlined />} onClick={request.reload}>
          {t('common.refresh')}
        </Button>
      }
    >
      <FilterBar filtered={filtered} onClear={reset}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('audit.actionAll')}
          aria-label={t('audit.action')}
          value={values.action || undefined}
          onChange={(action) => update({ action })}
          options={auditActions.map((a) => ({ value: a, label: enumLabel(t, 'action', a) }))}
          style={{ width: 220 }}
          data-testid="audit-action-filter"
        />
        <Select
          allowClear
          placeholder={t('audit.entity')}
          aria-label={t('audit.entity')}
          value={values.entity || undefined}
          onChange={(entity) => update({ entity })}
          options={auditEntities.map((e) => ({ value: e, label: enumLabel(t, 'entity', e) }))}
          style={{ width: 150 }}
        />
        <QuerySearch
          placeholder={t('audit.actorPlaceholder')}
          value={values.actor}
          onSearch={(actor) => update({ actor })}
          style={{ width: 180 }}
        />
        <DatePicker.RangePicker
          value={range}
          onChange={(dates) =>
            update({
              // Whole days, both ends included; the server reads them in China time.
              from: dates?.[0]?.format('YYYY-MM-DD') ?? null,
              to: dates?.[1]?.format('YYYY-MM-DD') ?? null,
            })
          }
        />
      </FilterBar>
      <ErrorAlert error={request.error} />
      <ResponsiveTable<AuditRecord>
        rowKey="id"
        size="middle"
        columns={columns}
        expandable={{
          expandedRowRender: (row) => (
            <div className="two-columns">
              {itemCount(row) > 0 && (
                <div style={{ gridColumn: '1 / -1' }}>
                  <BatchItems record={row} />
                </div>
              )}
              <div>
                <Typography.Text strong>{t('audit.before')}</Typography.Text>
                <Json value={row.before} label={t('audit.before')} />
              </div>
              <div>
                <Typography.Text strong>{t('audit.after')}</Typography.Text>
                <Json value={row.after} label={t('audit.after')} />
              </div>
            </div>
          ),
        }}
        {...table}
      />
    </Card>
  );
}

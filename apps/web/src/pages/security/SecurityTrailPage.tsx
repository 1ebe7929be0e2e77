import { Alert, Button, Card, DatePicker, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  securityApi,
  securityAuditActions,
  signInKinds,
  trailExportLimit,
  type TrailEntry,
} from '@pairing/shared';
import { call, hrefOf } from '../../api/client.ts';
import { ResponsiveTable, type ResponsiveColumns } from '../../components/ResponsiveTable.tsx';
import { enumLabel, useI18n } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';

const time = (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss');
const kinds = [...signInKinds, ...securityAuditActions];

/** 安全审计: the audit administrator's trail of sign-ins and security records, with export. */
export default function SecurityTrailPage() {
  const { t } = useI18n();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [actor, setActor] = useState('');
  const [kind, setKind] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const filter = {
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
    actor: actor || undefined,
    kind,
  };
  const trail = useRequest(
    () => call(securityApi.trail, { query: { ...filter, page, pageSize: 20 } }),
    [filter.from, filter.to, actor, kind, page],
  );
  const kindLabel = (k: string) =>
    k.startsWith('sign_in.')
      ? t(`security.${k}` as 'security.sign_in.ok')
      : enumLabel(t, 'action', k);

  const columns: ResponsiveColumns<TrailEntry> = [
    { key: 'at', title: t('security.at'), dataIndex: 'at', render: time },
    { key: 'actor', title: t('security.user'), dataIndex: 'actorName' },
    { key: 'kind', title: t('security.kind'), dataIndex: 'kind', render: kindLabel },
    { key: 'ip', title: t('account.ip'), dataIndex: 'ip' },
    {
      key: 'detail',
      title: t('security.detail'),
      render: (_, e) => (e.after == null ? e.device : JSON.stringify(e.after)),
    },
  ];

  return (
    <Card title={t('security.trail')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <DatePicker.RangePicker
            value={range}
            onChange={(v) => (setRange(v), setPage(1))}
            data-testid="trail-range"
          />
          <Input.Search
            allowClear
            placeholder={t('security.user')}
            aria-label={t('security.user')}
            onSearch={(v) => (setActor(v.trim()), setPage(1))}
            style={{ width: 200 }}
            data-testid="trail-actor"
          />
          <Select
            allowClear
            placeholder={t('security.kind')}
            aria-label={t('security.kind')}
            value={kind}
            onChange={(v) => (setKind(v), setPage(1))}
            options={kinds.map((k) => ({ value: k, label: kindLabel(k) }))}
            style={{ width: 240 }}
            data-testid="trail-kind"
          />
          <Button
            href={hrefOf(securityApi.exportTrail, { query: filter })}
            data-testid="trail-export"
          >
            {t('security.export')}
          </Button>
        </Space>
        {(trail.data?.total ?? 0) > trailExportLimit && (
          <Alert
            type="info"
            showIcon
            data-testid="trail-export-capped"
            message={t('security.exportCapped', {
              limit: trailExportLimit.toLocaleString(),
              total: trail.data!.total.toLocaleString(),
            })}
          />
        )}
        {trail.error ? (
          <Alert type="error" showIcon message={trail.error.message} />
        ) : (
          <ResponsiveTable
            rowKey="key"
            loading={!trail.data}
            columns={columns}
            dataSource={trail.data?.items ?? []}
            pagination={{
              current: page,
              pageSize: 20,
              total: trail.data?.total ?? 0,
              onChange: setPage,
            }}
          />
        )}
      </Space>
    </Card>
  );
}

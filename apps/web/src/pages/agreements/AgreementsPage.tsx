import { useNavigate } from 'react-router';
import { Button, Card, Segmented, Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { agreementsApi, type AgreementSummary } from '@pairing/shared';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { call } from '../../api/client.ts';
import { ErrorAlert, useListTable } from '../../components/ListControls.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useQueryState } from '../../lib/useQueryState.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { StatusTag, TurnTag } from './tags.tsx';

const filterKeys = ['status'] as const;
const statuses = ['draft', 'signed'] as const;
const asStatus = (value: string | undefined) =>
  statuses.find((status) => status === value) ?? undefined;

/** 协议: the agreements where either party lies in the caller's scope. */
export default function AgreementsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { values, page, pageSize, update } = useQueryState(filterKeys);
  const request = useRequest(
    () => call(agreementsApi.list, { query: { status: asStatus(values.status), page, pageSize } }),
    [values.status, page, pageSize],
  );
  const table = useListTable({ page, pageSize, update }, request, t('agreements.empty'));

  const columns: TableColumnsType<AgreementSummary> = [
    {
      title: t('agreements.parties'),
      key: 'parties',
      render: (_, a) => (
        <Space size={4} wrap>
          <span>{a.urbanOrg.name}</span>
          <span>↔</span>
          <span>{a.ruralOrg.name}</span>
          {a.ruralOrg.weakVillage && (
            <Tag color="red" bordered={false}>
              {t('org.weakShort')}
            </Tag>
          )}
          {a.amendsId && <Tag color="orange">{t('agreements.amendment')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('agreements.status'),
      key: 'status',
      width: 120,
      render: (_, a) => <StatusTag agreement={a} />,
    },
    {
      title: t('agreements.turn'),
      key: 'turn',
      width: 140,
      render: (_, a) => (a.status === 'draft' ? <TurnTag agreement={a} /> : '—'),
    },
    { title: t('agreements.version'), dataIndex: 'version', width: 80 },
    {
      title: t('agreements.term'),
      key: 'term',
      width: 200,
      render: (_, a) => `${a.termStart} — ${a.termEnd}`,
    },
    {
      title: t('agreements.updatedAt'),
      dataIndex: 'updatedAt',
      width: 170,
      render: (v: string) => new Date(v).toLocaleString('zh-CN'),
    },
  ];

  return (
    <Card
      title={t('menu.agreements')}
      extra={
        <Space>
          <Segmented
            value={values.status || 'all'}
            onChange={(v) => update({ status: v === 'all' ? null : String(v) })}
            options={[
              { value: 'all', label: t('inbox.all') },
              { value: 'draft', label: t('agreements.draft') },
              { value: 'signed', label: t('agreements.signed') },
            ]}
          />
          <Button icon={<ReloadOutlined />} onClick={request.reload}>
            {t('common.refresh')}
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={request.error} />
      <ResponsiveTable
        rowKey="id"
        columns={columns}
        onRow={(a) => ({
          onClick: () => navigate(`/agreements/${a.id}`),
          style: { cursor: 'pointer' },
        })}
        data-testid="agreements-table"
        {...table}
      />
    </Card>
  );
}

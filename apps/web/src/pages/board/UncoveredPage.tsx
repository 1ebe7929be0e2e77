import { Link, useParams } from 'react-router';
import { Alert, Button, Card, Space, Tag } from 'antd';
import { boardApi } from '@pairing/shared';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { call } from '../../api/client.ts';
import { enumLabel, useI18n } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';

/** The drill-down from the board: towns and villages in the admin's scope still without a unit. */
export default function UncoveredPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { data, error, loading } = useRequest(
    () => call(boardApi.uncovered, { params: { id: Number(id) } }),
    [id],
  );
  const items = data?.items ?? [];
  return (
    <Card
      title={t('board.uncoveredTitle')}
      extra={
        <Link to={`/board/${id}`}>
          <Button>{t('rounds.openBoard')}</Button>
        </Link>
      }
    >
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      <ResponsiveTable
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={items}
        locale={{ emptyText: t('board.allCovered') }}
        pagination={{ pageSize: 50, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          {
            title: t('org.name'),
            dataIndex: 'name',
            render: (name: string, o) => (
              <Space size={4}>
                <Link to={`/orgs/${o.id}`}>{name}</Link>
                {o.weakVillage && <Tag color="red">{t('org.weakVillage')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('org.kind'),
            dataIndex: 'kind',
            width: 90,
            render: (k: string) => enumLabel(t, 'kind', k),
          },
          { title: t('org.code'), dataIndex: 'code', width: 140, render: (v) => v || '—' },
          { title: t('board.parent'), dataIndex: 'parentName', render: (v) => v || '—' },
          { title: t('board.pendingPlaces'), dataIndex: 'taken', width: 120 },
        ]}
      />
    </Card>
  );
}

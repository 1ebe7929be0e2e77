import { Link, useParams } from 'react-router';
import { Alert, Button, Card, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { boardApi } from '@pairing/shared';
import { call, hrefOf } from '../../api/client.ts';
import { FilterBar } from '../../components/ListControls.tsx';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { enumLabel, useI18n } from '../../i18n/index.tsx';
import { useQueryState } from '../../lib/useQueryState.ts';
import { useRequest } from '../../lib/useRequest.ts';

const filterKeys = ['district', 'town', 'weak'] as const;

/**
 * The drill-down from the board: towns and villages in the admin's scope still without a unit,
 * filtered by district, town and weak villages, and exported with the same filters.
 */
export default function UncoveredPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { values, update, reset } = useQueryState(filterKeys);
  const params = { id: Number(id) };
  const query = {
    district: values.district || undefined,
    town: values.town || undefined,
    weak: (values.weak || undefined) as 'true' | 'false' | undefined,
  };
  const { data, error, loading } = useRequest(
    () => call(boardApi.uncovered, { params, query }),
    [id, values.district, values.town, values.weak],
  );
  const items = data?.items ?? [];
  const filtered = Object.values(values).some(Boolean);
  // Until the answer is in (or when it failed) nothing is known to be covered.
  const emptyText = loading || error ? ' ' : filtered ? t('common.noMatch') : t('board.allCovered');
  return (
    <Card
      title={t('board.uncoveredTitle')}
      extra={
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            href={hrefOf(boardApi.uncoveredExport, { params, query })}
            download
            data-testid="uncovered-export"
          >
            {t('board.uncoveredExport')}
          </Button>
          <Link to={`/board/${id}`}>
            <Button>{t('rounds.openBoard')}</Button>
          </Link>
        </Space>
      }
    >
      <FilterBar filtered={filtered} onClear={reset}>
        <div style={{ width: 200 }} data-testid="uncovered-district">
          <OrgSelect
            kinds={['district']}
            placeholder={t('org.district')}
            value={values.district ? Number(values.district) : undefined}
            onChange={(district) => update({ district, town: null })}
          />
        </div>
        <div style={{ width: 200 }} data-testid="uncovered-town">
          <OrgSelect
            kinds={['town']}
            placeholder={t('org.town')}
            value={values.town ? Number(values.town) : undefined}
            onChange={(town) => update({ town })}
          />
        </div>
        <Select
          allowClear
          placeholder={t('org.weakVillage')}
          value={values.weak || undefined}
          onChange={(weak) => update({ weak })}
          options={[
            { value: 'true', label: t('board.weakOnly') },
            { value: 'false', label: t('board.notWeak') },
          ]}
          style={{ width: 160 }}
          data-testid="uncovered-weak"
        />
      </FilterBar>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={items}
        locale={{ emptyText }}
        scroll={{ x: 'max-content' }}
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

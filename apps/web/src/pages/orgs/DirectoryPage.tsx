import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Card, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { api } from '../../api/client.ts';
import type { OrgRow, OrgTreeNode, Paged } from '../../api/types.ts';
import { useMe } from '../../auth/AuthProvider.tsx';
import { canCreateUnits } from '../../auth/permissions.ts';
import { OrgTree } from '../../components/OrgTree.tsx';
import { enumLabel, useI18n } from '../../i18n/index.tsx';
import { useQueryState } from '../../lib/useQueryState.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { DistrictSelect } from './DistrictSelect.tsx';
import { kindColor, kindOptions, yesNoOptions } from './orgOptions.ts';
import { UnitCreateModal } from './UnitCreateModal.tsx';

const filterKeys = [
  'q',
  'kind',
  'districtId',
  'weak',
  'covered',
  'parentId',
  'parentName',
] as const;

export default function DirectoryPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { values, page, pageSize, update, reset } = useQueryState(filterKeys);
  const [search, setSearch] = useState(values.q);
  const me = useMe();
  const [creating, setCreating] = useState(false);

  const { data, error, loading, reload } = useRequest(
    () =>
      api.get<Paged<OrgRow>>('/api/orgs', {
        q: values.q,
        kind: values.kind,
        districtId: values.districtId,
        weak: values.weak,
        covered: values.covered,
        parentId: values.parentId,
        page,
        pageSize,
      }),
    [
      values.q,
      values.kind,
      values.districtId,
      values.weak,
      values.covered,
      values.parentId,
      page,
      pageSize,
    ],
  );

  const selectNode = (org: OrgTreeNode | null) =>
    update({ parentId: org ? org.id : null, parentName: org ? org.name : null });

  const filtered = Object.entries(values).some(([, value]) => value);

  const columns: TableColumnsType<OrgRow> = [
    {
      title: t('org.name'),
      dataIndex: 'name',
      width: 260,
      render: (name: string, row) => (
        <Space size={4} wrap>
          <Typography.Link>{name}</Typography.Link>
          {row.weakVillage && (
            <Tag color="red" bordered={false}>
              {t('org.weakVillage')}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('org.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (kind: OrgRow['kind']) => (
        <Tag color={kindColor[kind]} bordered={false}>
          {enumLabel(t, 'kind', kind)}
        </Tag>
      ),
    },
    { title: t('org.code'), dataIndex: 'code', width: 130, render: (v) => v || '—' },
    { title: t('org.district'), dataIndex: 'districtName', width: 110, render: (v) => v || '—' },
    { title: t('org.town'), dataIndex: 'townName', width: 140, render: (v) => v || '—' },
    {
      title: t('org.covered'),
      dataIndex: 'covered',
      width: 100,
      render: (covered: boolean, row) =>
        row.kind === 'village' || row.kind === 'town' ? (
          covered ? (
            <Tag color="success">{t('org.coveredYes')}</Tag>
          ) : (
            <Tag>{t('org.coveredNo')}</Tag>
          )
        ) : (
          '—'
        ),
    },
    { title: t('org.unitType'), dataIndex: 'unitType', width: 100, render: (v) => v || '—' },
    {
      title: t('org.contact'),
      key: 'contact',
      width: 160,
      render: (_, row) =>
        row.contactName ? `${row.contactName} ${row.contactPhone ?? ''}`.trim() : '—',
    },
  ];

  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
      <Card
        title={t('directory.tree')}
        size="small"
        style={{ width: 300, flexShrink: 0 }}
        styles={{ body: { padding: 8 } }}
      >
        <OrgTree
          selectedId={values.parentId ? Number(values.parentId) : null}
          onSelect={selectNode}
        />
      </Card>
      <Card
        title={t('menu.directory')}
        style={{ flex: 1, minWidth: 0 }}
        extra={
          <Space>
            {canCreateUnits(me.role) && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="create-unit"
              >
                {t('org.createUnit')}
              </Button>
            )}
            <Button icon={<ReloadOutlined />} onClick={reload}>
              {t('common.refresh')}
            </Button>
          </Space>
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('directory.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(q) => update({ q: q.trim() })}
            style={{ width: 260 }}
            data-testid="directory-search"
          />
          <Select
            allowClear
            placeholder={t('org.kind')}
            value={values.kind || undefined}
            onChange={(kind) => update({ kind })}
            options={kindOptions(t)}
            style={{ width: 130 }}
            data-testid="directory-kind"
          />
          <DistrictSelect
            value={values.districtId}
            onChange={(districtId) => update({ districtId })}
          />
          <Select
            allowClear
            placeholder={t('directory.weak')}
            value={values.weak || undefined}
            onChange={(weak) => update({ weak })}
            options={yesNoOptions(t, t('directory.weakOnly'), t('directory.notWeak'))}
            style={{ width: 140 }}
          />
          <Select
            allowClear
            placeholder={t('org.covered')}
            value={values.covered || undefined}
            onChange={(covered) => update({ covered })}
            options={yesNoOptions(t, t('org.coveredYes'), t('org.coveredNo'))}
            style={{ width: 120 }}
          />
          {filtered && (
            <Button
              type="link"
              onClick={() => {
                setSearch('');
                reset();
              }}
            >
              {t('common.clearFilters')}
            </Button>
          )}
        </Space>
        {values.parentId && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('directory.underParent', { name: values.parentName || values.parentId })}
            action={
              <Button size="small" type="link" onClick={() => selectNode(null)}>
                {t('directory.showAll')}
              </Button>
            }
          />
        )}
        {error && (
          <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />
        )}
        <Table<OrgRow>
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          scroll={{ x: 1000 }}
          locale={{
            emptyText: (
              <Empty
                description={filtered ? t('directory.noMatch') : t('directory.empty')}
                image={Empty.PRESENTED_IMAGE_SIMPLE}
              />
            ),
          }}
          onRow={(row) => ({
            onClick: () => navigate(`/orgs/${row.id}`),
            style: { cursor: 'pointer' },
          })}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) =>
              data?.totalExact === false
                ? t('common.totalAtLeast', { total })
                : t('common.total', { total }),
            onChange: (nextPage, nextSize) =>
              update({ page: nextSize !== pageSize ? 1 : nextPage, pageSize: nextSize }),
          }}
          data-testid="directory-table"
        />
      </Card>
      {creating && (
        <UnitCreateModal
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            reload();
          }}
        />
      )}
    </div>
  );
}

import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Card, Select, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { orgsApi, type OrgKind, type OrgRow, type OrgTreeNode } from '@pairing/shared';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { call } from '../../api/client.ts';
import { useMe } from '../../auth/AuthProvider.tsx';
import {
  ErrorAlert,
  FilterBar,
  QuerySearch,
  useListTable,
} from '../../components/ListControls.tsx';
import { OrgTree } from '../../components/OrgTree.tsx';
import { enumLabel, useI18n } from '../../i18n/index.tsx';
import { useQueryState } from '../../lib/useQueryState.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { DistrictSelect } from './DistrictSelect.tsx';
import { mayDo } from './mayDo.ts';
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

const idOf = (value: string) => (value ? Number(value) : undefined);
const flagOf = (value: string) => (value ? value === 'true' : undefined);

export default function DirectoryPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { values, page, pageSize, update, reset } = useQueryState(filterKeys);
  const me = useMe();
  const [creating, setCreating] = useState(false);

  const request = useRequest(
    () =>
      call(orgsApi.list, {
        query: {
          q: values.q || undefined,
          kind: (values.kind || undefined) as OrgKind | undefined,
          districtId: idOf(values.districtId),
          weak: flagOf(values.weak),
          covered: flagOf(values.covered),
          // Browsing a tree node lists its children; a search there looks anywhere below it.
          parentId: values.q ? undefined : idOf(values.parentId),
          under: values.q ? idOf(values.parentId) : undefined,
          page,
          pageSize,
        },
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
  const nodeName = values.parentName || values.parentId;
  const table = useListTable(
    { page, pageSize, update },
    request,
    filtered ? t('directory.noMatch') : t('directory.empty'),
  );

  const columns: TableColumnsType<OrgRow> = [
    {
      title: t('org.name'),
      dataIndex: 'name',
      width: 260,
      render: (name: string, row) => (
        <Space size={4} wrap>
          {/* The row opens the detail; the href lets the keyboard reach it and a new tab open it. */}
          <Typography.Link href={`/orgs/${row.id}`} onClick={(e) => e.preventDefault()}>
            {name}
          </Typography.Link>
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
    <div className="split-layout">
      <Card
        title={t('directory.tree')}
        size="small"
        className="split-layout-side"
        styles={{ body: { padding: 8 } }}
      >
        <OrgTree
          selectedId={values.parentId ? Number(values.parentId) : null}
          onSelect={selectNode}
        />
      </Card>
      <Card
        title={t('menu.directory')}
        className="split-layout-main"
        extra={
          <Space>
            {mayDo(me, 'directory.createUnits') && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="create-unit"
              >
                {t('org.createUnit')}
              </Button>
            )}
            <Button icon={<ReloadOutlined />} onClick={request.reload}>
              {t('common.refresh')}
            </Button>
          </Space>
        }
      >
        <FilterBar filtered={filtered} onClear={reset}>
          <QuerySearch
            placeholder={
              values.parentId
                ? t('directory.searchIn', { name: nodeName })
                : t('directory.searchPlaceholder')
            }
            value={values.q}
            onSearch={(q) => update({ q })}
            style={{ width: 260 }}
            data-testid="directory-search"
          />
          <Select
            allowClear
            placeholder={t('org.kind')}
            aria-label={t('org.kind')}
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
            aria-label={t('directory.weak')}
            value={values.weak || undefined}
            onChange={(weak) => update({ weak })}
            options={yesNoOptions(t, t('directory.weakOnly'), t('directory.notWeak'))}
            style={{ width: 140 }}
          />
          <Select
            allowClear
            placeholder={t('org.covered')}
            aria-label={t('org.covered')}
            value={values.covered || undefined}
            onChange={(covered) => update({ covered })}
            options={yesNoOptions(t, t('org.coveredYes'), t('org.coveredNo'))}
            style={{ width: 120 }}
          />
        </FilterBar>
        {values.parentId && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('directory.limitedTo', { name: nodeName })}
            action={
              <Button
                size="small"
                type="link"
                onClick={() => selectNode(null)}
                data-testid="search-everywhere"
              >
                {t('directory.searchEverywhere')}
              </Button>
            }
            data-testid="search-limit"
          />
        )}
        <ErrorAlert error={request.error} />
        <ResponsiveTable<OrgRow>
          rowKey="id"
          size="middle"
          columns={columns}
          // An empty table scrolls nowhere: a scroll box with nothing to focus shuts out the keyboard.
          scroll={table.dataSource?.length ? { x: 1000 } : undefined}
          onRow={(row) => ({
            onClick: () => navigate(`/orgs/${row.id}`),
            style: { cursor: 'pointer' },
          })}
          {...table}
          data-testid="directory-table"
        />
      </Card>
      {creating && (
        <UnitCreateModal
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            request.reload();
          }}
        />
      )}
    </div>
  );
}

import { useMemo, useState } from 'react';
import {
  Button,
  Card,
  Checkbox,
  Input,
  Popconfirm,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { allocationApi, type AllocationPairView, type AllocationRunView } from '@pairing/shared';
import { hrefOf } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import {
  districtsOf,
  noFilter,
  reviewPairs,
  type ReviewFilter,
  type WeakFilter,
} from './review.ts';

type PairAction = 'lock' | 'swap' | 'remove';

/**
 * The plan's pairs for review: search, district, weak village and order; the export of the whole
 * plan; for the city, lock, swap and remove; for a district or committee, the rows to confirm.
 */
export function PairsCard({
  roundId,
  view,
  busy,
  selectable,
  selected,
  onSelect,
  onAction,
}: {
  roundId: number;
  view: AllocationRunView;
  busy: string | null;
  selectable: boolean;
  selected: number[];
  onSelect: (intentionIds: number[]) => void;
  onAction: (action: PairAction, pair: AllocationPairView) => void;
}) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<ReviewFilter>(noFilter);
  const shown = useMemo(() => reviewPairs(view.pairs, filter), [view.pairs, filter]);
  const districts = useMemo(() => districtsOf(view.pairs), [view.pairs]);
  const set = (patch: Partial<ReviewFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const editable = view.run.abilities.edit;
  const published = view.run.status === 'published';

  return (
    <Card
      title={t('alloc.pairs')}
      extra={
        <Button
          icon={<DownloadOutlined />}
          data-testid="alloc-export"
          href={hrefOf(allocationApi.export, { params: { id: roundId, runId: view.run.id } })}
        >
          {t('alloc.export')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          data-testid="alloc-search"
          aria-label={t('alloc.filter.search')}
          placeholder={t('alloc.filter.search')}
          style={{ width: 220 }}
          onSearch={(q) => set({ q })}
          onChange={(e) => !e.target.value && set({ q: '' })}
        />
        <Select
          allowClear
          data-testid="alloc-filter-district"
          aria-label={t('alloc.filter.district')}
          placeholder={t('alloc.filter.district')}
          style={{ width: 140 }}
          options={districts}
          value={filter.districtId}
          onChange={(districtId) => set({ districtId: districtId ?? null })}
        />
        <Segmented<WeakFilter>
          data-testid="alloc-filter-weak"
          value={filter.weak}
          onChange={(weak) => set({ weak })}
          options={[
            { value: 'all', label: t('alloc.filter.all') },
            { value: 'weak', label: t('org.weakVillage') },
            { value: 'other', label: t('alloc.filter.notWeak') },
          ]}
        />
        <Select
          data-testid="alloc-sort"
          aria-label={t('alloc.sort.label')}
          style={{ width: 140 }}
          value={filter.sort}
          onChange={(sort) => set({ sort })}
          options={[
            { value: 'place', label: t('alloc.sort.place') },
            { value: 'costAsc', label: t('alloc.sort.costAsc') },
            { value: 'costDesc', label: t('alloc.sort.costDesc') },
          ]}
        />
        {selectable && (
          <Checkbox
            data-testid="alloc-filter-awaiting"
            checked={filter.awaitingMe}
            onChange={(e) => set({ awaitingMe: e.target.checked })}
          >
            {t('alloc.filter.awaitingMe')}
          </Checkbox>
        )}
      </Space>
      <Table
        data-testid="alloc-pairs"
        rowKey="id"
        size="small"
        scroll={{ x: 720 }}
        dataSource={shown}
        pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { total }) }}
        rowClassName={(p) => (p.status === 'removed' ? 'alloc-removed' : '')}
        rowSelection={
          selectable
            ? {
                selectedRowKeys: view.pairs
                  .filter((p) => p.intentionId != null && selected.includes(p.intentionId))
                  .map((p) => p.id),
                getCheckboxProps: (p) => ({ disabled: !p.abilities.confirm }),
                onChange: (_keys, rows) =>
                  onSelect(rows.flatMap((p) => (p.intentionId == null ? [] : [p.intentionId]))),
              }
            : undefined
        }
        columns={[
          {
            title: t('alloc.village'),
            dataIndex: 'ruralOrgName',
            render: (name: string, p) => (
              <Space size={4} wrap>
                {name}
                {p.weakVillage && <Tag color="red">{t('org.weakVillage')}</Tag>}
                {p.status === 'locked' && <Tag color="gold">{t('alloc.pair.locked')}</Tag>}
                {p.status === 'removed' && <Tag>{t('alloc.pair.removed')}</Tag>}
              </Space>
            ),
          },
          { title: t('alloc.district'), dataIndex: 'districtName', width: 90 },
          {
            title: t('alloc.unit'),
            dataIndex: 'urbanOrgName',
            render: (name: string, p) => (
              <Space direction="vertical" size={0}>
                {name}
                {p.swappedFromName && (
                  <Typography.Text type="secondary">
                    {t('alloc.pair.swapped', { name: p.swappedFromName })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          { title: t('alloc.cost'), dataIndex: 'cost', width: 64 },
          { title: t('alloc.reasons'), dataIndex: 'reasonText' },
          ...(published
            ? [
                {
                  title: t('alloc.confirmation'),
                  width: 120,
                  render: (_: unknown, p: AllocationPairView) => <Confirmation pair={p} />,
                },
              ]
            : []),
          ...(editable
            ? [
                {
                  title: t('alloc.actions'),
                  width: 200,
                  render: (_: unknown, p: AllocationPairView) =>
                    !p.abilities.edit ? null : (
                      <Space size={0}>
                        <Button
                          type="link"
                          size="small"
                          loading={busy === `lock${p.id}`}
                          onClick={() => onAction('lock', p)}
                        >
                          {p.status === 'locked' ? t('alloc.unlock') : t('alloc.lock')}
                        </Button>
                        <Button type="link" size="small" onClick={() => onAction('swap', p)}>
                          {t('alloc.swap')}
                        </Button>
                        <Popconfirm
                          title={t('alloc.removeConfirm')}
                          onConfirm={() => onAction('remove', p)}
                        >
                          <Button type="link" size="small" danger>
                            {t('alloc.remove')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

/** Which side of a published pair has said yes. */
function Confirmation({ pair }: { pair: AllocationPairView }) {
  const { t } = useI18n();
  if (pair.intentionState === 'accepted') return <Tag color="green">{t('alloc.confirm.both')}</Tag>;
  if (pair.intentionState !== 'pending')
    return <Tag>{t(`alloc.confirm.${pair.intentionState ?? 'none'}`)}</Tag>;
  return (
    <Space size={2} wrap>
      <Tag color={pair.urbanConfirmed ? 'green' : 'default'}>
        {t(pair.urbanConfirmed ? 'alloc.confirm.unitYes' : 'alloc.confirm.unitNo')}
      </Tag>
      <Tag color={pair.ruralConfirmed ? 'green' : 'default'}>
        {t(pair.ruralConfirmed ? 'alloc.confirm.villageYes' : 'alloc.confirm.villageNo')}
      </Tag>
    </Space>
  );
}

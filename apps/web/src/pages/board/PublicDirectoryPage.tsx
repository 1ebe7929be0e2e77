import { Link, useParams } from 'react-router';
import { Card, Result, Select, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { roundsApi, type DirectoryEntry } from '@pairing/shared';
import { ApiError, call } from '../../api/client.ts';
import {
  ErrorAlert,
  FilterBar,
  QuerySearch,
  useListTable,
} from '../../components/ListControls.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useQueryState } from '../../lib/useQueryState.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { AreaFilters } from '../directory/AreaFilters.tsx';
import { TargetCard, targetColumns, WeakFilter } from '../directory/TargetParts.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { PublicShell } from './PublicShell.tsx';

const filterKeys = ['q', 'district', 'town', 'weak', 'uncovered'] as const;
const loadPublicRounds = () => call(roundsApi.listPublic);

/**
 * 名录 (S1 §8): the round's suburban towns and villages, weak villages marked, their need
 * categories and the units paired with them so far — for anyone, without signing in.
 */
export default function PublicDirectoryPage() {
  const roundId = Number(useParams().roundId);
  const { t } = useI18n();
  const { values, page, pageSize, update, reset } = useQueryState(filterKeys);
  const rounds = useRequest(loadPublicRounds, []);
  const round = rounds.data?.items.find((r) => r.id === roundId);
  const request = useRequest(
    () =>
      call(roundsApi.directory, {
        params: { id: roundId },
        query: {
          q: values.q,
          district: values.district,
          town: values.town,
          weak: values.weak,
          uncovered: values.uncovered,
          page,
          pageSize,
        },
      }),
    [
      roundId,
      values.q,
      values.district,
      values.town,
      values.weak,
      values.uncovered,
      page,
      pageSize,
    ],
  );
  const table = useListTable({ page, pageSize, update }, request, t('publicDirectory.empty'));

  if (
    (request.error instanceof ApiError && request.error.status === 404) ||
    (rounds.data && !round)
  )
    return (
      <PublicShell>
        <Result status="404" title={t('publicDirectory.notFound')} />
      </PublicShell>
    );

  const needsOf = (e: DirectoryEntry) =>
    e.needs.length ? (
      <Space size={[0, 4]} wrap>
        {e.needs.map((n) => (
          <Tag key={n}>{n}</Tag>
        ))}
      </Space>
    ) : (
      <Typography.Text type="secondary">{t('choose.noNeeds')}</Typography.Text>
    );
  const statusOf = (e: DirectoryEntry) =>
    e.pairedUnits.length ? (
      <Space size={[0, 4]} wrap>
        {e.pairedUnits.map((name) => (
          <Tag key={name} color="success">
            {name}
          </Tag>
        ))}
      </Space>
    ) : (
      <Tag>{t('publicDirectory.unpaired')}</Tag>
    );
  const columns: TableColumnsType<DirectoryEntry> = [
    ...targetColumns<DirectoryEntry>(t, { name: 220, district: 100, town: 130 }, needsOf),
    { title: t('publicDirectory.pairs'), key: 'pairs', width: 240, render: (_, e) => statusOf(e) },
    {
      title: t('select.places'),
      key: 'places',
      width: 90,
      render: (_, e) => `${e.taken} / ${e.cap}`,
    },
  ];

  return (
    <PublicShell>
      <Card
        title={
          <Space wrap>
            <span>{t('publicDirectory.title')}</span>
            {round && <Typography.Text type="secondary">{round.name}</Typography.Text>}
          </Space>
        }
        extra={<Link to={`/board/${roundId}`}>{t('publicDirectory.backToBoard')}</Link>}
      >
        <Typography.Paragraph type="secondary">{t('publicDirectory.intro')}</Typography.Paragraph>
        <FilterBar filtered={Object.values(values).some(Boolean)} onClear={reset}>
          <QuerySearch
            placeholder={t('choose.searchPlaceholder')}
            value={values.q}
            onSearch={(q) => update({ q })}
            style={{ width: 240, maxWidth: '100%' }}
            data-testid="public-directory-search"
          />
          <AreaFilters
            roundId={roundId}
            district={values.district}
            town={values.town}
            onChange={update}
          />
          <WeakFilter value={values.weak} onChange={(weak) => update({ weak })} width={140} />
          <Select
            allowClear
            placeholder={t('publicDirectory.status')}
            aria-label={t('publicDirectory.status')}
            value={values.uncovered || undefined}
            onChange={(uncovered?: string) => update({ uncovered })}
            options={[{ value: 'true', label: t('select.uncoveredOnly') }]}
            style={{ width: 130 }}
          />
        </FilterBar>
        <ErrorAlert error={request.error} />
        <ResponsiveTable<DirectoryEntry>
          rowKey="id"
          size="small"
          columns={columns}
          renderCard={(e) => (
            <TargetCard
              entry={e}
              corner={<Typography.Text type="secondary">{`${e.taken} / ${e.cap}`}</Typography.Text>}
            >
              {needsOf(e)}
              {statusOf(e)}
            </TargetCard>
          )}
          data-testid="public-directory"
          {...table}
        />
      </Card>
    </PublicShell>
  );
}

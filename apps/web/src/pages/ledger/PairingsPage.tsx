import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Badge, Button, Card, Select, Space, Tag } from 'antd';
import { FilterOutlined, ReloadOutlined } from '@ant-design/icons';
import { entryStatuses, ledgerApi, type PairingSummary } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { useMe } from '../../auth/AuthProvider.tsx';
import { ErrorAlert, FilterBar, useListTable } from '../../components/ListControls.tsx';
import { ResponsiveTable, type ResponsiveColumns } from '../../components/ResponsiveTable.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useIsPhone } from '../../lib/useIsPhone.ts';
import { useQueryState } from '../../lib/useQueryState.ts';
import { useRequest } from '../../lib/useRequest.ts';
import './ledger.css';
import { ruleIds, ruleLabel, SummaryBadges, type EntryStatus, compactCard } from './labels.tsx';
import { OrgFilter, orgFilterKeys } from './OrgFilter.tsx';

const filterKeys = [...orgFilterKeys, 'weak', 'rule', 'status'] as const;
const asStatus = (value: string) =>
  entryStatuses.find((status) => status === value) as EntryStatus | undefined;
const asWeak = (value: string) => (value === 'true' || value === 'false' ? value : undefined);

/** 结对档案: the pairings in the caller's scope, each with its duties' status at a glance. */
export default function PairingsPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const phone = useIsPhone();
  const [showFilters, setShowFilters] = useState(false);
  const list = useQueryState(filterKeys);
  const { values, page, pageSize, update, reset } = list;
  const request = useRequest(
    () =>
      call(ledgerApi.list, {
        query: {
          district: values.district || undefined,
          town: values.town || undefined,
          committee: values.committee || undefined,
          unit: values.unit || undefined,
          village: values.village || undefined,
          weak: asWeak(values.weak),
          // The server filters by a rule's status only with both given.
          rule: values.rule || undefined,
          status: values.rule ? asStatus(values.status) : undefined,
          page,
          pageSize,
        },
      }),
    [values, page, pageSize],
  );
  const filtered = filterKeys.some((key) => values[key]);
  const emptyText = filtered ? t('common.noMatch') : t('pairings.empty');
  const table = useListTable(list, request, emptyText);
  // Units and villages see their own few pairings; the organization filters are for those above.
  const oversees = me.abilities['ledger.rollup'];
  const open = (p: PairingSummary) => navigate(`/pairings/${p.id}`);

  const filterItems = (
    <>
      {(oversees || orgFilterKeys.some((key) => values[key])) && (
        <OrgFilter values={values} onChange={update} />
      )}
      {oversees && (
        <Select
          allowClear
          value={values.weak || undefined}
          placeholder={t('pairings.weakFilter')}
          aria-label={t('pairings.weakFilter')}
          onChange={(v) => update({ weak: v })}
          options={[
            { value: 'true', label: t('directory.weakOnly') },
            { value: 'false', label: t('directory.notWeak') },
          ]}
          style={{ width: 150 }}
          data-testid="weak-filter"
        />
      )}
      <Select
        allowClear
        value={values.rule || undefined}
        placeholder={t('pairings.ruleFilter')}
        aria-label={t('pairings.ruleFilter')}
        onChange={(v) => update({ rule: v, status: v ? values.status || 'missed' : null })}
        options={ruleIds.map((rule) => ({ value: rule, label: ruleLabel(t, rule) }))}
        style={{ width: 200 }}
        data-testid="rule-filter"
      />
      {values.rule && (
        <Select
          value={asStatus(values.status) ?? 'missed'}
          onChange={(v) => update({ status: v })}
          options={entryStatuses.map((status) => ({
            value: status,
            label: t(`entryStatus.${status}`),
          }))}
          style={{ width: 120 }}
          aria-label={t('a11y.ruleStatus')}
          data-testid="status-filter"
        />
      )}
    </>
  );
  // On a phone the filters stack, one full-width box each.
  const filters = phone ? (
    <div className="ledger-filters">
      {filterItems}
      {filtered && (
        <Button type="link" onClick={reset}>
          {t('common.clearFilters')}
        </Button>
      )}
    </div>
  ) : (
    <FilterBar filtered={filtered} onClear={reset}>
      {filterItems}
    </FilterBar>
  );

  const columns: ResponsiveColumns<PairingSummary> = [
    { title: t('pairings.parties'), key: 'parties', render: (_, p) => <Parties pairing={p} /> },
    {
      title: t('pairings.where'),
      key: 'where',
      width: 180,
      render: (_, p) => `${p.district.name} · ${p.town.name}`,
    },
    {
      title: t('pairings.term'),
      key: 'term',
      width: 200,
      render: (_, p) => `${p.termStart} — ${p.termEnd}`,
    },
    {
      title: t('pairings.compliance'),
      key: 'compliance',
      card: 'plain',
      render: (_, p) => <SummaryBadges summary={p.compliance?.summary} />,
    },
    {
      title: t('pairings.openRecords'),
      dataIndex: 'openRecords',
      width: 110,
      card: 'plain',
      render: (n: number) =>
        n > 0 ? <Tag color="gold">{t('pairings.openRecordsShort', { n })}</Tag> : null,
    },
  ];

  return (
    <Card
      title={t('menu.pairings')}
      extra={
        <Space>
          {phone && (
            <Badge dot={filtered}>
              <Button
                icon={<FilterOutlined />}
                onClick={() => setShowFilters((v) => !v)}
                aria-expanded={showFilters}
              >
                {t('pairings.filters')}
              </Button>
            </Badge>
          )}
          <Button
            icon={<ReloadOutlined />}
            onClick={request.reload}
            aria-label={t('common.refresh')}
          />
        </Space>
      }
      styles={phone ? compactCard : undefined}
    >
      {(!phone || showFilters) && filters}
      <ErrorAlert error={request.error} />
      <ResponsiveTable<PairingSummary>
        rowKey="id"
        columns={columns}
        onRow={(p) => ({ onClick: () => open(p), style: { cursor: 'pointer' } })}
        cardTestId={(p) => `pairing-${p.id}`}
        data-testid="pairings-table"
        {...table}
      />
    </Card>
  );
}

function Parties({ pairing: p }: { pairing: PairingSummary }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      <span>{p.urbanOrg.name}</span>
      <span aria-hidden>↔</span>
      <span>{p.ruralOrg.name}</span>
      {p.ruralOrg.weakVillage && (
        <Tag color="red" variant="filled">
          {t('org.weakShort')}
        </Tag>
      )}
    </Space>
  );
}

import { useNavigate } from 'react-router';
import { Button, Card, Select, Space, Tag } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  careApi,
  careKinds,
  careStates,
  difficultyKinds,
  type CareCaseSummary,
  type CareKind,
  type CareState,
  type DifficultyKind,
} from '@pairing/shared';
import { call } from '../../api/client.ts';
import { useMe } from '../../auth/AuthProvider.tsx';
import { ActionBar } from '../../components/ActionBar.tsx';
import {
  ErrorAlert,
  FilterBar,
  QuerySearch,
  useListTable,
} from '../../components/ListControls.tsx';
import { ResponsiveTable, type ResponsiveColumns } from '../../components/ResponsiveTable.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { useIsPhone } from '../../lib/useIsPhone.ts';
import { useQueryState } from '../../lib/useQueryState.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { compactCard } from '../ledger/labels.tsx';
import { DueVisitsCard } from './DueVisitsCard.tsx';
import { ExportButton } from './ExportButton.tsx';

const filterKeys = ['q', 'state', 'kind', 'difficulty', 'due'] as const;
const oneOf = <T extends string>(list: readonly T[], value: string) =>
  list.find((v) => v === value);

/** 困难帮扶 (R-CARE): festival visits due, then the cases in scope (own people and 双结对). */
export default function CarePage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const phone = useIsPhone();
  const list = useQueryState(filterKeys);
  const { values, page, pageSize, update, reset } = list;
  const filters = {
    state: oneOf<CareState>(careStates, values.state),
    kind: oneOf<CareKind>(careKinds, values.kind),
    difficulty: oneOf<DifficultyKind>(difficultyKinds, values.difficulty),
  };
  const request = useRequest(
    () =>
      call(careApi.list, {
        query: {
          ...filters,
          q: values.q || undefined,
          due: values.due === 'true' ? 'true' : undefined,
          page,
          pageSize,
        },
      }),
    [values, page, pageSize],
  );
  const filtered = filterKeys.some((key) => values[key]);
  const table = useListTable(list, request, filtered ? t('common.noMatch') : t('care.empty'));
  const keeps = me.abilities['care.record'];

  const select = <T extends string>(
    key: 'state' | 'kind' | 'difficulty',
    options: readonly T[],
    label: string,
    prefix: 'care.state' | 'care.kind' | 'care.difficulty',
  ) => (
    <Select
      allowClear
      value={values[key] || undefined}
      placeholder={label}
      aria-label={label}
      onChange={(v) => update({ [key]: v })}
      options={options.map((value) => ({ value, label: t(`${prefix}.${value}` as MessageKey) }))}
      style={{ width: phone ? '100%' : 150 }}
    />
  );

  const columns: ResponsiveColumns<CareCaseSummary> = [
    {
      title: t('care.person'),
      key: 'person',
      render: (_, c) => (
        <Space size={4} wrap>
          <span>{c.person.name}</span>
          <Tag>{t(`care.kind.${c.kind}`)}</Tag>
          {c.state === 'closed' && <Tag>{t('care.state.closed')}</Tag>}
        </Space>
      ),
    },
    { title: t('care.org'), key: 'org', render: (_, c) => c.person.orgName },
    {
      title: t('care.difficulties'),
      key: 'difficulties',
      render: (_, c) => c.difficulties.map((d) => t(`care.difficulty.${d}`)).join('、'),
    },
    { title: t('care.carer'), key: 'carer', render: (_, c) => c.carer?.name ?? '' },
    { title: t('care.openedOn'), dataIndex: 'openedOn', width: 110 },
    {
      title: t('care.lastHelp'),
      key: 'lastHelp',
      width: 140,
      render: (_, c) => (c.lastHelpOn ? `${c.lastHelpOn}（${c.helpCount}）` : ''),
    },
  ];

  return (
    <>
      <DueVisitsCard />
      <Card
        title={t('care.title')}
        styles={phone ? compactCard : undefined}
        extra={
          <Button
            icon={<ReloadOutlined />}
            onClick={request.reload}
            aria-label={t('common.refresh')}
          />
        }
      >
        <FilterBar filtered={filtered} onClear={reset}>
          <QuerySearch
            value={values.q}
            onSearch={(q) => update({ q })}
            placeholder={t('care.search')}
            aria-label={t('care.search')}
            style={{ width: phone ? '100%' : 180 }}
          />
          {select('state', careStates, t('care.filterState'), 'care.state')}
          {select('kind', careKinds, t('care.filterKind'), 'care.kind')}
          {select('difficulty', difficultyKinds, t('care.filterDifficulty'), 'care.difficulty')}
          <Select
            allowClear
            value={values.due || undefined}
            placeholder={t('care.filterDue')}
            aria-label={t('care.filterDue')}
            onChange={(v) => update({ due: v })}
            options={[{ value: 'true', label: t('care.filterDue') }]}
            style={{ width: phone ? '100%' : 150 }}
          />
        </FilterBar>
        <ErrorAlert error={request.error} />
        <ResponsiveTable<CareCaseSummary>
          rowKey="id"
          columns={columns}
          onRow={(c) => ({
            onClick: () => navigate(`/care/${c.id}`),
            style: { cursor: 'pointer' },
          })}
          cardTestId={(c) => `care-${c.id}`}
          data-testid="care-table"
          {...table}
        />
        {keeps && (
          <ActionBar>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/care/new')}>
              {t('care.open')}
            </Button>
            <ExportButton filters={filters} />
          </ActionBar>
        )}
      </Card>
    </>
  );
}

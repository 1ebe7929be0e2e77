import { useRef, useState } from 'react';
import {
  App,
  Alert,
  Button,
  Card,
  Empty,
  Popconfirm,
  Select,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import {
  directoryApi,
  intentionsApi,
  needCategories,
  orgsApi,
  type IntentionView,
  type TargetEntry,
} from '@pairing/shared';
import { call, newIdempotencyKey } from '../../api/client.ts';
import { useMe } from '../../auth/AuthProvider.tsx';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorAlert, QuerySearch, useListTable } from '../../components/ListControls.tsx';
import { useQueryState } from '../../lib/useQueryState.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { AreaFilters } from '../directory/AreaFilters.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ItemList } from '../directory/ItemList.tsx';
import { TargetCard, targetColumns, WeakFilter } from '../directory/TargetParts.tsx';
import type { Round } from '../rounds/api.ts';
import { RoundPicker, useRoundChoice } from '../rounds/useRoundChoice.tsx';
import { IntentionStateTag } from './IntentionStateTag.tsx';
import { RenewalsCard } from './RenewalsCard.tsx';
import { submitIntention } from './submit.ts';

const filterKeys = ['q', 'district', 'town', 'weak', 'need', 'uncovered'] as const;
const holdsPlace = (i: IntentionView) => i.state === 'pending' || i.state === 'accepted';

/**
 * 选择结对: a unit (or its working committee choosing for several units, 相对集中) picks
 * villages and towns from the round's public directory and manages its intentions.
 */
export default function SelectPage() {
  const { t } = useI18n();
  const me = useMe();
  const { rounds, round, select } = useRoundChoice();
  const forSeveral = me.role === 'district_admin';
  const [unitId, setUnitId] = useState<number | undefined>(forSeveral ? undefined : me.orgId);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {round && <RenewalsCard round={round} side="urban" />}
      <Card
        title={t('menu.select')}
        extra={<RoundPicker rounds={rounds} round={round} onSelect={select} />}
      >
        {forSeveral && (
          <Space style={{ marginBottom: 12 }}>
            <Typography.Text>{t('select.forUnit')}</Typography.Text>
            <div style={{ width: 320, maxWidth: '100%' }}>
              <OrgSelect
                kinds={['urban_unit']}
                value={unitId}
                onChange={setUnitId}
                placeholder={t('select.unitPlaceholder')}
              />
            </div>
          </Space>
        )}
        {!round ? (
          <Empty description={t('rounds.none')} />
        ) : (
          <Chooser round={round} unitId={unitId} />
        )}
      </Card>
    </Space>
  );
}

function Chooser({ round, unitId }: { round: Round; unitId: number | undefined }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { values, page, pageSize, update } = useQueryState(filterKeys);
  const [busy, setBusy] = useState<number | null>(null);
  // One key per chosen village until the server answers, so a retry replays instead of claiming twice.
  const keys = useRef(new Map<number, string>());

  const directory = useRequest(
    () =>
      call(directoryApi.targets, {
        params: { id: round.id },
        query: {
          q: values.q,
          district: values.district,
          town: values.town,
          weak: values.weak,
          need: values.need,
          uncovered: values.uncovered,
          page,
          pageSize,
        },
      }),
    [
      round.id,
      values.q,
      values.district,
      values.town,
      values.weak,
      values.need,
      values.uncovered,
      page,
      pageSize,
    ],
  );
  const directoryTable = useListTable({ page, pageSize, update }, directory, t('common.noMatch'));
  const intentions = useRequest(
    () => call(intentionsApi.list, { params: { id: round.id } }),
    [round.id],
  );
  const unit = useRequest(
    () =>
      unitId
        ? call(orgsApi.get, { params: { id: unitId } })
            .then((r) => r.org)
            .catch(() => null)
        : Promise.resolve(null),
    [unitId],
  );

  const mine = (intentions.data?.items ?? []).filter((i) => i.urbanOrgId === unitId);
  const used = mine.filter(holdsPlace).length;
  // The server counts a unit without a stated capacity as able to take one village.
  const capacity = unit.data ? (unit.data.capacity ?? 1) : null;
  const left = capacity == null ? null : Math.max(0, capacity - used);
  const chosen = new Set(mine.filter(holdsPlace).map((i) => i.ruralOrgId));
  const open = round.state === 'intentions_open';

  const refresh = () => {
    directory.reload();
    intentions.reload();
  };

  const submit = async (entry: TargetEntry) => {
    if (!unitId) return;
    const key = keys.current.get(entry.id) ?? newIdempotencyKey('intent');
    keys.current.set(entry.id, key);
    setBusy(entry.id);
    try {
      await submitIntention(round.id, { ruralOrgId: entry.id, urbanOrgId: unitId }, key);
      keys.current.delete(entry.id);
      message.success(t('select.submitted', { name: entry.name }));
      refresh();
    } catch (e) {
      const status = (e as { status?: number }).status ?? 0;
      // A network failure keeps the key: the next try may be the same request arriving twice.
      if (status !== 0) keys.current.delete(entry.id);
      message.error({ content: e instanceof Error ? e.message : String(e), duration: 6 });
      if (status === 409) refresh();
    } finally {
      setBusy(null);
    }
  };

  // A pair of the city's allocation awaits the unit's yes too, also while the round is balancing.
  const confirm = async (i: IntentionView) => {
    try {
      const { intention } = await call(intentionsApi.confirm, { params: { id: i.id } });
      message.success(
        intention.state === 'accepted'
          ? t('select.paired', { name: i.ruralOrgName })
          : t('select.confirmed'),
      );
      refresh();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
      refresh();
    }
  };

  const withdraw = async (i: IntentionView) => {
    try {
      await call(intentionsApi.withdraw, { params: { id: i.id } });
      message.success(t('select.withdrawn'));
      refresh();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const placesOf = (e: TargetEntry) => (
    <Tag color={e.taken >= e.cap ? 'red' : 'green'} data-testid="places">
      {e.taken} / {e.cap}
    </Tag>
  );
  const coveredOf = (e: TargetEntry) => (
    <Space orientation="vertical" size={0}>
      {e.covered ? (
        <Tag color="success">{t('org.coveredYes')}</Tag>
      ) : (
        <Tag>{t('org.coveredNo')}</Tag>
      )}
      {e.pairedUnits.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('choose.pairedWith', { names: e.pairedUnits.join('、') })}
        </Typography.Text>
      )}
    </Space>
  );
  const needsOf = (e: TargetEntry) => (
    <ItemList items={e.needs} empty={t('choose.noNeeds')} testId={`needs-${e.id}`} />
  );
  const actionOf = (e: TargetEntry) =>
    chosen.has(e.id) ? (
      <Tag color="blue">{t('select.alreadyChosen')}</Tag>
    ) : (
      <Popconfirm
        title={t('select.confirmTitle', { name: e.name })}
        description={e.taken >= e.cap ? t('select.fullHint') : undefined}
        okText={t('select.submit')}
        onConfirm={() => submit(e)}
        disabled={!open || !unitId}
      >
        <Button
          size="small"
          type="primary"
          disabled={!open || !unitId}
          loading={busy === e.id}
          data-testid={`choose-${e.id}`}
        >
          {t('select.submit')}
        </Button>
      </Popconfirm>
    );
  const columns: TableColumnsType<TargetEntry> = [
    ...targetColumns<TargetEntry>(t, { name: 200, district: 90, town: 110 }, needsOf),
    { title: t('select.places'), key: 'places', width: 90, render: (_, e) => placesOf(e) },
    { title: t('org.covered'), dataIndex: 'covered', width: 130, render: (_, e) => coveredOf(e) },
    { title: t('common.actions'), key: 'actions', width: 110, render: (_, e) => actionOf(e) },
  ];

  const targetCard = (e: TargetEntry) => (
    <TargetCard entry={e} corner={placesOf(e)}>
      {needsOf(e)}
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="end">
        {coveredOf(e)}
        {actionOf(e)}
      </Space>
    </TargetCard>
  );

  // The server says what the caller may do (abilities): the unit's yes on an allocated pair,
  // and its no, which on a voluntary intention is a withdrawal.
  const intentionActions = (i: IntentionView) =>
    i.source === 'allocation' && (i.abilities.confirm || i.abilities.withdraw) ? (
      <Space>
        {i.abilities.confirm ? (
          <Popconfirm
            title={t('select.confirmQuestion', { name: i.ruralOrgName })}
            okText={t('select.confirm')}
            onConfirm={() => confirm(i)}
          >
            <Button size="small" type="primary" data-testid={`confirm-${i.id}`}>
              {t('select.confirm')}
            </Button>
          </Popconfirm>
        ) : (
          i.urbanConfirmedAt && (
            <Typography.Text type="secondary">{t('select.awaitingRural')}</Typography.Text>
          )
        )}
        {i.abilities.withdraw && (
          <Popconfirm
            title={t('select.declineQuestion')}
            okText={t('select.decline')}
            onConfirm={() => withdraw(i)}
          >
            <Button size="small" danger>
              {t('select.decline')}
            </Button>
          </Popconfirm>
        )}
      </Space>
    ) : i.abilities.withdraw ? (
      <Popconfirm title={t('select.withdrawQuestion')} onConfirm={() => withdraw(i)}>
        <Button size="small" danger>
          {t('select.withdraw')}
        </Button>
      </Popconfirm>
    ) : (
      '—'
    );

  const intentionColumns: TableColumnsType<IntentionView> = [
    { title: t('intentions.ruralOrg'), dataIndex: 'ruralOrgName' },
    {
      title: t('intentions.state'),
      dataIndex: 'state',
      width: 110,
      render: (state: IntentionView['state'], i) => (
        <IntentionStateTag state={state} reason={i.closedReason} />
      ),
    },
    {
      title: t('intentions.submittedAt'),
      dataIndex: 'submittedAt',
      width: 180,
      render: (v: string) => new Date(v).toLocaleString('zh-CN'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 180,
      render: (_, i) => intentionActions(i),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {!open && <Alert type="warning" showIcon title={t('select.closed')} />}
      {!unitId && <Alert type="info" showIcon title={t('select.pickUnit')} />}
      {unitId && (
        <Space size="large" wrap data-testid="capacity">
          <Statistic title={t('select.capacity')} value={capacity ?? '—'} />
          <Statistic title={t('select.used')} value={used} />
          <Statistic
            title={t('select.left')}
            value={left ?? '—'}
            valueStyle={left === 0 ? { color: '#cf1322' } : undefined}
          />
        </Space>
      )}
      <Space wrap>
        <QuerySearch
          placeholder={t('choose.searchPlaceholder')}
          value={values.q}
          onSearch={(q) => update({ q })}
          style={{ width: 240 }}
          data-testid="select-search"
        />
        <AreaFilters
          roundId={round.id}
          district={values.district}
          town={values.town}
          onChange={update}
        />
        <WeakFilter
          value={values.weak}
          onChange={(weak) => update({ weak })}
          width={150}
          testId="filter-weak"
        />
        <Select
          allowClear
          placeholder={t('select.needCategory')}
          aria-label={t('select.needCategory')}
          value={values.need || undefined}
          onChange={(need) => update({ need })}
          options={needCategories.map((c) => ({ value: c, label: c }))}
          style={{ width: 150 }}
        />
        <Select
          allowClear
          placeholder={t('select.coverage')}
          aria-label={t('select.coverage')}
          value={values.uncovered || undefined}
          onChange={(uncovered) => update({ uncovered })}
          options={[{ value: 'true', label: t('select.uncoveredOnly') }]}
          style={{ width: 150 }}
          data-testid="filter-uncovered"
        />
        <Button icon={<ReloadOutlined />} onClick={refresh}>
          {t('common.refresh')}
        </Button>
      </Space>
      <ErrorAlert error={directory.error} />
      <ResponsiveTable<TargetEntry>
        rowKey="id"
        size="small"
        columns={columns}
        renderCard={targetCard}
        data-testid="directory-table"
        {...directoryTable}
      />
      <Typography.Title level={5}>{t('select.mine')}</Typography.Title>
      <ResponsiveTable<IntentionView>
        rowKey="id"
        size="small"
        loading={intentions.loading}
        columns={intentionColumns}
        renderCard={(i) => (
          <Space orientation="vertical" size={6} style={{ width: '100%' }}>
            <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
              <Typography.Text strong>{i.ruralOrgName}</Typography.Text>
              <IntentionStateTag state={i.state} />
            </Space>
            <Typography.Text type="secondary">
              {new Date(i.submittedAt).toLocaleString('zh-CN')}
            </Typography.Text>
            {intentionActions(i)}
          </Space>
        )}
        dataSource={mine}
        pagination={false}
        locale={{ emptyText: t('select.noneYet') }}
        data-testid="my-intentions"
      />
    </Space>
  );
}

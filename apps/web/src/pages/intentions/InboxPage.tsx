import { useState } from 'react';
import { useNavigate } from 'react-router';
import {
  App,
  Alert,
  Button,
  Card,
  Empty,
  Popconfirm,
  Segmented,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { intentionsApi, type IncomingIntention, type IntentionState } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { CardsOrTable } from '../directory/CardsOrTable.tsx';
import type { Round } from '../rounds/api.ts';
import { RoundPicker, useRoundChoice } from '../rounds/useRoundChoice.tsx';
import { IntentionStateTag } from './IntentionStateTag.tsx';
import { RenewalsCard } from './RenewalsCard.tsx';
import { UnitProfileView } from './UnitProfileView.tsx';

/** 待确认: the rural side accepts or declines the units that chose it. */
export default function InboxPage() {
  const { t } = useI18n();
  const { rounds, round, select } = useRoundChoice();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('menu.inbox')}
        extra={<RoundPicker rounds={rounds} round={round} onSelect={select} />}
      >
        {round ? <Incoming round={round} /> : <Empty description={t('rounds.none')} />}
      </Card>
      {round && <RenewalsCard round={round} side="rural" />}
    </Space>
  );
}

function Incoming({ round }: { round: Round }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<IntentionState | 'all'>('pending');
  const { data, error, loading, reload } = useRequest(
    () =>
      call(intentionsApi.incoming, {
        params: { id: round.id },
        query: { state: filter === 'all' ? undefined : filter },
      }),
    [round.id, filter],
  );
  const open = round.state === 'intentions_open';

  const accept = async (i: IncomingIntention) => {
    try {
      const { agreementId } = await call(intentionsApi.accept, { params: { id: i.id } });
      reload();
      // A pair of the city's allocation is agreed only once the unit has confirmed too.
      if (agreementId == null) return void message.success(t('inbox.confirmedAwaitingUnit'));
      modal.success({
        title: t('inbox.accepted', { name: i.urbanOrgName }),
        content: t('inbox.agreementCreated'),
        okText: t('inbox.openAgreement'),
        onOk: () => navigate(`/agreements/${agreementId}`),
      });
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
      reload();
    }
  };

  const decline = async (i: IncomingIntention) => {
    try {
      await call(intentionsApi.decline, { params: { id: i.id } });
      message.success(t('inbox.declined'));
      reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  // The server says what the caller may do (abilities); a yes of this side already given on
  // an allocated pair awaits the unit's.
  const actionsOf = (i: IncomingIntention) =>
    i.abilities.accept || i.abilities.decline ? (
      <Space>
        {i.abilities.accept ? (
          <Popconfirm
            title={t('inbox.acceptQuestion', { name: i.urbanOrgName })}
            description={t('inbox.acceptHint')}
            okText={t('inbox.accept')}
            onConfirm={() => accept(i)}
          >
            <Button size="small" type="primary" data-testid={`accept-${i.id}`}>
              {t('inbox.accept')}
            </Button>
          </Popconfirm>
        ) : (
          i.source === 'allocation' &&
          i.ruralConfirmedAt && (
            <Typography.Text type="secondary">{t('inbox.awaitingUnit')}</Typography.Text>
          )
        )}
        {i.abilities.decline && (
          <Popconfirm
            title={t('inbox.declineQuestion', { name: i.urbanOrgName })}
            okText={t('inbox.decline')}
            onConfirm={() => decline(i)}
          >
            <Button size="small" danger>
              {t('inbox.decline')}
            </Button>
          </Popconfirm>
        )}
      </Space>
    ) : (
      '—'
    );

  const columns: TableColumnsType<IncomingIntention> = [
    {
      title: t('intentions.urbanOrg'),
      dataIndex: 'urbanOrgName',
      width: 140,
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      title: t('choose.unit'),
      key: 'unit',
      render: (_, i) => <UnitProfileView unit={i.unit} testId={`unit-${i.id}`} />,
    },
    {
      title: t('intentions.ruralOrg'),
      dataIndex: 'ruralOrgName',
      render: (name: string, i) => (
        <Space size={4}>
          {name}
          {i.weakVillage && (
            <Tag color="red" bordered={false}>
              {t('org.weakShort')}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('intentions.source'),
      dataIndex: 'source',
      width: 90,
      render: (source: IncomingIntention['source']) => t(`intentionSource.${source}`),
    },
    {
      title: t('intentions.state'),
      dataIndex: 'state',
      width: 100,
      render: (state: IntentionState) => <IntentionStateTag state={state} />,
    },
    {
      title: t('intentions.submittedAt'),
      dataIndex: 'submittedAt',
      width: 170,
      render: (v: string) => new Date(v).toLocaleString('zh-CN'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_, i) => actionsOf(i),
    },
  ];

  const card = (i: IncomingIntention) => (
    <Space orientation="vertical" size={6} style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <Typography.Text strong>{i.urbanOrgName}</Typography.Text>
        <IntentionStateTag state={i.state} />
      </Space>
      <Typography.Text type="secondary">
        {i.ruralOrgName} · {t(`intentionSource.${i.source}`)} ·{' '}
        {new Date(i.submittedAt).toLocaleString('zh-CN')}
      </Typography.Text>
      <UnitProfileView unit={i.unit} testId={`unit-${i.id}`} />
      {actionsOf(i)}
    </Space>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {!open && <Alert type="warning" showIcon title={t('inbox.closed')} />}
      <Space wrap>
        <Segmented
          value={filter}
          onChange={(v) => setFilter(v as IntentionState | 'all')}
          options={[
            { value: 'pending', label: t('intentionState.pending') },
            { value: 'accepted', label: t('intentionState.accepted') },
            { value: 'declined', label: t('intentionState.declined') },
            { value: 'all', label: t('inbox.all') },
          ]}
        />
        <Button icon={<ReloadOutlined />} onClick={reload}>
          {t('common.refresh')}
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error.message} />}
      <CardsOrTable<IncomingIntention>
        loading={loading}
        columns={columns}
        card={card}
        dataSource={data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('inbox.empty') }}
        testId="inbox-table"
      />
    </Space>
  );
}

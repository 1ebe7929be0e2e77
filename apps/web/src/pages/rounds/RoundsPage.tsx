import { useState } from 'react';
import { useNavigate } from 'react-router';
import { App, Alert, Button, Card, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { roundsApi, type GlobalAbility, type RoundWithAbilities } from '@pairing/shared';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { call } from '../../api/client.ts';
import { useMe } from '../../auth/AuthProvider.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { stateColor } from './api.ts';
import { roundStateLabel } from './labels.ts';
import { RoundFormModal } from './RoundFormModal.tsx';

const loadRounds = () => call(roundsApi.list);

type Round = RoundWithAbilities;

/** 结对轮次: every round the caller can see; the city admin creates them here. */
export default function RoundsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  // Creating a round is the role's ability (`me.abilities`), there being no round to ask yet.
  const mayCreate = (me as { abilities?: Partial<Record<GlobalAbility, boolean>> }).abilities?.[
    'rounds.manage'
  ];
  const { data, error, loading, reload } = useRequest(loadRounds, []);

  const columns: TableColumnsType<Round> = [
    {
      title: t('rounds.name'),
      dataIndex: 'name',
      render: (name: string) => <Typography.Link>{name}</Typography.Link>,
    },
    {
      title: t('rounds.state'),
      dataIndex: 'state',
      width: 120,
      render: (state: Round['state']) => (
        <Tag color={stateColor[state]}>{roundStateLabel(t, state)}</Tag>
      ),
    },
    {
      title: t('rounds.period'),
      key: 'period',
      width: 210,
      render: (_, r) => `${r.periodStart} — ${r.periodEnd}`,
    },
    { title: t('rounds.intentionDeadline'), dataIndex: 'intentionDeadline', width: 130 },
    { title: t('rounds.signingDeadline'), dataIndex: 'signingDeadline', width: 130 },
    { title: t('rounds.termEnd'), dataIndex: 'termEnd', width: 120 },
    { title: t('rounds.villageCap'), dataIndex: 'villageCap', width: 110 },
  ];

  return (
    <Card
      title={t('menu.rounds')}
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={reload}>
            {t('common.refresh')}
          </Button>
          {mayCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('rounds.create')}
            </Button>
          )}
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      <ResponsiveTable
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('rounds.empty') }}
        data-testid="rounds-table"
        onRow={(r) => ({
          onClick: () => navigate(`/rounds/${r.id}`),
          style: { cursor: 'pointer' },
        })}
      />
      <RoundFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(round) => {
          setCreating(false);
          message.success(t('rounds.created'));
          navigate(`/rounds/${round.id}`);
        }}
      />
    </Card>
  );
}

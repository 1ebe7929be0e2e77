import { useNavigate } from 'react-router';
import { Button, Space, Typography } from 'antd';
import { helpPairsApi, type HelpPairView } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ListControls.tsx';
import { ResponsiveTable, type ResponsiveColumns } from '../../components/ResponsiveTable.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import { personLabel, StateTag } from './labels.tsx';

/** The pairs the caller sees, of one pairing or all; `version` reloads it after a change. */
export function HelpPairList({
  pairingId,
  version = 0,
  emptyText,
}: {
  pairingId?: number;
  version?: number;
  emptyText?: string;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data, error, loading } = useRequest(
    () => call(helpPairsApi.list, { query: { pairingId, pageSize: 100 } }),
    [pairingId, version],
  );
  const open = (pair: HelpPairView) => navigate(`/help-pairs/${pair.id}`);
  const columns: ResponsiveColumns<HelpPairView> = [
    {
      key: 'people',
      title: `${t('helpPairs.member')} / ${t('helpPairs.resident')}`,
      render: (_, p) => (
        <Space size={4} wrap>
          <span>{personLabel(p.member)}</span>
          <Typography.Text type="secondary">·</Typography.Text>
          <span>{personLabel(p.resident)}</span>
        </Space>
      ),
    },
    {
      key: 'cadre',
      title: t('helpPairs.cadre'),
      render: (_, p) => (p.cadre ? personLabel(p.cadre) : t('helpPairs.noCadre')),
    },
    ...(pairingId
      ? []
      : [
          {
            key: 'pairing',
            title: t('helpPairs.pairing'),
            render: (_: unknown, p: HelpPairView) => `${p.urbanOrg.name} ↔ ${p.ruralOrg.name}`,
          },
        ]),
    {
      key: 'state',
      title: t('helpPairs.state'),
      render: (_, p) => <StateTag state={p.state} />,
    },
    {
      key: 'records',
      title: t('helpPairs.records'),
      render: (_, p) => t('helpPairs.recordsCount', { count: p.records }),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, p) => (
        <Button size="small" onClick={() => open(p)} data-testid={`open-help-pair-${p.id}`}>
          {t('helpPairs.open')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <ErrorAlert error={error} />
      <ResponsiveTable<HelpPairView>
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        pagination={false}
        locale={{ emptyText: emptyText ?? t('helpPairs.empty') }}
        onRow={(p) => ({ onDoubleClick: () => open(p) })}
        cardTestId={(p) => `help-pair-${p.id}`}
        data-testid="help-pairs"
      />
    </>
  );
}

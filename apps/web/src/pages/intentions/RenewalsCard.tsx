import { Alert, App, Button, Card, Popconfirm, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { intentionsApi, type RenewalView } from '@pairing/shared';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';
import type { Round } from '../rounds/api.ts';

/**
 * R-ROUND-RENEW: pairs of the previous round that signed their agreement, which both sides may
 * renew. Each side confirms on its own; the second confirmation makes the pair an accepted
 * intention of this round. Renewals are answered in the intention phase only: once the round has
 * moved on, an unanswered pair shows as closed (with the stage change's reason when one side had
 * answered). Pages put this card first, above their long lists.
 */
export function RenewalsCard({
  round,
  side,
  onChanged,
}: {
  round: Round;
  side: 'urban' | 'rural';
  onChanged?: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { data, loading, reload } = useRequest(
    () => call(intentionsApi.renewals, { params: { id: round.id } }),
    [round.id],
  );
  const items = data?.items ?? [];
  if (!round.previousRoundId || (!loading && items.length === 0)) return null;

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      message.success(done);
      reload();
      onChanged?.();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const windowOpen = round.state === 'intentions_open';
  const closed = (reason: string | null) => (
    <Space orientation="vertical" size={2}>
      <Tag color="warning">{t('renewals.closed')}</Tag>
      {reason && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {reason}
        </Typography.Text>
      )}
    </Space>
  );
  const mine = (r: RenewalView) => (side === 'urban' ? r.urbanConfirmedAt : r.ruralConfirmedAt);
  const theirs = (r: RenewalView) => (side === 'urban' ? r.ruralConfirmedAt : r.urbanConfirmedAt);

  const columns: TableColumnsType<RenewalView> = [
    { title: t('intentions.urbanOrg'), dataIndex: 'urbanOrgName' },
    { title: t('intentions.ruralOrg'), dataIndex: 'ruralOrgName' },
    {
      title: t('intentions.state'),
      key: 'state',
      render: (_, r) =>
        r.intentionId ? (
          <Tag color="success">{t('renewals.done')}</Tag>
        ) : r.closedReason ? (
          closed(r.closedReason)
        ) : r.declinedAt ? (
          <Tag>{t('renewals.declined')}</Tag>
        ) : !windowOpen ? (
          closed(null)
        ) : (
          <Space size={4}>
            <Tag color={mine(r) ? 'blue' : 'default'}>
              {mine(r) ? t('renewals.weConfirmed') : t('renewals.weWaiting')}
            </Tag>
            <Tag color={theirs(r) ? 'blue' : 'default'}>
              {theirs(r) ? t('renewals.theyConfirmed') : t('renewals.theyWaiting')}
            </Tag>
          </Space>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      render: (_, r) =>
        r.abilities.confirm || r.abilities.decline ? (
          <Space>
            {r.abilities.confirm && (
              <Popconfirm
                title={t('renewals.confirmQuestion')}
                onConfirm={() =>
                  run(
                    () =>
                      call(intentionsApi.confirmRenewal, {
                        params: { id: round.id },
                        body: { previousIntentionId: r.previousIntentionId },
                      }),
                    t('renewals.confirmed'),
                  )
                }
              >
                <Button size="small" type="primary">
                  {t('renewals.confirm')}
                </Button>
              </Popconfirm>
            )}
            {r.abilities.decline && r.renewalId != null && (
              <Popconfirm
                title={t('renewals.declineQuestion')}
                onConfirm={() =>
                  run(
                    () => call(intentionsApi.declineRenewal, { params: { id: r.renewalId! } }),
                    t('renewals.declinedDone'),
                  )
                }
              >
                <Button size="small" danger>
                  {t('renewals.decline')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Card title={t('renewals.title')} size="small" data-testid="renewals-card">
      {!windowOpen && (
        <Alert
          type="info"
          showIcon
          title={t('renewals.windowClosed')}
          style={{ marginBottom: 8 }}
        />
      )}
      <ResponsiveTable
        rowKey="previousIntentionId"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={items}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}

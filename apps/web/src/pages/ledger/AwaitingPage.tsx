import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Card, Popconfirm, Space, Typography } from 'antd';
import { CheckOutlined, ReloadOutlined } from '@ant-design/icons';
import { ledgerApi, type RecordView } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ListControls.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useIsPhone } from '../../lib/useIsPhone.ts';
import { useQueryState } from '../../lib/useQueryState.ts';
import { useRequest } from '../../lib/useRequest.ts';
import { sideLabel, compactCard } from './labels.tsx';
import { RecordList } from './RecordList.tsx';

const noFilters = [] as const;

/**
 * 待办: the other side's records awaiting my confirmation, and the disputes awaiting my
 * settlement. A record confirmed here leaves the list; objecting and settling take the record's
 * own page, where its content and photos can be read first.
 */
export default function AwaitingPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const phone = useIsPhone();
  const list = useQueryState(noFilters);
  const { page, pageSize, update } = list;
  const [confirming, setConfirming] = useState<number | null>(null);
  const request = useRequest(
    () => call(ledgerApi.awaiting, { query: { page, pageSize } }),
    [page, pageSize],
  );

  const confirm = async (r: RecordView) => {
    setConfirming(r.id);
    try {
      await call(ledgerApi.confirm, { params: { id: r.id } });
      message.success(t('record.confirmed'));
      request.reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setConfirming(null);
    }
  };

  return (
    <Card
      title={t('menu.awaiting')}
      extra={
        <Button
          icon={<ReloadOutlined />}
          onClick={request.reload}
          aria-label={t('common.refresh')}
        />
      }
      styles={phone ? compactCard : undefined}
    >
      <Typography.Paragraph type="secondary">{t('awaiting.hint')}</Typography.Paragraph>
      <ErrorAlert error={request.error} />
      <RecordList
        testId="awaiting-list"
        request={request}
        empty={t('awaiting.empty')}
        sideName={(side, r) => t('awaiting.from', { side: sideLabel(t, side), id: r.pairingId })}
        page={page}
        pageSize={pageSize}
        onPage={(next, size) => update({ page: next, pageSize: size })}
        actions={(r) => (
          <Space wrap>
            {r.abilities.confirm && (
              <Popconfirm
                title={t('record.confirmQuestion')}
                description={t('record.confirmHint')}
                okText={t('record.confirm')}
                onConfirm={() => confirm(r)}
              >
                <Button
                  type="primary"
                  size="small"
                  icon={<CheckOutlined />}
                  loading={confirming === r.id}
                  data-testid={`quick-confirm-${r.id}`}
                >
                  {t('record.confirm')}
                </Button>
              </Popconfirm>
            )}
            <Link to={`/records/${r.id}`}>
              <Button size="small">
                {r.abilities.settle ? t('awaiting.toSettle') : t('awaiting.open')}
              </Button>
            </Link>
          </Space>
        )}
      />
    </Card>
  );
}

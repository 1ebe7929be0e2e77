import { Alert, Button, Modal, Table } from 'antd';
import { allocationApi, type AllocationPairView } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useRequest } from '../../lib/useRequest.ts';

/** Pick another eligible unit for a proposed pair, cheapest first (the server validates again). */
export function SwapModal({
  roundId,
  runId,
  pair,
  onPick,
  onClose,
}: {
  roundId: number;
  runId: number;
  pair: AllocationPairView;
  onPick: (urbanOrgId: number) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { data, error, loading } = useRequest(
    () => call(allocationApi.candidates, { params: { id: roundId, runId, pairId: pair.id } }),
    [roundId, runId, pair.id],
  );
  return (
    <Modal
      open
      width={900}
      title={t('alloc.swapTitle', { village: pair.ruralOrgName })}
      onCancel={onClose}
      footer={null}
    >
      {error && <Alert type="error" showIcon title={error.message} />}
      <Table
        rowKey="urbanOrgId"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('alloc.swapEmpty') }}
        pagination={false}
        columns={[
          { title: t('alloc.unit'), dataIndex: 'urbanOrgName' },
          { title: t('alloc.cost'), dataIndex: 'cost', width: 70 },
          { title: t('alloc.reasons'), dataIndex: 'reasonText' },
          {
            title: t('alloc.actions'),
            width: 80,
            render: (_, c) => (
              <Button size="small" type="link" onClick={() => onPick(c.urbanOrgId)}>
                {t('alloc.swapPick')}
              </Button>
            ),
          },
        ]}
      />
    </Modal>
  );
}

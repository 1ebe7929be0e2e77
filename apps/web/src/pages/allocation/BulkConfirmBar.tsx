import { useState } from 'react';
import { Alert, App, Button, Popconfirm, Space, Typography } from 'antd';
import { intentionsApi } from '@pairing/shared';
import { call, newIdempotencyKey } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';

/**
 * A district or working committee confirms the published pairs of its units and villages at once:
 * all those awaiting it, or the rows chosen in the table. One key per action, so a retry replays.
 */
export function BulkConfirmBar({
  roundId,
  awaiting,
  selected,
  onDone,
}: {
  roundId: number;
  awaiting: number;
  selected: number[];
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'all' | 'selected' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const confirm = async (which: 'all' | 'selected') => {
    setBusy(which);
    setError(null);
    try {
      const done = await call(intentionsApi.confirmAllocatedInBulk, {
        params: { id: roundId },
        body: which === 'all' ? {} : { intentionIds: selected },
        idempotencyKey: newIdempotencyKey('bulk'),
      });
      message.success(t('alloc.bulk.done', { count: done.confirmed, accepted: done.accepted }));
      onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="alloc-bulk">
      <Typography.Text>{t('alloc.bulk.awaiting', { count: awaiting })}</Typography.Text>
      <Space wrap>
        <Popconfirm
          title={t('alloc.bulk.confirmAll', { count: awaiting })}
          onConfirm={() => confirm('all')}
        >
          <Button
            type="primary"
            data-testid="alloc-bulk-all"
            disabled={!awaiting}
            loading={busy === 'all'}
          >
            {t('alloc.bulk.all', { count: awaiting })}
          </Button>
        </Popconfirm>
        <Button
          data-testid="alloc-bulk-selected"
          disabled={!selected.length}
          loading={busy === 'selected'}
          onClick={() => confirm('selected')}
        >
          {t('alloc.bulk.selected', { count: selected.length })}
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
    </Space>
  );
}

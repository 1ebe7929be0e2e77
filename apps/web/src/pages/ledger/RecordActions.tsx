import { useState } from 'react';
import { App, Button, Input, Modal, Popconfirm, Radio, Space, Typography } from 'antd';
import { CheckOutlined, ExclamationCircleOutlined, RollbackOutlined } from '@ant-design/icons';
import { ledgerApi, type RecordView } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import './ledger.css';

/**
 * What the caller may do with the record now, as the server says (`abilities`): the other side
 * confirms or objects, the town or district settles a dispute, the recording side withdraws.
 */
export function RecordActions({
  record,
  onChanged,
}: {
  record: RecordView;
  onChanged: (record: RecordView) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [objecting, setObjecting] = useState(false);
  const [settling, setSettling] = useState(false);
  const may = record.abilities;
  const params = { id: record.id };

  const run = async (name: string, action: () => Promise<RecordView>, done: string) => {
    setBusy(name);
    try {
      onChanged(await action());
      message.success(done);
      return true;
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      setBusy(null);
    }
  };

  if (!may.confirm && !may.object && !may.settle && !may.withdraw) return null;
  return (
    <div className="ledger-actions" data-testid="record-actions">
      {may.confirm && (
        <Popconfirm
          title={t('record.confirmQuestion')}
          description={t('record.confirmHint')}
          okText={t('record.confirm')}
          onConfirm={() =>
            run('confirm', () => call(ledgerApi.confirm, { params }), t('record.confirmed'))
          }
        >
          <Button
            type="primary"
            icon={<CheckOutlined />}
            loading={busy === 'confirm'}
            data-testid="record-confirm"
          >
            {t('record.confirm')}
          </Button>
        </Popconfirm>
      )}
      {may.object && (
        <Button
          danger
          icon={<ExclamationCircleOutlined />}
          onClick={() => setObjecting(true)}
          data-testid="record-object"
        >
          {t('record.object')}
        </Button>
      )}
      {may.settle && (
        <Button type="primary" onClick={() => setSettling(true)} data-testid="record-settle">
          {t('record.settle')}
        </Button>
      )}
      {may.withdraw && (
        <Popconfirm
          title={t('record.withdrawQuestion')}
          okText={t('record.withdraw')}
          okButtonProps={{ danger: true }}
          onConfirm={() =>
            run('withdraw', () => call(ledgerApi.withdraw, { params }), t('record.withdrawn'))
          }
        >
          <Button
            icon={<RollbackOutlined />}
            loading={busy === 'withdraw'}
            data-testid="record-withdraw"
          >
            {t('record.withdraw')}
          </Button>
        </Popconfirm>
      )}
      {objecting && (
        <ObjectModal
          busy={busy === 'object'}
          onClose={() => setObjecting(false)}
          onSubmit={async (reason) => {
            const ok = await run(
              'object',
              () => call(ledgerApi.object, { params, body: { reason } }),
              t('record.objected'),
            );
            if (ok) setObjecting(false);
          }}
        />
      )}
      {settling && (
        <SettleModal
          record={record}
          busy={busy === 'settle'}
          onClose={() => setSettling(false)}
          onSubmit={async (body) => {
            const ok = await run(
              'settle',
              () => call(ledgerApi.settle, { params, body }),
              t('record.settled'),
            );
            if (ok) setSettling(false);
          }}
        />
      )}
    </div>
  );
}

function ObjectModal({
  busy,
  onClose,
  onSubmit,
}: {
  busy: boolean;
  onClose: () => void;
  onSubmit: (reason: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const body = ledgerApi.object.body.safeParse({ reason });
    if (!body.success) return setError(body.error.issues[0].message);
    void onSubmit(body.data.reason);
  };
  return (
    <Modal
      open
      title={t('record.objectTitle')}
      okText={t('record.object')}
      okButtonProps={{ danger: true, 'data-testid': 'object-submit' }}
      confirmLoading={busy}
      onOk={submit}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('record.objectHint')}</Typography.Paragraph>
      <Input.TextArea
        value={reason}
        onChange={(e) => {
          setReason(e.target.value);
          setError(null);
        }}
        autoSize={{ minRows: 3, maxRows: 8 }}
        maxLength={500}
        placeholder={t('record.objectPlaceholder')}
        status={error ? 'error' : undefined}
        aria-label={t('record.objectReason')}
        data-testid="object-reason"
      />
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Modal>
  );
}

function SettleModal({
  record,
  busy,
  onClose,
  onSubmit,
}: {
  record: RecordView;
  busy: boolean;
  onClose: () => void;
  onSubmit: (body: { decision: 'count' | 'reject'; note: string }) => Promise<void>;
}) {
  const { t } = useI18n();
  const [decision, setDecision] = useState<'count' | 'reject' | undefined>(undefined);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const body = ledgerApi.settle.body.safeParse({ decision, note });
    if (!body.success) return setError(body.error.issues[0].message);
    void onSubmit(body.data);
  };
  return (
    <Modal
      open
      title={t('record.settleTitle')}
      okText={t('record.settle')}
      okButtonProps={{ 'data-testid': 'settle-submit' }}
      confirmLoading={busy}
      onOk={submit}
      onCancel={onClose}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {record.objection && (
          <Typography.Paragraph>
            {t('record.objectionBy', { by: record.objection.by })}：{record.objection.reason}
          </Typography.Paragraph>
        )}
        <Radio.Group
          value={decision}
          onChange={(e) => {
            setDecision(e.target.value as 'count' | 'reject');
            setError(null);
          }}
          optionType="button"
          options={[
            { value: 'count', label: t('record.decision.count') },
            { value: 'reject', label: t('record.decision.reject') },
          ]}
          data-testid="settle-decision"
        />
        <Input.TextArea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={500}
          placeholder={t('record.settleNote')}
          aria-label={t('record.settleNote')}
        />
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Space>
    </Modal>
  );
}

import { useState } from 'react';
import { App, Form, Input, Modal, Typography } from 'antd';
import { helpPairsApi, helpProposalInput } from '@pairing/shared';
import { ApiError, call, newIdempotencyKey } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { showIssues } from '../ledger/form/fieldErrors.ts';
import { PersonSelect } from './PersonSelect.tsx';

type Values = { memberId?: number; residentId?: number; note: string };

/** The village names one poor Party member and one poor resident for a cadre of the unit. */
export function ProposeModal({
  pairingId,
  onClose,
  onDone,
}: {
  pairingId: number;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  // One key per proposal, sent again if the first answer was lost.
  const [key, setKey] = useState(() => newIdempotencyKey('help-pair'));

  const save = async () => {
    const parsed = helpProposalInput.safeParse(form.getFieldsValue(true));
    if (!parsed.success) return void showIssues(form, parsed.error.issues);
    setSaving(true);
    try {
      await call(helpPairsApi.propose, {
        params: { id: pairingId },
        body: parsed.data,
        idempotencyKey: key,
      });
      message.success(t('helpPairs.proposed'));
      onDone();
    } catch (e) {
      if (e instanceof ApiError) {
        form.setFields(
          Object.entries(e.fields).map(([name, error]) => ({
            name: name as keyof Values,
            errors: [error],
          })),
        );
        setKey(newIdempotencyKey('help-pair'));
      }
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('helpPairs.propose')}
      okText={t('common.save')}
      confirmLoading={saving}
      onOk={save}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'propose-save' } as Record<`data-${string}`, string>}
    >
      <Typography.Paragraph type="secondary">{t('helpPairs.proposeHint')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" initialValues={{ note: '' }}>
        <Form.Item name="memberId" label={t('helpPairs.member')} required>
          <PersonSelect pairingId={pairingId} role="member" />
        </Form.Item>
        <Form.Item name="residentId" label={t('helpPairs.resident')} required>
          <PersonSelect pairingId={pairingId} role="resident" />
        </Form.Item>
        <Form.Item name="note" label={t('helpPairs.noteLabel')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

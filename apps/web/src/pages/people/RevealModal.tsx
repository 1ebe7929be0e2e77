import { useState } from 'react';
import { Alert, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { peopleApi, type PersonView } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';

type Shown = { idNumber: string; phone: string | null };

/**
 * 查看: asks why (the reason goes to the audit log), then shows the full ID number and phone
 * until the dialog closes; nothing of them is kept in the page afterwards.
 */
export function RevealModal({ person, onClose }: { person: PersonView; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);

  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    setError(null);
    try {
      setShown(await call(peopleApi.reveal, { params: { id: person.id }, body: { reason } }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`${t('people.revealTitle')} · ${person.name}`}
      onCancel={onClose}
      onOk={shown ? onClose : () => form.submit()}
      okText={shown ? t('people.close') : t('people.reveal')}
      cancelButtonProps={shown ? { style: { display: 'none' } } : undefined}
      confirmLoading={busy}
      destroyOnHidden
    >
      {shown ? (
        <>
          <Typography.Paragraph type="warning">{t('people.revealed')}</Typography.Paragraph>
          <Descriptions column={1} size="small" bordered data-testid="revealed">
            <Descriptions.Item label={t('people.idNumber')}>{shown.idNumber}</Descriptions.Item>
            <Descriptions.Item label={t('people.phone')}>{shown.phone ?? '—'}</Descriptions.Item>
          </Descriptions>
        </>
      ) : (
        <Form form={form} layout="vertical" onFinish={submit}>
          <Typography.Paragraph type="secondary">{t('people.revealHint')}</Typography.Paragraph>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Form.Item
            name="reason"
            label={t('people.reason')}
            rules={[{ required: true, min: 4, message: t('people.reasonRequired') }]}
          >
            <Input maxLength={200} placeholder={t('people.reasonPlaceholder')} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

import { useState } from 'react';
import { Alert, App, Checkbox, Form, Input, Modal, Typography } from 'antd';
import type { PeopleFilter } from '@pairing/shared';
import { useMe } from '../../auth/AuthProvider.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { exportPeople } from './peopleFiles.ts';

type Values = { reason: string; full?: boolean };

/** 导出: the current filter, with a reason (audited); full numbers only for who may export them. */
export function ExportModal({ filter, onClose }: { filter: PeopleFilter; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async ({ reason, full }: Values) => {
    setBusy(true);
    setError(null);
    try {
      await exportPeople({ reason, full: full === true, filter });
      message.success(t('people.exported'));
      onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('people.exportTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('people.export')}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('people.exportHint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('people.reason')}
          rules={[{ required: true, min: 4, message: t('people.reasonRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        {me.abilities['people.export'] && (
          <Form.Item name="full" valuePropName="checked">
            <Checkbox>{t('people.exportFull')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

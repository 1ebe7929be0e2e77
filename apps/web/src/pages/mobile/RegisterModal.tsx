import { useState } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { mobileApi, mobileReasons, type MobileReason } from '@pairing/shared';
import { call, newIdempotencyKey } from '../../api/client.ts';
import { PersonSelect } from '../../components/PersonSelect.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { useFormSubmit } from '../../lib/useFormSubmit.ts';

type Values = {
  personId: number;
  certificateNumber: string;
  reason: MobileReason;
  destination: string;
};

/** Register a Party member of the caller's organizations as mobile (登记持证). */
export function RegisterModal({
  open,
  onClose,
  onDone,
}: {
  open: boolean;
  onClose: () => void;
  onDone: (id: number) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [key] = useState(() => newIdempotencyKey('mobile-register'));
  const { saving, submit } = useFormSubmit(form, async (values) => {
    const { member } = await call(mobileApi.register, { body: values, idempotencyKey: key });
    message.success(t('mobile.registered'));
    onDone(member.id);
  });
  return (
    <Modal
      open={open}
      title={t('mobile.register')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ reason: 'work' }}>
        <Form.Item name="personId" label={t('mobile.person')} rules={[{ required: true }]}>
          <PersonSelect
            kind="member"
            placeholder={t('mobile.personSearch')}
            testId="mobile-person"
          />
        </Form.Item>
        <Form.Item
          name="certificateNumber"
          label={t('mobile.certificate')}
          rules={[{ required: true }]}
        >
          <Input maxLength={30} data-testid="mobile-certificate" />
        </Form.Item>
        <Form.Item name="reason" label={t('mobile.reason')}>
          <Select
            options={mobileReasons.map((r) => ({
              value: r,
              label: t(`mobile.reason.${r}` as MessageKey),
            }))}
          />
        </Form.Item>
        <Form.Item name="destination" label={t('mobile.destination')}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { Form, Input, Modal, Radio } from 'antd';
import { App } from 'antd';
import { mobileApi, type MobileSide } from '@pairing/shared';
import { useState } from 'react';
import { call, newIdempotencyKey } from '../../api/client.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { useFormSubmit } from '../../lib/useFormSubmit.ts';
import { DateField } from '../ledger/form/DateField.tsx';

type Values = { fromSide: MobileSide; question: string; deadline?: string | null };

/** Ask the other side about a member (R-MOBILE-QUERY); `sides` are those the caller may ask as. */
export function AskModal({
  memberId,
  sides,
  open,
  onClose,
  onDone,
}: {
  memberId: number;
  sides: MobileSide[];
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [key] = useState(() => newIdempotencyKey('mobile-ask'));
  const { saving, submit } = useFormSubmit(form, async (values) => {
    await call(mobileApi.ask, {
      params: { id: memberId },
      body: {
        fromSide: values.fromSide,
        question: values.question,
        deadline: values.deadline ?? undefined,
      },
      idempotencyKey: key,
    });
    message.success(t('mobile.asked'));
    onDone();
  });
  return (
    <Modal
      open={open}
      title={t('mobile.ask')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ fromSide: sides[0] }}>
        {sides.length > 1 && (
          <Form.Item name="fromSide" label={t('mobile.askAs')}>
            <Radio.Group
              options={sides.map((side) => ({
                value: side,
                label: t(`mobile.side.${side}` as MessageKey),
              }))}
            />
          </Form.Item>
        )}
        {sides.length <= 1 && <Form.Item name="fromSide" hidden />}
        <Form.Item name="question" label={t('mobile.question')} rules={[{ required: true }]}>
          <Input.TextArea rows={4} maxLength={1000} data-testid="mobile-question" />
        </Form.Item>
        <Form.Item name="deadline" label={t('mobile.deadline')}>
          <DateField />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { App, Form, Input, Modal } from 'antd';
import { mobileApi } from '@pairing/shared';
import { DestinationSelect } from './DestinationSelect.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { call } from '../../api/client.ts';
import { useFormSubmit } from '../../lib/useFormSubmit.ts';
import { DateField } from '../ledger/form/DateField.tsx';

type Values = {
  inflowOrgId: number;
  destination: string;
  leaveDate: string;
  trainedOn: string;
  agreementSignedOn: string;
};

/** Record where the member goes and who receives him (流出); training and agreement first. */
export function SendModal({
  memberId,
  destination,
  open,
  onClose,
  onDone,
}: {
  memberId: number;
  destination: string;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, submit } = useFormSubmit(form, async (values) => {
    await call(mobileApi.send, { params: { id: memberId }, body: values });
    message.success(t('mobile.sent'));
    onDone();
  });
  const required = [{ required: true }];
  return (
    <Modal
      open={open}
      title={t('mobile.send')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ destination }}>
        <Form.Item name="inflowOrgId" label={t('mobile.inflowOrg')} rules={required}>
          <DestinationSelect />
        </Form.Item>
        <Form.Item name="destination" label={t('mobile.destination')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="leaveDate" label={t('mobile.leaveDate')} rules={required}>
          <DateField />
        </Form.Item>
        <Form.Item name="trainedOn" label={t('mobile.trainedOn')} rules={required}>
          <DateField />
        </Form.Item>
        <Form.Item name="agreementSignedOn" label={t('mobile.agreementSignedOn')} rules={required}>
          <DateField />
        </Form.Item>
      </Form>
    </Modal>
  );
}

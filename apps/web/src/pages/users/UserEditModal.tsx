import { useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { api } from '../../api/client.ts';
import type { UserRow } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { applyApiError } from '../../lib/apiErrors.ts';

type Values = { displayName: string; phone?: string };

export function UserEditModal({
  user,
  onClose,
  onSaved,
}: {
  user: UserRow;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const save = async (values: Values) => {
    setSaving(true);
    // The phone is shown masked; send it only when the admin typed a new number.
    const body: Values = { displayName: values.displayName };
    if (values.phone && values.phone !== user.phone) body.phone = values.phone;
    try {
      await api.patch(`/api/users/${user.id}`, body);
      message.success(t('common.saved'));
      onSaved();
    } catch (e) {
      message.error(applyApiError(form, e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('users.edit', { name: user.username })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{ displayName: user.displayName, phone: user.phone ?? '' }}
      >
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="phone" label={t('users.phone')} extra={t('org.contactPhoneHelp')}>
          <Input maxLength={11} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

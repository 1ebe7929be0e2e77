import { App, Form, Input, Modal } from 'antd';
import { usersApi, type UserView } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useFormSubmit } from '../../lib/useFormSubmit.ts';

type Values = { displayName: string; phone?: string };
type Patch = { displayName: string; phone?: string | null };

export function UserEditModal({
  user,
  onClose,
  onSaved,
}: {
  user: UserView;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, submit: save } = useFormSubmit(form, async (values: Values) => {
    // The phone arrives masked: unchanged means keep it, emptied means remove it.
    const body: Patch = { displayName: values.displayName };
    const phone = values.phone?.trim() ?? '';
    if (phone !== (user.phone ?? '')) body.phone = phone || null;
    await call(usersApi.update, { params: { id: user.id }, body });
    message.success(t('common.saved'));
    onSaved();
  });

  return (
    <Modal
      open
      title={t('users.edit', { name: user.username })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okText={t('common.save')}
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
        <Form.Item
          name="phone"
          label={t('users.phone')}
          extra={t('users.phoneEditHelp')}
          rules={[
            {
              validator: (_, value?: string) =>
                !value || value === user.phone || /^1[3-9]\d{9}$/.test(value.trim())
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('users.phoneInvalid'))),
            },
          ]}
        >
          <Input maxLength={11} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

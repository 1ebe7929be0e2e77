import { Form, Input, Modal, Select } from 'antd';
import { orgKindsForRole, usersApi, type Role, type UserView } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { useMe } from '../../auth/AuthProvider.tsx';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { enumLabel, useI18n } from '../../i18n/index.tsx';
import { useFormSubmit } from '../../lib/useFormSubmit.ts';

type Values = { username: string; displayName: string; role: Role; orgId: number; phone?: string };

export function UserCreateModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (user: UserView, initialPassword: string) => void;
}) {
  const me = useMe();
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);

  const { saving, submit: save } = useFormSubmit(form, async (values: Values) => {
    const body = { ...values, phone: values.phone?.trim() || undefined };
    const result = await call(usersApi.create, { body });
    onCreated(result.user, result.initialPassword);
  });

  return (
    <Modal
      open
      title={t('users.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okText={t('users.createSubmit')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        // An inspector of the admin's own org is valid for every admin: a safe starting point.
        initialValues={{ role: 'inspector', orgId: me.orgId }}
      >
        <Form.Item
          name="username"
          label={t('login.username')}
          extra={t('users.usernameHelp')}
          rules={[
            { required: true, message: t('users.usernameRequired') },
            { pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: t('users.usernameHelp') },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={[{ required: true }]}>
          <Select
            options={me.assignableRoles.map((r) => ({
              value: r,
              label: enumLabel(t, 'role', r),
            }))}
            onChange={() => form.setFieldValue('orgId', undefined)}
          />
        </Form.Item>
        <Form.Item
          name="orgId"
          label={t('users.org')}
          rules={[{ required: true, message: t('users.orgRequired') }]}
        >
          <OrgSelect
            kinds={role ? orgKindsForRole[role] : null}
            initialOption={{ value: me.orgId, label: me.orgName }}
          />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('users.phone')}
          rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('users.phoneInvalid') }]}
        >
          <Input maxLength={11} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

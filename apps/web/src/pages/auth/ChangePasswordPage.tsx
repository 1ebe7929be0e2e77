import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, App, Button, Form, Input, Space } from 'antd';
import { useAuth, useMe } from '../../auth/AuthProvider.tsx';
import { authApi } from '@pairing/shared';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useFormSubmit } from '../../lib/useFormSubmit.ts';
import { AuthCard } from './AuthCard.tsx';

type Values = { oldPassword: string; newPassword: string; confirm: string };

/** Same rule as the server: at least 8 characters with letters and digits. */
export const passwordRulePattern = /^(?=.*[A-Za-z])(?=.*\d).{8,128}$/;

export function ChangePasswordPage() {
  const { t } = useI18n();
  const me = useMe();
  const { refresh, logout } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const { saving: submitting, submit } = useFormSubmit(
    form,
    async ({ oldPassword, newPassword }: Values) => {
      setError(null);
      await call(authApi.changePassword, { body: { oldPassword, newPassword } });
      message.success(t('password.changed'));
      await refresh();
      navigate('/', { replace: true });
    },
    setError,
  );

  return (
    <AuthCard subtitle={t('password.title')}>
      {me.mustChangePassword && (
        <Alert type="info" showIcon title={t('password.firstLogin')} style={{ marginBottom: 16 }} />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="oldPassword"
          label={t('password.old')}
          rules={[{ required: true, message: t('password.oldRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('password.rule')}
          rules={[
            { required: true, message: t('password.newRequired') },
            { pattern: passwordRulePattern, message: t('password.rule') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          {me.mustChangePassword ? (
            <Button onClick={() => void logout()}>{t('auth.logout')}</Button>
          ) : (
            <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
          )}
          <Button type="primary" htmlType="submit" loading={submitting}>
            {t('password.submit')}
          </Button>
        </Space>
      </Form>
    </AuthCard>
  );
}

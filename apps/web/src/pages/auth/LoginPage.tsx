import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { applyApiError } from '../../lib/apiErrors.ts';
import { prefetchSignedIn, preloadSignedIn } from '../../signedIn.ts';
import { AuthCard } from './AuthCard.tsx';

type Values = { username: string; password: string };

/** A `from` that points back into the app; anything else falls back to home. */
function safeTarget(from: string | null): string {
  return from && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

export function LoginPage() {
  const { t } = useI18n();
  const { user, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const expired = params.get('expired') === '1';
  const target = safeTarget(params.get('from'));

  if (user && !submitting) {
    return <Navigate to={user.mustChangePassword ? '/change-password' : target} replace />;
  }

  const submit = async (values: Values) => {
    preloadSignedIn(target);
    setSubmitting(true);
    setError(null);
    try {
      const me = await login(values.username.trim(), values.password);
      if (!me.mustChangePassword) prefetchSignedIn(target);
      navigate(me.mustChangePassword ? '/change-password' : target, { replace: true });
    } catch (e) {
      setError(applyApiError(form, e));
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthCard subtitle={t('login.subtitle')}>
      {expired && !error && (
        <Alert
          type="warning"
          showIcon
          title={t('login.expired')}
          style={{ marginBottom: 16 }}
          data-testid="login-expired"
        />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 16 }}
          data-testid="login-error"
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} size="large">
        <Form.Item
          name="username"
          label={t('login.username')}
          rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
        >
          <Input
            prefix={<UserOutlined />}
            autoComplete="username"
            autoFocus
            placeholder={t('login.usernamePlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="current-password"
            placeholder={t('login.passwordPlaceholder')}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          {t('login.submit')}
        </Button>
      </Form>
      <Link
        to="/board"
        data-testid="board-link"
        style={{ display: 'block', marginTop: 16, textAlign: 'center' }}
      >
        {t('board.loginLink')}
      </Link>
    </AuthCard>
  );
}

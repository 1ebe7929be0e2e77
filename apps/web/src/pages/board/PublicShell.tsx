import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Layout, Result, Space, Spin, Typography } from 'antd';
import { ApiError } from '../../api/client.ts';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { LanguageSwitch } from '../../layout/LanguageSwitch.tsx';
import '../../layout/layout.css';

/** The frame of the pages anyone may open without signing in (board, public commitments). */
export function PublicShell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { user } = useAuth();
  return (
    <Layout className="app-shell">
      <Layout.Header className="app-header">
        <Link to="/" className="app-brand" style={{ color: '#fff' }}>
          <span className="app-brand-mark">党</span>
          <span className="app-brand-name">{t('app.name')}</span>
        </Link>
        <Space size="middle">
          <LanguageSwitch dark />
          <Link to={user ? '/' : '/login'}>
            <Button size="small" ghost>
              {user ? t('board.backToApp') : t('login.submit')}
            </Button>
          </Link>
        </Space>
      </Layout.Header>
      <Layout.Content
        className="app-content"
        style={{ maxWidth: 1280, width: '100%', margin: '0 auto' }}
      >
        {children}
        <Typography.Text type="secondary" className="app-footer">
          {t('app.footer')}
        </Typography.Text>
      </Layout.Content>
    </Layout>
  );
}

/**
 * What a public page of one record shows until the record is there: its 404, the error, or a
 * spinner, in the public frame; null once `ready`.
 */
export function publicPending(error: Error | null, ready: boolean, notFoundTitle: string) {
  if (error instanceof ApiError && error.status === 404)
    return (
      <PublicShell>
        <Result status="404" title={notFoundTitle} />
      </PublicShell>
    );
  if (ready) return null;
  return (
    <PublicShell>
      {error ? (
        <Alert type="error" showIcon title={error.message} />
      ) : (
        <Spin size="large" className="app-page-spin" />
      )}
    </PublicShell>
  );
}

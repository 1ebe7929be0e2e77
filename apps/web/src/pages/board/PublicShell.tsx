import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Button, Layout, Space, Typography } from 'antd';
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

import { lazy, Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import {
  Avatar,
  Button,
  Drawer,
  Dropdown,
  Layout,
  Menu,
  Space,
  Spin,
  Tag,
  Typography,
  theme,
} from 'antd';
import {
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  SafetyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useMe, useAuth } from '../auth/AuthProvider.tsx';
import { enumLabel, useI18n } from '../i18n/index.tsx';
import { useIsPhone } from '../lib/useIsPhone.ts';
import { allowed, menuKeyFor, routes } from '../routes.tsx';
import { NotificationBell } from '../pages/notifications/NotificationBell.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import './layout.css';

// Loaded after the shell: the outbox (IndexedDB) is not part of the first paint.
const OutboxStatus = lazy(() => import('../offline/OutboxStatus.tsx'));

export function AppLayout() {
  const me = useMe();
  const { logout } = useAuth();
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  // On a phone the menu is a drawer opened from the header, so pages get the whole width.
  const phone = useIsPhone();
  const [drawer, setDrawer] = useState(false);
  const { token } = theme.useToken();

  const items = routes
    .filter((route) => route.menu && allowed(route, me))
    .map((route) => ({ key: route.path, icon: route.menu!.icon, label: t(route.menu!.label) }));

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[menuKeyFor(location.pathname)]}
      items={items}
      onClick={({ key }) => {
        setDrawer(false);
        navigate(key);
      }}
      style={{ borderInlineEnd: 0 }}
    />
  );

  return (
    <Layout className="app-shell">
      <Layout.Header className="app-header">
        {phone && (
          <Button
            type="text"
            className="app-menu-button"
            icon={<MenuOutlined />}
            aria-label={t('app.menu')}
            onClick={() => setDrawer(true)}
          />
        )}
        <div className="app-brand" onClick={() => navigate('/')}>
          <span className="app-brand-mark">党</span>
          <span className="app-brand-name">{t('app.name')}</span>
        </div>
        <Space size="middle">
          <Suspense fallback={null}>
            <OutboxStatus />
          </Suspense>
          <NotificationBell />
          <LanguageSwitch dark />
          <Dropdown
            menu={{
              items: [
                {
                  key: 'password',
                  icon: <KeyOutlined />,
                  label: t('auth.changePassword'),
                  onClick: () => navigate('/change-password'),
                },
                {
                  key: 'security',
                  icon: <SafetyOutlined />,
                  label: t('account.security'),
                  onClick: () => navigate('/account/security'),
                },
                { type: 'divider' },
                {
                  key: 'logout',
                  icon: <LogoutOutlined />,
                  label: t('auth.logout'),
                  onClick: () => void logout(),
                },
              ],
            }}
          >
            <Space className="app-user" data-testid="user-menu">
              <Avatar size="small" icon={<UserOutlined />} />
              <span className="app-user-name">{me.displayName}</span>
              <Tag color="gold" bordered={false} className="app-user-role">
                {enumLabel(t, 'role', me.role)}
              </Tag>
              <span className="app-user-org">{me.orgName}</span>
            </Space>
          </Dropdown>
        </Space>
      </Layout.Header>
      <Layout>
        {phone ? (
          <Drawer
            open={drawer}
            onClose={() => setDrawer(false)}
            placement="left"
            size={240}
            title={t('app.name')}
            styles={{ body: { padding: 0 } }}
          >
            {menu}
          </Drawer>
        ) : (
          <Layout.Sider
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            width={200}
            theme="light"
            style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}
          >
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content className="app-content">
          <Suspense fallback={<Spin size="large" className="app-page-spin" />}>
            <Outlet />
          </Suspense>
          <Typography.Text type="secondary" className="app-footer">
            {t('app.footer')}
          </Typography.Text>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
